import { describe, expect, it } from "vitest";
import { differenceInWords, medianInWords } from "./report-tables";
import { kaplanMeier } from "./survival";

describe("the median of relief in words", () => {
  it("says 'not reached' for the upper limit when the last recurrence takes the curve to 0", () => {
    const km = kaplanMeier([
      { time: 42, event: true },
      ...[60, 90, 120, 150, 200, 250, 300, 330].map((time) => ({ time, event: false })),
      { time: 359, event: true },
    ]);
    expect(medianInWords(km.median, km.steps)).toBe(
      "median 359 days, when 1 was still followed (95% CI 42 days to not reached)",
    );
  });

  it("says 'not reached' for a curve that stays above one half", () => {
    const km = kaplanMeier([
      ...[30, 60].map((time) => ({ time, event: true })),
      ...[90, 120, 150, 200, 250, 300, 330, 359].map((time) => ({ time, event: false })),
    ]);
    expect(medianInWords(km.median, km.steps)).toBe(
      "median not reached (95% CI 30 days to not reached)",
    );
  });

  it("gives both limits in days when the curve and its interval cross", () => {
    const km = kaplanMeier(
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120].map((time) => ({ time, event: true })),
    );
    expect(medianInWords(km.median, km.steps)).toMatch(/^median 60 days \(95% CI \d+–\d+ days\)$/);
  });
});

describe("the repeats' mean difference in words", () => {
  it("names the unit and the direction", () => {
    expect(differenceInWords({ n: 6, mean: -0.8, sd: 4, lower: -5.1, upper: 3.5 })).toBe(
      "On average the repeat relieved 0.8 percentage points less of the pain than the earlier procedure (best 7-day reduction from baseline, 6 pairs; 95% CI 5.1 percentage points less to 3.5 percentage points more).",
    );
    expect(differenceInWords({ n: 5, mean: 12.34, sd: null, lower: null, upper: null })).toBe(
      "On average the repeat relieved 12.3 percentage points more of the pain than the earlier procedure (best 7-day reduction from baseline, 5 pairs).",
    );
  });
});
