import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assessment,
  type AssessmentEntry,
  type AssessmentInput,
  assessOutcome,
  flagsOnDates,
  LOCATION_WINDOW_DAYS,
  NEUROPATHIC_QUALITIES,
  phaseForDay,
  phaseMessages,
} from "./assess";
import { addDays, daysBetween, isIsoDate } from "./dates";
import type {
  Category,
  Criteria,
  FlagCode,
  Location,
  Phase,
  ProcedureSide,
  Quality,
  Region,
  Strategy,
} from "./vocab";

const P = "2024-01-01"; // performedOn, day 0
const at = (day: number) => addDays(P, day);

function entry(day: number, pain: number, extra: Partial<AssessmentEntry> = {}): AssessmentEntry {
  return {
    entryDate: at(day),
    painAverage: pain,
    locations: ["lumbar"],
    qualities: ["aching"],
    ...extra,
  };
}
/** Consecutive daily entries ending on `endDay`, one per pain value. */
function series(
  endDay: number,
  pains: number[],
  extra: Partial<AssessmentEntry> = {},
): AssessmentEntry[] {
  return pains.map((p, i) => entry(endDay - pains.length + 1 + i, p, extra));
}

type Options = {
  baseline: number;
  asOf: number;
  /** Entries on the days ending at asOf. */
  pains?: number[];
  entries?: AssessmentEntry[];
  region?: Region;
  side?: ProcedureSide | null;
  criteria?: Criteria;
  baselineInterference?: number | null;
  interference?: number | null;
  baselineLocations?: Location[];
  baselineQualities?: Quality[];
};
function run(o: Options): Assessment {
  const input: AssessmentInput = {
    procedure: {
      performedOn: P,
      region: o.region ?? "lumbar",
      side: o.side ?? null,
      baselinePain: o.baseline,
      baselineInterference: o.baselineInterference ?? null,
      baselineLocations: o.baselineLocations ?? [],
      baselineQualities: o.baselineQualities ?? [],
    },
    entries: [
      ...(o.entries ?? []),
      ...series(o.asOf, o.pains ?? [], {
        locations: [o.region ?? "lumbar"],
        ...(o.interference === undefined ? {} : { interference: o.interference }),
      }),
    ],
    asOf: at(o.asOf),
  };
  if (o.criteria) input.criteria = o.criteria;
  return assessOutcome(input);
}
const codes = (a: Assessment) => a.flags.map((f) => f.code);
const strategies = (a: Assessment) => a.suggestions.map((s) => s.strategy);

describe("dates", () => {
  it("counts and adds whole days across month, leap day and DST-free UTC", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2024-03-30", "2024-03-31")).toBe(1);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
  it("validates calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expect(isIsoDate("2024-01-01T00:00:00Z")).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    expect(() => daysBetween("nope", "2024-01-01")).toThrow(RangeError);
  });
});

// docs/clinical-rules.md#worked-examples, each row a test.
describe("worked examples", () => {
  it.each<{ name: string; o: Options; category: Category; check?: (a: Assessment) => void }>([
    {
      name: "baseline 8, 4,4,4, day 21: substantial 50%",
      o: { baseline: 8, pains: [4, 4, 4], asOf: 21 },
      category: "substantial",
      check: (a) => expect(a.reductionPct).toBe(50),
    },
    {
      name: "baseline 8, 6,5,6, day 30: moderate (2.33 points, 29.2%)",
      o: { baseline: 8, pains: [6, 5, 6], asOf: 30 },
      category: "moderate",
      check: (a) => {
        expect(a.currentPain).toBeCloseTo(5.67, 2);
        expect(a.reductionPoints).toBeCloseTo(2.33, 2);
        expect(a.reductionPct).toBeCloseTo(29.2, 1);
      },
    },
    {
      name: "baseline 3, 2,2,2, day 30: moderate (1 point, 33.3%)",
      o: { baseline: 3, pains: [2, 2, 2], asOf: 30 },
      category: "moderate",
      check: (a) => {
        expect(a.reductionPoints).toBe(1);
        expect(a.reductionPct).toBeCloseTo(33.3, 1);
      },
    },
    {
      name: "baseline 8, 7,7,7, day 30: minimal, NO_IMPROVEMENT",
      o: { baseline: 8, pains: [7, 7, 7], asOf: 30 },
      category: "minimal",
      check: (a) => expect(codes(a)).toEqual(["NO_IMPROVEMENT"]),
    },
    {
      name: "baseline 6, 6,6,6, day 14: no_change, NO_IMPROVEMENT",
      o: { baseline: 6, pains: [6, 6, 6], asOf: 14 },
      category: "no_change",
      check: (a) => expect(codes(a)).toEqual(["NO_IMPROVEMENT"]),
    },
    {
      name: "baseline 6, 7,7,7, day 20: worse, WORSE_THAN_BASELINE only",
      o: { baseline: 6, pains: [7, 7, 7], asOf: 20 },
      category: "worse",
      check: (a) => expect(codes(a)).toEqual(["WORSE_THAN_BASELINE"]),
    },
    {
      name: "knee, side right, knee:left on days 20 and 21, day 22: PAIN_SHIFT (the other knee)",
      o: {
        baseline: 6,
        region: "knee",
        side: "right",
        entries: [20, 21].map((d) => entry(d, 3, { locations: ["knee:left"] })),
        pains: [3],
        asOf: 22,
      },
      category: "substantial",
      check: (a) => {
        expect(codes(a)).toEqual(["PAIN_SHIFT"]);
        expect(a.flags[0]?.sentence).toContain("(Left knee)");
        expect(a.flags[0]?.sentence).toContain("treated region (Right knee)");
      },
    },
    {
      name: "knee, side right, knee and knee:right on days 20-22, day 22: no PAIN_SHIFT",
      o: {
        baseline: 6,
        region: "knee",
        side: "right",
        entries: [20, 21, 22].map((d) => entry(d, 3, { locations: ["knee", "knee:right"] })),
        asOf: 22,
      },
      category: "substantial",
      check: (a) => expect(codes(a)).toEqual([]),
    },
    {
      name: "sacroiliac, baseline 6, 6,6,6, day 22: no_change, sacroiliac suggestions",
      o: { baseline: 6, region: "sacroiliac", pains: [6, 6, 6], asOf: 22 },
      category: "no_change",
      check: (a) => {
        expect(codes(a)).toEqual(["NO_IMPROVEMENT"]);
        expect(strategies(a)).toEqual([
          "re_evaluation",
          "physical_therapy",
          "medication_adjustment",
          "sacroiliac_joint_injection",
          "psychological_support",
        ]);
      },
    },
    {
      name: "baseline 8, 3,3,3 on days 20-22 then 7,7,7 on days 200-202: recurrence",
      o: { baseline: 8, entries: series(22, [3, 3, 3]), pains: [7, 7, 7], asOf: 202 },
      category: "recurrence",
      check: (a) => {
        expect(a.peakReductionPct).toBe(62.5);
        expect(a.reliefDurationDays).toBe(22);
        expect(a.reliefUntil).toBe(at(22));
        expect(a.phase).toBe("regeneration_window");
        expect(a.suggestions[0]?.strategy).toBe("repeat_ablation");
        expect(codes(a)).toEqual(["RECURRENCE"]);
        expect(a.flags[0]?.sentence).toContain("22 days");
      },
    },
    {
      name: "baseline 7, 7,7 (two entries), day 30: insufficient_data",
      o: { baseline: 7, pains: [7, 7], asOf: 30 },
      category: "insufficient_data",
      check: (a) => {
        expect(a.currentPain).toBeNull();
        expect(a.entryCountInWindow).toBe(2);
      },
    },
    {
      name: "baseline 7, anything, day 5: too_early, phase early",
      o: { baseline: 7, pains: [9, 9, 9, 9, 9], asOf: 5 },
      category: "too_early",
      check: (a) => expect(a.phase).toBe("early"),
    },
    {
      name: "baseline 7, 4 on days 40-44 and nothing after, day 60: relief documented through day 44, not ended",
      o: { baseline: 7, entries: series(44, [4, 4, 4, 4, 4]), asOf: 60 },
      category: "insufficient_data",
      check: (a) => {
        expect(codes(a)).toEqual(["DIARY_LAPSED"]);
        expect(a.reliefUntil).toBe(at(44));
        expect(a.reliefDurationDays).toBe(44);
        expect(a.flags.some((f) => /lasted/i.test(f.sentence))).toBe(false);
        expect(strategies(a)).toEqual(["continue_monitoring"]);
      },
    },
  ])("$name", ({ o, category, check }) => {
    const a = run(o);
    expect(a.category).toBe(category);
    check?.(a);
  });
});

// docs/clinical-rules.md#categories: each boundary, on each side.
describe("category boundaries (docs/clinical-rules.md#categories)", () => {
  it.each<[string, Options, Category]>([
    ["day 9 is too early", { baseline: 8, pains: [4, 4, 4], asOf: 9 }, "too_early"],
    ["day 10 is judged", { baseline: 8, pains: [4, 4, 4], asOf: 10 }, "substantial"],
    ["day -3 (asOf before performedOn) is too early", { baseline: 8, asOf: -3 }, "too_early"],
    ["reductionPct exactly 50", { baseline: 8, pains: [4, 4, 4], asOf: 30 }, "substantial"],
    ["reductionPct just under 50", { baseline: 8, pains: [4, 4, 4.03], asOf: 30 }, "moderate"],
    [
      "reductionPct exactly 30 (baseline 3, mean 2.1)",
      { baseline: 3, pains: [2.1, 2.1, 2.1], asOf: 30 },
      "moderate",
    ],
    ["reductionPct just under 30", { baseline: 3, pains: [2.1, 2.1, 2.11], asOf: 30 }, "minimal"],
    ["reductionPoints exactly 2 (25%)", { baseline: 8, pains: [6, 6, 6], asOf: 30 }, "moderate"],
    ["reductionPoints just under 2", { baseline: 8, pains: [6, 6, 6.03], asOf: 30 }, "minimal"],
    ["reductionPoints just over 0", { baseline: 8, pains: [8, 8, 7.9], asOf: 30 }, "minimal"],
    ["reductionPoints 0", { baseline: 8, pains: [8, 8, 8], asOf: 30 }, "no_change"],
    [
      "reductionPoints 0 with float noise",
      { baseline: 6.3, pains: [6.3, 6.3, 6.3], asOf: 30 },
      "no_change",
    ],
    ["worse by exactly 1", { baseline: 6, pains: [7, 7, 7], asOf: 30 }, "worse"],
    [
      "worse by exactly 1 with float noise (5.1 -> 6.1)",
      { baseline: 5.1, pains: [6.1, 6.1, 6.1], asOf: 30 },
      "worse",
    ],
    ["worse by only 0.9", { baseline: 6, pains: [6.9, 6.9, 6.9], asOf: 30 }, "no_change"],
    ["worse by 0.99", { baseline: 6, pains: [7, 7, 6.97], asOf: 30 }, "no_change"],
    ["2 entries in the window", { baseline: 8, pains: [4, 4], asOf: 30 }, "insufficient_data"],
    ["3 entries in the window", { baseline: 8, pains: [4, 4, 4], asOf: 30 }, "substantial"],
    [
      "an entry 7 days before asOf is outside the window",
      { baseline: 8, entries: [entry(23, 4)], pains: [4, 4], asOf: 30 },
      "insufficient_data",
    ],
    [
      "an entry 6 days before asOf is inside the window",
      { baseline: 8, entries: [entry(24, 4)], pains: [4, 4], asOf: 30 },
      "substantial",
    ],
    [
      "entries after asOf are ignored",
      { baseline: 8, entries: [entry(31, 4), entry(32, 4)], pains: [4], asOf: 30 },
      "insufficient_data",
    ],
    [
      "entries before performedOn are ignored",
      { baseline: 8, entries: [entry(-1, 4), entry(-2, 4)], pains: [4], asOf: 4 + 6 },
      "insufficient_data",
    ],
    [
      "several entries on one date all count",
      { baseline: 8, entries: [entry(30, 4), entry(30, 4), entry(30, 4)], asOf: 30 },
      "substantial",
    ],
  ])("%s", (_name, o, category) => {
    expect(run(o).category).toBe(category);
  });

  it("computes the derived numbers at full precision", () => {
    const a = run({ baseline: 3, pains: [2.1, 2.1, 2.1], asOf: 30 });
    expect(a.reductionPct).toBeCloseTo(30, 9);
    expect(a.day).toBe(30);
    expect(a.lastEntryDate).toBe(at(30));
  });

  it("gives a negative day and phase early when asOf is before performedOn", () => {
    const a = run({ baseline: 8, asOf: -3 });
    expect(a.day).toBe(-3);
    expect(a.phase).toBe("early");
    expect(a.flags).toEqual([]);
    expect(a.lastEntryDate).toBeNull();
  });
});

describe("recurrence (docs/clinical-rules.md#relief)", () => {
  it("needs the earlier window to have at least 3 entries", () => {
    const a = run({ baseline: 8, entries: series(21, [3, 3]), pains: [7, 7, 7], asOf: 202 });
    expect(a.category).toBe("minimal");
    expect(a.peakReductionPct).toBe(12.5);
    expect(a.reliefUntil).toBeNull();
  });
  it("ignores a relief window ending on day 9", () => {
    const a = run({ baseline: 8, entries: series(9, [3, 3, 3]), pains: [7, 7, 7], asOf: 40 });
    expect(a.category).toBe("minimal");
    expect(a.windows.map((w) => w.endDay)).toEqual([40]);
  });
  it("counts a relief window ending on day 10 (entries from day 4 on)", () => {
    const a = run({ baseline: 8, entries: series(10, [3, 3, 3]), pains: [7, 7, 7], asOf: 40 });
    expect(a.category).toBe("recurrence");
    expect(a.reliefDurationDays).toBe(10);
  });
  it("takes precedence over worse, while WORSE_THAN_BASELINE is still raised", () => {
    const a = run({ baseline: 6, entries: series(30, [2, 2, 2]), pains: [7, 7, 7], asOf: 100 });
    expect(a.category).toBe("recurrence");
    expect(codes(a)).toEqual(["WORSE_THAN_BASELINE", "RECURRENCE"]);
  });
  it("is not raised while the current window still shows relief", () => {
    const a = run({ baseline: 8, entries: series(22, [3, 3, 3]), pains: [5, 5, 5], asOf: 100 });
    expect(a.category).toBe("moderate");
    expect(a.peakReductionPct).toBe(62.5);
    expect(a.reliefUntil).toBe(at(100)); // the current window counts from day 10
    expect(a.reliefDurationDays).toBe(100);
  });
  it("is not raised when the current window has too few entries", () => {
    const a = run({ baseline: 8, entries: series(22, [3, 3, 3]), pains: [7, 7], asOf: 100 });
    expect(a.category).toBe("insufficient_data");
  });
  it("uses the last relief window for reliefUntil and lists history windows", () => {
    const a = run({
      baseline: 8,
      entries: [...series(22, [3, 3, 3]), ...series(50, [4, 4, 4])],
      pains: [7, 7, 7],
      asOf: 202,
    });
    expect(a.reliefUntil).toBe(at(50));
    expect(a.reliefDurationDays).toBe(50);
    expect(a.windows.map((w) => [w.endDay, w.showsRelief])).toEqual([
      [22, true],
      [50, true],
      [202, false],
    ]);
  });
});

describe("success (docs/clinical-rules.md#categories)", () => {
  // substantial: 8 -> 4; moderate: 8 -> 5.
  it.each<[Category, Criteria | undefined, number | null, number | null, boolean | null, boolean]>([
    ["substantial", undefined, 6, 5, true, true], // default strict
    ["substantial", "strict", 6, 5, true, true],
    ["substantial", "strict", 6, 5.1, false, false],
    ["substantial", "strict", 6.1, 5.1, true, true], // exactly 1 point with float noise
    ["substantial", "strict", null, 5, null, true],
    ["substantial", "strict", 6, null, null, true],
    ["substantial", "lenient", 6, 5, true, true],
    ["substantial", "lenient", 6, 5.1, false, false],
    ["substantial", "lenient", null, null, null, true],
    ["moderate", "strict", 6, 5, true, false],
    ["moderate", "strict", null, null, null, false],
    ["moderate", "lenient", 6, 5, true, true],
    ["moderate", "lenient", 6, 5.5, false, false],
    ["moderate", "lenient", null, null, null, true],
  ])(
    "%s, %s criteria, interference %s -> %s: functionImproved %s, success %s",
    (category, criteria, bi, ci, fi, success) => {
      const pain = category === "substantial" ? 4 : 5;
      const o: Options = {
        baseline: 8,
        pains: [pain, pain, pain],
        asOf: 30,
        baselineInterference: bi,
        interference: ci,
      };
      if (criteria) o.criteria = criteria;
      const a = run(o);
      expect(a.category).toBe(category);
      expect(a.criteria).toBe(criteria ?? "strict");
      expect(a.functionImproved).toBe(fi);
      expect(a.success).toBe(success);
    },
  );

  it("averages interference over the entries that have it", () => {
    const a = run({
      baseline: 8,
      entries: [
        entry(28, 4, { interference: 4 }),
        entry(29, 4, { interference: null }),
        entry(30, 4, { interference: 6 }),
      ],
      asOf: 30,
      baselineInterference: 6,
    });
    expect(a.currentInterference).toBe(5);
    expect(a.functionImproved).toBe(true);
  });
  it("is never success for other categories", () => {
    for (const criteria of ["strict", "lenient"] as const) {
      expect(run({ baseline: 8, pains: [7, 7, 7], asOf: 30, criteria }).success).toBe(false);
      expect(run({ baseline: 8, pains: [4, 4, 4], asOf: 5, criteria }).success).toBe(false);
    }
  });
});

describe("phase (docs/clinical-rules.md#phases)", () => {
  it.each<[number, Phase]>([
    [-1, "early"],
    [0, "early"],
    [9, "early"],
    [10, "evaluation"],
    [21, "evaluation"],
    [22, "established"],
    [179, "established"],
    [180, "regeneration_window"],
    [365, "regeneration_window"],
    [366, "late"],
  ])("day %i is %s", (day, phase) => {
    expect(phaseForDay(day)).toBe(phase);
    const a = run({ baseline: 8, asOf: day });
    expect(a.phase).toBe(phase);
    expect(a.phaseMessage).toBe(phaseMessages[phase]);
  });
  it("tells the patient the message of the phase", () => {
    expect(phaseMessages.early).toMatch(/^Soreness, bruising/);
    expect(phaseMessages.regeneration_window).toContain("6-12 months");
  });
});

// Each flag's threshold on each side.
describe("flags (docs/clinical-rules.md#flags)", () => {
  const has = (o: Options, code: FlagCode) => codes(run(o)).includes(code);

  it.each<[string, Options, FlagCode, boolean]>([
    // WORSE_THAN_BASELINE
    ["worse at day 13", { baseline: 6, pains: [7, 7, 7], asOf: 13 }, "WORSE_THAN_BASELINE", false],
    ["worse at day 14", { baseline: 6, pains: [7, 7, 7], asOf: 14 }, "WORSE_THAN_BASELINE", true],
    [
      "+0.9 at day 30",
      { baseline: 6, pains: [6.9, 6.9, 6.9], asOf: 30 },
      "WORSE_THAN_BASELINE",
      false,
    ],
    ["+1 at day 30", { baseline: 6, pains: [7, 7, 7], asOf: 30 }, "WORSE_THAN_BASELINE", true],
    // NO_IMPROVEMENT
    ["no change at day 13", { baseline: 6, pains: [6, 6, 6], asOf: 13 }, "NO_IMPROVEMENT", false],
    ["no change at day 14", { baseline: 6, pains: [6, 6, 6], asOf: 14 }, "NO_IMPROVEMENT", true],
    ["minimal at day 14", { baseline: 8, pains: [7, 7, 7], asOf: 14 }, "NO_IMPROVEMENT", true],
    // one fact, one flag: worse is WORSE_THAN_BASELINE alone
    ["worse at day 14", { baseline: 6, pains: [7, 7, 7], asOf: 14 }, "NO_IMPROVEMENT", false],
    ["worse at day 90", { baseline: 3, pains: [9, 9, 9], asOf: 90 }, "NO_IMPROVEMENT", false],
    [
      "recurrence at day 100",
      { baseline: 8, entries: series(22, [3, 3, 3]), pains: [8, 8, 8], asOf: 100 },
      "NO_IMPROVEMENT",
      false,
    ],
    ["moderate at day 30", { baseline: 8, pains: [6, 6, 6], asOf: 30 }, "NO_IMPROVEMENT", false],
    ["substantial at day 30", { baseline: 8, pains: [4, 4, 4], asOf: 30 }, "NO_IMPROVEMENT", false],
    [
      "insufficient data at day 30",
      { baseline: 8, pains: [8, 8], asOf: 30 },
      "NO_IMPROVEMENT",
      false,
    ],
    // RECURRENCE
    [
      "recurrence",
      { baseline: 8, entries: series(22, [3, 3, 3]), pains: [7, 7, 7], asOf: 60 },
      "RECURRENCE",
      true,
    ],
    [
      "ongoing relief",
      { baseline: 8, entries: series(22, [3, 3, 3]), pains: [4, 4, 4], asOf: 60 },
      "RECURRENCE",
      false,
    ],
    // DIARY_LAPSED
    ["no entries at day 6", { baseline: 8, asOf: 6 }, "DIARY_LAPSED", false],
    ["no entries at day 7", { baseline: 8, asOf: 7 }, "DIARY_LAPSED", true],
    [
      "only a day-0 entry at day 7",
      { baseline: 8, entries: [entry(0, 5)], asOf: 7 },
      "DIARY_LAPSED",
      true,
    ],
    ["no entries at day 365", { baseline: 8, asOf: 365 }, "DIARY_LAPSED", true],
    ["no entries at day 366", { baseline: 8, asOf: 366 }, "DIARY_LAPSED", false],
    [
      "last entry 7 days before asOf",
      { baseline: 8, entries: [entry(23, 5)], asOf: 30 },
      "DIARY_LAPSED",
      true,
    ],
    [
      "last entry 6 days before asOf",
      { baseline: 8, entries: [entry(24, 5)], asOf: 30 },
      "DIARY_LAPSED",
      false,
    ],
    [
      "only entries after asOf",
      { baseline: 8, entries: [entry(31, 5)], asOf: 30 },
      "DIARY_LAPSED",
      true,
    ],
  ])("%s: %s raised = %s", (_name, o, code, raised) => {
    expect(has(o, code)).toBe(raised);
  });

  const hip = { locations: ["lumbar", "hip"] as Region[] };
  it.each<[string, AssessmentEntry[], Partial<Options>, boolean]>([
    [
      "new location on days 9 and 10 (day 9 does not count)",
      [entry(9, 4, hip), entry(10, 4, hip)],
      { asOf: 20 },
      false,
    ],
    ["new location on days 10 and 11", [entry(10, 4, hip), entry(11, 4, hip)], { asOf: 20 }, true],
    ["one entry with a new location", [entry(20, 4, hip)], {}, false],
    ["two entries with a new location", [entry(20, 4, hip), entry(21, 4, hip)], {}, true],
    [
      "two entries with different new locations",
      [entry(20, 4, hip), entry(21, 4, { locations: ["knee"] })],
      {},
      true,
    ],
    [
      "14 days before asOf is outside the window",
      [entry(16, 4, hip), entry(29, 4, hip)],
      {},
      false,
    ],
    ["13 days before asOf is inside the window", [entry(17, 4, hip), entry(29, 4, hip)], {}, true],
    ["only the treated region", [entry(20, 4), entry(21, 4)], {}, false],
    [
      "location in baselineLocations",
      [entry(20, 4, hip), entry(21, 4, hip)],
      { baselineLocations: ["hip"] },
      false,
    ],
    [
      "hip new for a knee procedure",
      [entry(20, 4, { locations: ["knee", "hip"] }), entry(21, 4, { locations: ["hip"] })],
      { region: "knee" },
      true,
    ],
  ])("PAIN_SHIFT: %s -> %s", (_name, entries, extra, raised) => {
    expect(has({ baseline: 8, entries, asOf: 30, ...extra }, "PAIN_SHIFT")).toBe(raised);
  });

  // docs/clinical-rules.md#locations-and-sides: a right knee procedure, sided and unsided
  // locations and baselines.
  it.each<[ProcedureSide | null, Location[], Location, boolean]>([
    ["right", [], "knee:left", true],
    ["right", [], "knee:right", false],
    ["right", [], "knee", false],
    ["left", [], "knee:right", true],
    ["left", [], "knee:left", false],
    ["bilateral", [], "knee:left", false],
    ["bilateral", [], "knee:right", false],
    [null, [], "knee:left", false],
    [null, [], "knee:right", false],
    ["right", ["knee"], "knee:left", false],
    ["right", ["knee:left"], "knee:left", false],
    ["right", ["knee:right"], "knee:left", true],
    ["right", [], "hip:left", true],
    ["right", [], "hip", true],
    ["right", ["hip"], "hip:left", false],
    ["right", ["hip"], "hip:right", false],
    ["right", ["hip:left"], "hip", false],
    ["right", ["hip:left"], "hip:left", false],
    ["right", ["hip:left"], "hip:right", true],
    ["right", ["hip:left", "hip:right"], "hip:right", false],
    ["right", ["knee:left"], "hip:left", true],
  ])(
    "PAIN_SHIFT: knee procedure side %s, baseline %j, entries at %s -> %s",
    (side, baselineLocations, location, raised) => {
      const entries = [20, 21].map((d) => entry(d, 4, { locations: [location] }));
      expect(
        has(
          { baseline: 8, region: "knee", side, baselineLocations, entries, asOf: 22 },
          "PAIN_SHIFT",
        ),
      ).toBe(raised);
    },
  );

  it("PAIN_SHIFT: a midline procedure treats both sides of its region", () => {
    const entries = [20, 21].map((d) =>
      entry(d, 4, { locations: ["lumbar:left", "lumbar:right"] }),
    );
    expect(has({ baseline: 8, entries, asOf: 22 }, "PAIN_SHIFT")).toBe(false);
  });

  it("PAIN_SHIFT: names the new locations with their sides, and the treated side", () => {
    const a = run({
      baseline: 8,
      region: "sacroiliac",
      side: "left",
      baselineLocations: ["lumbar"],
      entries: [
        entry(20, 4, { locations: ["sacroiliac:left", "sacroiliac:right"] }),
        entry(21, 4, { locations: ["hip:right", "lumbar:left"] }),
      ],
      asOf: 22,
    });
    expect(a.flags.find((f) => f.code === "PAIN_SHIFT")?.sentence).toBe(
      "2 entries in the last 14 days report pain in a new location (Right sacroiliac joint, Right hip), outside the treated region (Left sacroiliac joint) and the baseline locations.",
    );
    const both = run({
      baseline: 8,
      region: "knee",
      side: "bilateral",
      entries: [20, 21].map((d) => entry(d, 4, { locations: ["hip:left"] })),
      asOf: 22,
    });
    expect(both.flags.find((f) => f.code === "PAIN_SHIFT")?.sentence).toContain(
      "(Knee, both sides)",
    );
  });

  const burning = { qualities: ["burning"] as Quality[] };
  const tingling = { qualities: ["aching", "tingling"] as Quality[] };
  it.each<[string, AssessmentEntry[], Partial<Options>, boolean]>([
    [
      "burning on days 13 and 14 (day 13 does not count)",
      [entry(13, 4, burning), entry(14, 4, burning)],
      {},
      false,
    ],
    ["burning on days 14 and 15", [entry(14, 4, burning), entry(15, 4, burning)], {}, true],
    ["one entry with tingling", [entry(20, 4, tingling)], {}, false],
    ["burning then tingling", [entry(20, 4, burning), entry(21, 4, tingling)], {}, true],
    [
      "burning long ago still counts",
      [entry(20, 4, burning), entry(21, 4, burning)],
      { asOf: 300 },
      true,
    ],
    [
      "burning already at baseline",
      [entry(20, 4, burning), entry(21, 4, burning)],
      { baselineQualities: ["burning"] },
      false,
    ],
    [
      "tingling new although burning at baseline",
      [entry(20, 4, tingling), entry(21, 4, tingling)],
      { baselineQualities: ["burning"] },
      true,
    ],
    [
      "pins and needles is not tingling",
      [
        entry(20, 4, { qualities: ["pins_and_needles"] }),
        entry(21, 4, { qualities: ["pins_and_needles"] }),
      ],
      {},
      false,
    ],
  ])("NEW_NEUROPATHIC_SYMPTOMS: %s -> %s", (_name, entries, extra, raised) => {
    expect(has({ baseline: 8, entries, asOf: 30, ...extra }, "NEW_NEUROPATHIC_SYMPTOMS")).toBe(
      raised,
    );
  });

  const sore = { siteSoreness: true };
  it.each<[string, AssessmentEntry[], boolean]>([
    [
      "soreness on days 14 and 15 (day 14 does not count)",
      [entry(14, 4, sore), entry(15, 4, sore)],
      false,
    ],
    ["soreness on days 15 and 16", [entry(15, 4, sore), entry(16, 4, sore)], true],
    ["one entry with soreness", [entry(20, 4, sore), entry(21, 4)], false],
    [
      "siteSoreness false",
      [entry(20, 4, { siteSoreness: false }), entry(21, 4, { siteSoreness: false })],
      false,
    ],
  ])("PROLONGED_SITE_SORENESS: %s -> %s", (_name, entries, raised) => {
    expect(has({ baseline: 8, entries, asOf: 30 }, "PROLONGED_SITE_SORENESS")).toBe(raised);
  });

  it("gives each flag its severity and a sentence with the numbers, in the order of the flag table", () => {
    const a = run({
      baseline: 6,
      entries: [25, 26].map((d) =>
        entry(d, 7, { locations: ["hip"], qualities: ["burning"], siteSoreness: true }),
      ),
      pains: [7, 7, 7],
      asOf: 30,
    });
    expect(a.flags.map((f) => [f.code, f.severity])).toEqual([
      ["WORSE_THAN_BASELINE", "high"],
      ["PAIN_SHIFT", "warning"],
      ["NEW_NEUROPATHIC_SYMPTOMS", "warning"],
      ["PROLONGED_SITE_SORENESS", "info"],
    ]);
    expect(a.flags[0]?.sentence).toContain("7/10");
    expect(a.flags[0]?.sentence).toContain("6/10");
    expect(a.flags[1]?.sentence).toContain("Hip");
    expect(a.flags[2]?.sentence).toContain("burning");
  });
  it("says when the diary was last kept", () => {
    const a = run({ baseline: 8, entries: [entry(20, 5)], asOf: 30 });
    expect(a.flags).toEqual([
      { code: "DIARY_LAPSED", severity: "info", sentence: expect.stringContaining(at(20)) },
    ]);
  });
});

// docs/clinical-rules.md#suggestions
describe("suggestions (docs/clinical-rules.md#suggestions)", () => {
  const spineTail: Strategy[] = ["facet_joint_injection", "epidural_steroid_injection"];
  const jointTail: Strategy[] = ["intra_articular_injection", "peripheral_nerve_stimulation"];
  const failed = (tail: Strategy[]): Strategy[] => [
    "re_evaluation",
    "physical_therapy",
    "medication_adjustment",
    ...tail,
    "psychological_support",
  ];

  it.each<[string, Options, Strategy[]]>([
    ["too early", { baseline: 8, pains: [4, 4, 4], asOf: 5 }, ["continue_monitoring"]],
    ["insufficient data", { baseline: 8, pains: [4], asOf: 30 }, ["continue_monitoring"]],
    [
      "success (substantial, strict)",
      { baseline: 8, pains: [4, 4, 4], asOf: 30 },
      ["continue_monitoring"],
    ],
    [
      "success (moderate, lenient)",
      { baseline: 8, pains: [6, 6, 6], asOf: 30, criteria: "lenient" },
      ["continue_monitoring"],
    ],
    [
      "substantial, function not improved",
      { baseline: 8, pains: [4, 4, 4], asOf: 30, baselineInterference: 5, interference: 5 },
      ["physical_therapy", "continue_monitoring"],
    ],
    [
      "moderate, strict",
      { baseline: 8, pains: [6, 6, 6], asOf: 30 },
      ["repeat_ablation", "physical_therapy", "medication_adjustment"],
    ],
    [
      "moderate, lenient, function not improved",
      {
        baseline: 8,
        pains: [6, 6, 6],
        asOf: 30,
        criteria: "lenient",
        baselineInterference: 5,
        interference: 5,
      },
      ["repeat_ablation", "physical_therapy", "medication_adjustment"],
    ],
    [
      "recurrence",
      { baseline: 8, entries: series(22, [3, 3, 3]), pains: [7, 7, 7], asOf: 100 },
      ["repeat_ablation", "physical_therapy", "medication_adjustment"],
    ],
    [
      "minimal, cervical",
      { baseline: 8, pains: [7, 7, 7], asOf: 30, region: "cervical" },
      failed(spineTail),
    ],
    [
      "minimal, thoracic",
      { baseline: 8, pains: [7, 7, 7], asOf: 30, region: "thoracic" },
      failed(spineTail),
    ],
    [
      "no change, lumbar",
      { baseline: 8, pains: [8, 8, 8], asOf: 30, region: "lumbar" },
      failed(spineTail),
    ],
    [
      "worse, sacroiliac",
      { baseline: 6, pains: [7, 7, 7], asOf: 30, region: "sacroiliac" },
      failed(["sacroiliac_joint_injection"]),
    ],
    [
      "minimal, sacroiliac, left side",
      { baseline: 8, pains: [7, 7, 7], asOf: 30, region: "sacroiliac", side: "left" },
      failed(["sacroiliac_joint_injection"]),
    ],
    [
      "minimal, knee",
      { baseline: 8, pains: [7, 7, 7], asOf: 30, region: "knee" },
      failed(jointTail),
    ],
    [
      "no change, hip",
      { baseline: 8, pains: [8, 8, 8], asOf: 30, region: "hip" },
      failed(jointTail),
    ],
    [
      "worse, shoulder",
      { baseline: 6, pains: [7, 7, 7], asOf: 30, region: "shoulder" },
      failed(jointTail),
    ],
    [
      "no change, knee, right side",
      { baseline: 6, pains: [6, 6, 6], asOf: 40, region: "knee", side: "right" },
      failed(jointTail),
    ],
    ["minimal, other", { baseline: 8, pains: [7, 7, 7], asOf: 30, region: "other" }, failed([])],
  ])("%s", (_name, o, expected) => {
    const a = run(o);
    expect(strategies(a)).toEqual(expected);
    for (const s of a.suggestions) expect(s.reason.length).toBeGreaterThan(10);
  });

  it.each<[number, RegExp]>([
    [179, /earlier than the usual 6-12 month/],
    [180, /within the usual 6-12 month/],
    [400, /within the usual 6-12 month/],
  ])("recurrence at day %i: the repeat_ablation reason says %s", (day, wording) => {
    const a = run({ baseline: 8, entries: series(22, [3, 3, 3]), pains: [7, 7, 7], asOf: day });
    expect(a.category).toBe("recurrence");
    expect(a.suggestions[0]?.strategy).toBe("repeat_ablation");
    expect(a.suggestions[0]?.reason).toMatch(wording);
    expect(a.suggestions[0]?.reason).toContain("22 days");
  });

  const shift = (day: number, pain = 4) => entry(day, pain, { locations: ["hip"] });
  const neuro = (day: number, pain = 4) => entry(day, pain, { qualities: ["tingling"] });
  it.each<[string, Options, Strategy[]]>([
    [
      "success + PAIN_SHIFT",
      { baseline: 8, entries: [shift(26), shift(27)], pains: [4, 4, 4], asOf: 30 },
      ["continue_monitoring", "re_evaluation"],
    ],
    [
      "success + NEW_NEUROPATHIC_SYMPTOMS",
      { baseline: 8, entries: [neuro(26), neuro(27)], pains: [4, 4, 4], asOf: 30 },
      ["continue_monitoring", "medication_adjustment"],
    ],
    [
      "success + both",
      {
        baseline: 8,
        entries: [neuro(24), neuro(25), shift(26), shift(27)],
        pains: [4, 4, 4],
        asOf: 30,
      },
      ["continue_monitoring", "re_evaluation", "medication_adjustment"],
    ],
    [
      "recurrence + both (medication_adjustment not repeated)",
      {
        baseline: 8,
        entries: [...series(22, [3, 3, 3]), neuro(95), neuro(96), shift(97), shift(98)],
        pains: [7, 7, 7],
        asOf: 100,
      },
      ["repeat_ablation", "physical_therapy", "medication_adjustment", "re_evaluation"],
    ],
    [
      "minimal + both (nothing repeated)",
      {
        baseline: 8,
        entries: [neuro(26, 7), neuro(27, 7), shift(24, 7), shift(25, 7)],
        pains: [7, 7, 7],
        asOf: 30,
        region: "other",
      },
      failed([]),
    ],
    [
      "too early: no flags, no appends",
      { baseline: 8, entries: [neuro(5), neuro(6), shift(7), shift(8)], asOf: 9 },
      ["continue_monitoring"],
    ],
  ])("%s", (_name, o, expected) => {
    expect(strategies(run(o))).toEqual(expected);
  });

  it("never suggests spinal cord stimulation, complementary therapy or surgical consultation", () => {
    const never: Strategy[] = [
      "spinal_cord_stimulation",
      "complementary_therapy",
      "surgical_consultation",
    ];
    for (const region of ["lumbar", "knee", "other"] as const) {
      for (const pains of [
        [4, 4, 4],
        [6, 6, 6],
        [7, 7, 7],
        [8, 8, 8],
        [9, 9, 9],
      ]) {
        const a = run({
          baseline: 8,
          pains,
          asOf: 30,
          region,
          entries: [shift(20), shift(21), neuro(22), neuro(23)],
        });
        for (const s of never) expect(strategies(a)).not.toContain(s);
      }
    }
  });
});

describe("check-ins in the assessment", () => {
  it("are answered by entries that carry a PGIC answer", () => {
    const a = run({
      baseline: 8,
      entries: [entry(15, 4, { pgic: "much_improved" }), entry(43, 4, { pgic: null })],
      pains: [4, 4, 4],
      asOf: 46,
    });
    expect(a.checkIns.map((c) => [c.day, c.status])).toEqual([
      [14, "answered"],
      [42, "due"],
      [90, "upcoming"],
      [180, "upcoming"],
      [365, "upcoming"],
    ]);
  });
});

it("returns plain JSON", () => {
  const a = run({ baseline: 8, entries: series(22, [3, 3, 3]), pains: [7, 7, 7], asOf: 202 });
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
});

/** Sided and unsided locations of a few regions, and the sides a procedure can have. */
const someLocations: Location[] = ["lumbar", "knee", "knee:left", "knee:right", "hip:left", "hip"];
const aSide = fc.constantFrom<ProcedureSide | null>("left", "right", "bilateral", null);

describe("flagsOnDates", () => {
  const regions = someLocations;
  const qualities: Quality[] = ["aching", "burning", "tingling"];
  const anEntry = fc.record({
    day: fc.integer({ min: -3, max: 60 }),
    painAverage: fc.integer({ min: 0, max: 10 }),
    interference: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    locations: fc.subarray(regions),
    qualities: fc.subarray(qualities),
    siteSoreness: fc.boolean(),
  });

  it("gives, for every date, the flags assessOutcome raises with that asOf", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        aSide,
        fc.array(anEntry, { maxLength: 60 }),
        fc.array(fc.integer({ min: -2, max: 70 }), { minLength: 1, maxLength: 8 }),
        (baseline, side, raw, asOfDays) => {
          const input = {
            procedure: { performedOn: P, region: "knee" as const, side, baselinePain: baseline },
            entries: raw.map(({ day, ...e }) => ({ ...e, entryDate: at(day) })),
          };
          const dates = asOfDays.map(at);
          expect(flagsOnDates(input, dates)).toEqual(
            dates.map((asOf) => assessOutcome({ ...input, asOf }).flags),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers nothing for no dates", () => {
    expect(
      flagsOnDates(
        { procedure: { performedOn: P, region: "knee", baselinePain: 5 }, entries: [] },
        [],
      ),
    ).toEqual([]);
  });
});

describe("entry detail the assessment reads", () => {
  const regions: Location[] = [...someLocations, "shoulder:right"];
  const qualities: Quality[] = ["aching", "burning", "tingling", "numbness"];
  const anEntry = fc.record({
    day: fc.integer({ min: -3, max: 80 }),
    painAverage: fc.integer({ min: 0, max: 10 }),
    interference: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    locations: fc.subarray(regions),
    qualities: fc.subarray(qualities),
    siteSoreness: fc.boolean(),
  });
  const neuropathic: readonly Quality[] = NEUROPATHIC_QUALITIES;

  it("is the same without locations older than the location window and non-neuropathic qualities", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        aSide,
        fc.subarray(regions),
        fc.subarray(qualities),
        fc.array(anEntry, { maxLength: 70 }),
        fc.integer({ min: -2, max: 90 }),
        (baseline, side, baselineLocations, baselineQualities, raw, asOfDay) => {
          const procedure = {
            performedOn: P,
            region: "knee" as const,
            side,
            baselinePain: baseline,
            baselineLocations,
            baselineQualities,
          };
          const entries = raw.map(({ day, ...e }) => ({ ...e, entryDate: at(day) }));
          const trimmed = raw.map(({ day, ...e }) => ({
            ...e,
            entryDate: at(day),
            locations: day > asOfDay - LOCATION_WINDOW_DAYS ? e.locations : [],
            qualities: e.qualities.some((q) => neuropathic.includes(q)) ? e.qualities : [],
          }));
          const asOf = at(asOfDay);
          expect(assessOutcome({ procedure, entries: trimmed, asOf })).toEqual(
            assessOutcome({ procedure, entries, asOf }),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
