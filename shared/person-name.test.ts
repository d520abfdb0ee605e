import { describe, expect, it } from "vitest";
import { mrnLastFour, nameMatches, normaliseName } from "./person-name";

describe("a typed name against the account's (the kiosk)", () => {
  it.each([
    ["Tilda Tapping", "tilda", "TAPPING", true],
    ["Tilda Tapping", "  Tilda ", " Tapping  ", true],
    ["José Álvarez", "Jose", "Alvarez", true],
    ["Zoë O'Brien", "zoe", "OBrien", true],
    ["Zoë O'Brien", "Zoe", "O Brien", true],
    ["Ana Smith-Jones", "Ana", "Smith Jones", true],
    ["Mary Ann Smith", "Mary", "Smith", true],
    ["Mary Ann Smith", "Mary Ann", "Smith", true],
    ["Tilda Tapping", "Tilda", "Tap", false],
    ["Tilda Tapping", "Tapping", "Tilda", false],
    ["Tilda Tapping", "", "Tapping", false],
    ["Tilda Tapping", "Tilda", "!!", false],
  ])("%j typed as %j %j: %s", (account, first, last, matches) => {
    expect(nameMatches(account, first, last)).toBe(matches);
  });

  it("normalises case, accents and punctuation", () => {
    expect(normaliseName("  José  O'Brien-Smith ")).toBe("jose o brien smith");
  });

  it("takes the last four letters or digits of an MRN", () => {
    expect(mrnLastFour("MRN-00-1234")).toBe("1234");
    expect(mrnLastFour("ab/12 x9")).toBe("12x9");
    expect(mrnLastFour("12")).toBe("12");
  });
});
