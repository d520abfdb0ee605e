import { describe, expect, it } from "vitest";
import { reliefEnded, reliefSentence } from "./relief";

const iso = (d: string) => d;

describe("relief in words (docs/clinical-rules.md#relief)", () => {
  it.each([
    // category, days, until, sentence
    ["recurrence", 200, "2026-06-03", "Relief lasted 200 days (until 2026-06-03)"],
    ["insufficient_data", 44, "2026-11-16", "Relief through 2026-11-16 (at least 44 days so far)"],
    ["substantial", 35, "2026-12-01", "Relief through 2026-12-01 (at least 35 days so far)"],
    ["moderate", 1, "2026-12-01", "Relief through 2026-12-01 (at least 1 day so far)"],
    ["no_change", null, null, null],
  ] as const)("%s, %s days until %s: %s", (category, reliefDurationDays, reliefUntil, sentence) => {
    expect(reliefSentence({ category, reliefDurationDays, reliefUntil }, iso)).toBe(sentence);
  });

  it("says relief ended only for a recurrence", () => {
    expect(reliefEnded({ category: "recurrence" })).toBe(true);
    for (const category of ["insufficient_data", "worse", "substantial", "too_early"] as const) {
      expect(reliefEnded({ category })).toBe(false);
    }
  });
});
