import { describe, expect, it } from "vitest";
import { GAP_DAYS, runs, weekTicks } from "./pain-chart";

describe("the pain chart's axis: weeks since the procedure", () => {
  it.each([
    // last day, most labels, the labelled days
    [14, 6, [0, 7, 14]],
    [35, 6, [0, 7, 14, 21, 28, 35]],
    [42, 6, [0, 14, 28, 42]],
    [90, 14, [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84]],
    [365, 6, [0, 91, 182, 273, 364]],
  ])("%i days, at most %i labels: %j", (lastDay, most, days) => {
    const ticks = weekTicks(lastDay, most);
    expect(ticks).toEqual(days);
    expect(ticks.length).toBeLessThanOrEqual(most);
  });
});

describe("gaps in the diary are gaps in the line", () => {
  const day = (d: number) => ({ day: d });
  it("keeps days at most GAP_DAYS apart in one run and starts a new one after a longer gap", () => {
    expect(GAP_DAYS).toBe(2);
    expect(runs([0, 1, 2, 4, 8, 9, 20].map(day))).toEqual([
      [0, 1, 2, 4].map(day),
      [8, 9].map(day),
      [day(20)],
    ]);
  });
  it("has no runs without days", () => {
    expect(runs([])).toEqual([]);
  });
});
