import { describe, expect, it } from "vitest";
import { datesOf, matchesPatient, parsePatientSearch } from "./patient-search";

const today = "2026-12-02";

describe("the staff's patient search", () => {
  it("reads a date of birth typed as the clinic shows it, as ISO or with numbers", () => {
    for (const typed of [
      "1958-01-31",
      "1958/1/31",
      "31/01/1958",
      "31.1.1958",
      "31-01-58",
      "01/31/1958",
      "31 jan 1958",
      "31 january 1958",
      "31st jan. 1958",
      "jan 31, 1958",
      "january 31 1958",
    ]) {
      expect(datesOf(typed, today), typed).toEqual(["1958-01-31"]);
    }
    expect(datesOf("2 sept 1958", today)).toEqual(["1958-09-02"]);
  });

  it("gives both readings when day and month could swap, and none for what is no date", () => {
    expect(datesOf("03/04/1958", today)).toEqual(["1958-04-03", "1958-03-04"]);
    expect(datesOf("31/02/1958", today)).toEqual([]);
    expect(datesOf("31 ma 1958", today)).toEqual([]);
    expect(datesOf("31 marble 1958", today)).toEqual([]);
    expect(datesOf("100845", today)).toEqual([]);
    expect(datesOf("mrn-100845", today)).toEqual([]);
    expect(datesOf("rosa", today)).toEqual([]);
    // A date after today is no date of birth; a two-digit year is never in the future.
    expect(datesOf("2027-01-01", today)).toEqual([]);
    expect(datesOf("01/02/05", today)).toEqual(["2005-02-01", "2005-01-02"]);
    expect(datesOf("01/02/30", today)).toEqual(["1930-02-01", "1930-01-02"]);
  });

  it("matches a part of the name, MRN or email in any case, or the whole date of birth", () => {
    const rosa = {
      name: "Rosa Díaz",
      mrn: "MRN-100845",
      email: "rosa.d@example.org",
      dateOfBirth: "1958-01-31",
    };
    const match = (text: string) => matchesPatient(parsePatientSearch(text, today), rosa);
    for (const text of [
      "rosa",
      "ROSA D",
      "MRN-100845",
      "mrn-100",
      "100845",
      "d@EXAMPLE",
      "31/01/1958",
      "31 Jan 1958",
      "1958-01-31",
      "  rosa ",
    ])
      expect(match(text), text).toBe(true);
    for (const text of ["maria", "MRN-2", "30/01/1958", "1958-01-30"])
      expect(match(text), text).toBe(false);
    expect(parsePatientSearch("   ", today)).toBeNull();
    expect(matchesPatient(null, rosa)).toBe(true);
    expect(
      matchesPatient(parsePatientSearch("1958-01-31", today), { ...rosa, dateOfBirth: null }),
    ).toBe(false);
  });
});
