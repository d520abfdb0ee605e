import { describe, expect, it } from "vitest";
import { type ImportPlan, planPatientImport, runPatientImport } from "./patient-import";

const plan = (text: string): ImportPlan => {
  const result = planPatientImport(text);
  if ("error" in result) throw new Error(result.error);
  return result;
};

describe("planPatientImport", () => {
  it("maps the header's columns in any order and numbers rows as a spreadsheet does", () => {
    const result = plan(
      'Provider Email,Email,Name\r\ndoc@x.test,a@x.test,"Doe, Ann"\r\n\r\ndoc@x.test,b@x.test,Bo\r\n',
    );
    expect(result.rows).toEqual([
      { row: 2, name: "Doe, Ann", email: "a@x.test", providerEmail: "doc@x.test" },
      { row: 4, name: "Bo", email: "b@x.test", providerEmail: "doc@x.test" },
    ]);
    expect(result.rejected).toEqual([]);
  });

  it("rejects a second row with the same email, whatever its case", () => {
    const result = plan("name,email,provider email\nA,a@x.test,d@x.test\nA2, A@X.test ,d@x.test\n");
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.rejected).toEqual([
      { row: 3, status: "invalid", message: "Same email as row 2." },
    ]);
  });

  it("explains a missing header or an empty file", () => {
    expect(planPatientImport("a,b,c\n1,2,3")).toEqual({
      error: "The first row must name the columns: name, email, provider email.",
    });
    expect(planPatientImport("name,email,provider email\n")).toEqual({
      error: "The file has no rows below the header.",
    });
  });
});

describe("runPatientImport", () => {
  it("sends chunks in order, reports progress, and returns every row's result in row order", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      row: i + 2,
      name: `P${i}`,
      email: `p${i}@x.test`,
      providerEmail: "d@x.test",
    }));
    const sent: number[][] = [];
    const progress: Array<[number, number]> = [];
    const results = await runPatientImport(
      { rows, rejected: [{ row: 99, status: "invalid", message: "dup" }] },
      async (chunk) => {
        sent.push(chunk.map((r) => r.row));
        return chunk.map((r) => ({ row: r.row, status: "created" as const, message: "ok" }));
      },
      (done, total) => progress.push([done, total]),
      3,
    );
    expect(sent).toEqual([[2, 3, 4], [5, 6, 7], [8]]);
    expect(progress).toEqual([
      [0, 7],
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(results.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 99]);
  });
});
