import { describe, expect, it } from "vitest";
import { csvCell, csvRow, parseCsv } from "./csv";

describe("parseCsv (RFC 4180)", () => {
  it("reads plain fields, CRLF and LF line breaks, and a last line without a break", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("reads quoted fields holding commas, line breaks and doubled quotes", () => {
    expect(parseCsv('"Doe, Jane","line 1\nline 2","say ""hi"""\r\n')).toEqual([
      ["Doe, Jane", "line 1\nline 2", 'say "hi"'],
    ]);
  });

  it("ignores a byte-order mark and keeps empty fields", () => {
    expect(parseCsv("\uFEFFname,,x\n,,\n")).toEqual([
      ["name", "", "x"],
      ["", "", ""],
    ]);
  });

  it("reads an empty text as no records", () => {
    expect(parseCsv("")).toEqual([]);
  });
});

describe("csvCell", () => {
  it("quotes cells with commas, quotes or line breaks", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const danger of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
      expect(csvCell(danger).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    // A negative number is a number, not a formula; the same text is still neutralised.
    expect(csvCell(-31.4)).toBe("-31.4");
    expect(csvCell("-31.4")).toBe("'-31.4");
  });

  it("round-trips through parseCsv", () => {
    const values = ["plain", "with, comma", 'with "quote"', "multi\nline", ""];
    expect(parseCsv(csvRow(values))).toEqual([values]);
  });
});
