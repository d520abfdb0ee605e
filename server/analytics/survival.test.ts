import { describe, expect, it } from "vitest";
import { chiSquareTail, studentQuantileTwoSided } from "./distributions";
import { pairedMeanDifference } from "./paired";
import { censorMarks, kaplanMeier, logRank, numberAtRisk, type Observation } from "./survival";

// Freireich et al. (1963): weeks of remission in acute leukaemia, 6-MP against placebo
// ("+" = censored). The standard teaching data set (Kleinbaum & Klein, ch. 2; Klein & Moeschberger).
const sixMp: Observation[] = [
  "6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+",
]
  .join(" ")
  .split(" ")
  .map((t) => ({ time: Number.parseInt(t, 10), event: !t.endsWith("+") }));
const placebo: Observation[] = [
  1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23,
].map((time) => ({ time, event: true }));

const eventSteps = (obs: Observation[]) => kaplanMeier(obs).steps.filter((s) => s.events > 0);
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

describe("Kaplan-Meier on the Freireich 6-MP data", () => {
  it("gives the published estimates, Greenwood standard errors and log(-log) intervals at each event time (6-MP)", () => {
    // time, at risk, events, S(t), Greenwood SE, 95% interval (log-log), as in the textbooks and
    // Stata's `sts list` of these data.
    const published = [
      [6, 21, 3, 0.8571, 0.0764, 0.6197, 0.9516],
      [7, 17, 1, 0.8067, 0.0869, 0.5631, 0.9228],
      [10, 15, 1, 0.7529, 0.0963, 0.5032, 0.8894],
      [13, 12, 1, 0.6902, 0.1068, 0.4316, 0.8491],
      [16, 11, 1, 0.6275, 0.1141, 0.3675, 0.8049],
      [22, 7, 1, 0.5378, 0.1282, 0.2678, 0.7468],
      [23, 6, 1, 0.4482, 0.1346, 0.1881, 0.6801],
    ];
    expect(
      eventSteps(sixMp).map((s) => [
        s.time,
        s.atRisk,
        s.events,
        round(s.survival),
        round(s.stdErr),
        round(s.lower),
        round(s.upper),
      ]),
    ).toEqual(published);
  });

  it("gives the published estimates and Greenwood standard errors at each event time (placebo)", () => {
    const published = [
      [1, 21, 2, 0.9048, 0.0641],
      [2, 19, 2, 0.8095, 0.0857],
      [3, 17, 1, 0.7619, 0.0929],
      [4, 16, 2, 0.6667, 0.1029],
      [5, 14, 2, 0.5714, 0.108],
      [8, 12, 4, 0.381, 0.106],
      [11, 8, 2, 0.2857, 0.0986],
      [12, 6, 2, 0.1905, 0.0857],
      [15, 4, 1, 0.1429, 0.0764],
      [17, 3, 1, 0.0952, 0.0641],
      [22, 2, 1, 0.0476, 0.0465],
      [23, 1, 1, 0, 0],
    ];
    expect(
      eventSteps(placebo).map((s) => [
        s.time,
        s.atRisk,
        s.events,
        round(s.survival),
        round(s.stdErr),
      ]),
    ).toEqual(published);
  });

  it("gives the median with its interval (the first times the curve and its limits reach 0.5)", () => {
    expect(kaplanMeier(sixMp).median).toEqual({ estimate: 23, lower: 13, upper: null });
    expect(kaplanMeier(placebo).median.estimate).toBe(8);
    expect(kaplanMeier(sixMp)).toMatchObject({ n: 21, events: 9 });
  });

  it("says 'not reached' (null) for a median whose curve never gets to 0.5", () => {
    // Two recurrences among ten, the rest censored: the curve stays at 0.8.
    const km = kaplanMeier([
      ...[30, 60].map((time) => ({ time, event: true })),
      ...[90, 120, 150, 200, 250, 300, 330, 359].map((time) => ({ time, event: false })),
    ]);
    expect(km.steps.at(-1)?.survival).toBeCloseTo(0.8, 12);
    // The interval is wide with ten: its lower limit reaches 0.5 at the first recurrence.
    expect(km.median).toEqual({ estimate: null, lower: 30, upper: null });
  });

  it("gives no upper limit at the last time when only the last subject's event takes the curve to 0", () => {
    // The demo clinic's case: one early recurrence, eight censored, then the last procedure
    // still followed has a recurrence at day 359. The median is 359 and the interval's lower
    // limit crosses at 42, but the upper limit never crossed: "not reached", not 359.
    const km = kaplanMeier([
      { time: 42, event: true },
      ...[60, 90, 120, 150, 200, 250, 300, 330].map((time) => ({ time, event: false })),
      { time: 359, event: true },
    ]);
    expect(km.steps.at(-1)).toMatchObject({ time: 359, atRisk: 1, survival: 0 });
    expect(km.median).toEqual({ estimate: 359, lower: 42, upper: null });
  });

  it("puts a censoring tick on the curve at each censored time, after that time's events", () => {
    const marks = censorMarks(kaplanMeier(sixMp).steps).map((m) => [
      m.time,
      round(m.survival),
      m.censored,
    ]);
    expect(marks).toEqual([
      [6, 0.8571, 1], // three relapses at week 6 come first: the tick sits on the lower step
      [9, 0.8067, 1],
      [10, 0.7529, 1],
      [11, 0.7529, 1],
      [17, 0.6275, 1],
      [19, 0.6275, 1],
      [20, 0.6275, 1],
      [25, 0.4482, 1],
      [32, 0.4482, 2],
      [34, 0.4482, 1],
      [35, 0.4482, 1],
    ]);
    expect(censorMarks(kaplanMeier(placebo).steps)).toEqual([]);
  });

  it("counts a subject censored at an event time as at risk at that time (events before censorings)", () => {
    // At week 6: three relapses and one censoring. All 21 are at risk at 6; 17 at week 7.
    const steps = kaplanMeier(sixMp).steps;
    expect(steps[0]).toMatchObject({ time: 6, atRisk: 21, events: 3, censored: 1 });
    expect(steps[1]).toMatchObject({ time: 7, atRisk: 17, events: 1, censored: 0 });
    // Censor-only times keep the estimate.
    const nine = steps.find((s) => s.time === 9);
    expect(nine).toMatchObject({ events: 0, censored: 1, atRisk: 16 });
    expect(nine?.survival).toBe(steps[1]?.survival);
    expect(nine?.survival).toBeCloseTo((18 / 21) * (16 / 17), 12);
  });

  it("does not depend on the order of the input", () => {
    const shuffled = [...sixMp].reverse();
    expect(kaplanMeier(shuffled)).toEqual(kaplanMeier(sixMp));
  });

  it("counts the number at risk at given times", () => {
    expect([0, 6, 7, 10, 23, 36].map((t) => numberAtRisk(sixMp, t))).toEqual([
      21, 21, 17, 15, 6, 0,
    ]);
  });

  it("stays at 1 with no events and has no median", () => {
    const km = kaplanMeier([
      { time: 5, event: false },
      { time: 9, event: false },
    ]);
    expect(km.steps.map((s) => [s.survival, s.lower, s.upper])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(km.median).toEqual({ estimate: null, lower: null, upper: null });
    expect(kaplanMeier([])).toMatchObject({ n: 0, events: 0, steps: [] });
  });

  it("refuses negative or non-finite times", () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError);
  });
});

describe("log-rank test", () => {
  it("gives chi-square 16.79 on 1 df between 6-MP and placebo", () => {
    const test = logRank([sixMp, placebo]);
    expect(test?.df).toBe(1);
    expect(test?.chiSquare).toBeCloseTo(16.79, 2);
    expect(test?.observed).toEqual([9, 21]);
    expect(test?.expected[0]).toBeCloseTo(19.25, 2);
    expect(test?.expected[1]).toBeCloseTo(10.75, 2);
    expect(test?.p).toBeCloseTo(4.17e-5, 6);
  });

  it("is the same whichever group comes first, and extends to k groups", () => {
    expect(logRank([placebo, sixMp])?.chiSquare).toBeCloseTo(16.79, 2);
    // Three groups: splitting placebo in two similar halves keeps the test close, now on 2 df.
    const odd = placebo.filter((_, i) => i % 2 === 0);
    const even = placebo.filter((_, i) => i % 2 === 1);
    const three = logRank([sixMp, odd, even]);
    expect(three?.df).toBe(2);
    expect(three?.chiSquare).toBeGreaterThan(16);
    expect(three?.chiSquare).toBeLessThan(18);
    // Identical groups: no difference at all.
    expect(logRank([placebo, placebo])?.chiSquare).toBeCloseTo(0, 10);
    expect(logRank([placebo, placebo])?.p).toBeCloseTo(1, 10);
  });

  it("has no test with one group, an empty group, or no events", () => {
    expect(logRank([sixMp])).toBeNull();
    expect(logRank([sixMp, []])).toBeNull();
    expect(logRank([[{ time: 3, event: false }], [{ time: 4, event: false }]])).toBeNull();
  });
});

describe("distributions", () => {
  it("gives chi-square tails and t quantiles of the tables", () => {
    expect(chiSquareTail(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(0, 3)).toBe(1);
    expect(studentQuantileTwoSided(0.05, 10)).toBeCloseTo(2.228139, 5);
    expect(studentQuantileTwoSided(0.05, 4)).toBeCloseTo(2.776445, 5);
    expect(studentQuantileTwoSided(0.05, 1)).toBeCloseTo(12.7062, 3);
  });
});

describe("paired mean difference", () => {
  it("gives the mean of after - before with a t interval", () => {
    const d = pairedMeanDifference([
      { before: 50, after: 60 },
      { before: 40, after: 45 },
      { before: 70, after: 65 },
      { before: 30, after: 50 },
    ]);
    // differences 10, 5, -5, 20: mean 7.5, sd 10.408, t(0.975, 3) = 3.182446
    expect(d?.mean).toBeCloseTo(7.5, 10);
    expect(d?.sd).toBeCloseTo(10.40833, 5);
    expect(d?.lower).toBeCloseTo(7.5 - (3.182446 * 10.40833) / 2, 4);
    expect(d?.upper).toBeCloseTo(7.5 + (3.182446 * 10.40833) / 2, 4);
    expect(pairedMeanDifference([])).toBeNull();
    expect(pairedMeanDifference([{ before: 1, after: 3 }])).toEqual({
      n: 1,
      mean: 2,
      sd: null,
      lower: null,
      upper: null,
    });
  });
});
