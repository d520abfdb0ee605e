import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { examplePolicies } from "./pathway-vocab";
import {
  type EvidenceEntry,
  evidenceCriteria,
  evidenceWindows,
  type RepeatEvidenceInput,
  repeatEvidence,
} from "./repeat-evidence";

const P = "2025-01-01"; // performedOn, day 0
const at = (day: number) => addDays(P, day);
const [medicare, twelveWeeks] = examplePolicies as [
  (typeof examplePolicies)[number],
  (typeof examplePolicies)[number],
];

/** One entry a day from `from` to `to` (inclusive). */
function daily(from: number, to: number, pain: number, interference?: number): EvidenceEntry[] {
  const out: EvidenceEntry[] = [];
  for (let d = from; d <= to; d++) out.push({ entryDate: at(d), painAverage: pain, interference });
  return out;
}
/** Three entries on the days ending at `end`: one window that ends there. */
const cluster = (end: number, pain: number, interference?: number) =>
  daily(end - 2, end, pain, interference);

function input(
  entries: EvidenceEntry[],
  asOfDay: number,
  o: Partial<RepeatEvidenceInput> = {},
): RepeatEvidenceInput {
  return {
    procedure: { performedOn: P, baselinePain: 8, baselineInterference: 8 },
    entries,
    asOf: at(asOfDay),
    policy: medicare,
    ablationsAtTarget: [P],
    ...o,
  };
}

describe("repeatEvidence (docs/clinical-rules.md, repeat-ablation evidence)", () => {
  it("Medicare example met: 50% less pain from day 10 to 200 documented daily (195 days)", () => {
    const r = repeatEvidence(input(daily(10, 200, 3, 3), 250));
    expect(r.painRun).toEqual({ from: at(6), to: at(200), days: 195, minReductionPct: 62.5 });
    expect(r.functionRun).toEqual({ from: at(6), to: at(200), days: 195, minReductionPct: 62.5 });
    expect(r).toMatchObject({ relief: true, interval: true, frequency: true, eligible: true });
  });

  it("about 14 weeks of relief meets the 12-week rule but not Medicare's 6 months", () => {
    const entries = [...daily(10, 100, 4, 6), ...daily(101, 190, 7, 7)];
    const m = repeatEvidence(input(entries, 220));
    const c = repeatEvidence(input(entries, 220, { policy: twelveWeeks }));
    expect(m.painRun?.days).toBe(100 - 12 + 7); // windows end on days 12..100
    expect(m.relief).toBe(false);
    expect(m.eligible).toBe(false);
    expect(c.functionRun).toBeNull(); // the 12-week rule has no function criterion
    expect(c.relief).toBe(true);
    expect(c.eligible).toBe(true);
  });

  it("a run of exactly requiredDays meets it; one day less does not", () => {
    // windows end on days 12..(12 + n - 7): days = n
    const exact = repeatEvidence(input(daily(10, 12 + 182 - 7, 4), 300));
    expect(exact.painRun?.days).toBe(182);
    expect(exact.relief).toBe(true);
    const short = repeatEvidence(input(daily(10, 12 + 181 - 7, 4), 300));
    expect(short.painRun?.days).toBe(181);
    expect(short.relief).toBe(false);
  });

  it("a reduction exactly at reliefPct meets it (baseline 8, pain 4 is 50%)", () => {
    const r = repeatEvidence(
      input(cluster(30, 4), 40, { policy: { ...medicare, requiredDays: 7 } }),
    );
    expect(r.painRun).toEqual({ from: at(24), to: at(30), days: 7, minReductionPct: 50 });
    expect(r.relief).toBe(true);
    const below = repeatEvidence(input(cluster(30, 4.01), 40));
    expect(below.painRun).toBeNull();
  });

  it("a gap of exactly maxGapDays keeps the run; one day more breaks it", () => {
    const kept = repeatEvidence(input([...cluster(22, 3), ...cluster(22 + 35, 3)], 100));
    expect(kept.painRun).toMatchObject({ from: at(16), to: at(57), days: 57 - 22 + 7 });
    const broken = repeatEvidence(input([...cluster(22, 3), ...cluster(22 + 36, 3)], 100));
    expect(broken.painRun).toMatchObject({ from: at(16), to: at(22), days: 7 });
  });

  it("one failing window breaks the run; the longest run is kept", () => {
    const entries = [...cluster(20, 3), ...cluster(40, 7), ...cluster(60, 3), ...cluster(80, 3)];
    const r = repeatEvidence(input(entries, 100));
    expect(r.painRun).toEqual({ from: at(54), to: at(80), days: 27, minReductionPct: 62.5 });
  });

  it("of two runs of equal length, the earliest", () => {
    const entries = [...cluster(20, 3), ...cluster(40, 7), ...cluster(60, 2)];
    const r = repeatEvidence(input(entries, 100));
    expect(r.painRun).toEqual({ from: at(14), to: at(20), days: 7, minReductionPct: 62.5 });
  });

  it("minReductionPct is the lowest window of the run", () => {
    const entries = [...cluster(20, 2), ...cluster(30, 4), ...cluster(40, 3)];
    expect(repeatEvidence(input(entries, 100)).painRun?.minReductionPct).toBe(50);
  });

  it("windows need 3 entries in 7 days and a day of at least 10", () => {
    expect(evidenceWindows({ performedOn: P, baselinePain: 8 }, daily(7, 9, 2), at(30))).toEqual(
      [],
    );
    const w = evidenceWindows({ performedOn: P, baselinePain: 8 }, daily(8, 10, 2), at(30));
    expect(w.map((x) => x.endDay)).toEqual([10]);
    // two entries in the last 7 days: no window on day 20
    const sparse = evidenceWindows(
      { performedOn: P, baselinePain: 8 },
      [
        ...daily(10, 12, 2),
        { entryDate: at(19), painAverage: 2 },
        { entryDate: at(20), painAverage: 2 },
      ],
      at(30),
    );
    expect(sparse.map((x) => x.endDay)).toEqual([12]);
    // entries after asOf are not read
    expect(
      evidenceWindows({ performedOn: P, baselinePain: 8 }, daily(10, 30, 2), at(15)).at(-1)?.endDay,
    ).toBe(15);
  });

  it("without baseline interference there is no function run; relief rests on pain alone", () => {
    const r = repeatEvidence(
      input(daily(10, 200, 5, 1), 250, {
        procedure: { performedOn: P, baselinePain: 8, baselineInterference: null },
      }),
    );
    expect(r.functionRun).toBeNull();
    expect(r.painRun).toBeNull(); // 37.5% less pain does not reach 50%
    expect(r.relief).toBe(false);
  });

  it("a function run alone can carry the relief criterion (pain 37.5% less, function 75% better)", () => {
    const r = repeatEvidence(input(daily(10, 200, 5, 2), 250));
    expect(r.painRun).toBeNull();
    expect(r.functionRun?.days).toBe(195);
    expect(r.relief).toBe(true);
  });

  it("a window needs 3 entries with interference for a function reduction", () => {
    const entries = daily(10, 200, 5).map((e, i) => (i % 4 === 0 ? { ...e, interference: 1 } : e));
    expect(repeatEvidence(input(entries, 250)).functionRun).toBeNull();
  });

  it("interval: exactly minIntervalDays since the latest ablation at the target is enough", () => {
    const entries = daily(10, 200, 3, 3);
    expect(repeatEvidence(input(entries, 182)).interval).toBe(true);
    expect(repeatEvidence(input(entries, 181)).interval).toBe(false);
    // the latest ablation at the target counts, not this procedure
    const later = repeatEvidence(input(entries, 250, { ablationsAtTarget: [P, at(100)] }));
    expect(later.interval).toBe(false);
    expect(later.eligible).toBe(false);
  });

  it("frequency: ablations 364 days ago count within the year; 365 days ago do not", () => {
    const entries = daily(10, 200, 3, 3);
    const asOf = 400;
    const within = repeatEvidence(
      input(entries, asOf, { ablationsAtTarget: [at(asOf - 364), at(asOf - 200)] }),
    );
    expect(within.frequency).toBe(false); // two in the year: maxPerYear 2 leaves no room
    const outside = repeatEvidence(
      input(entries, asOf, { ablationsAtTarget: [at(asOf - 365), at(asOf - 200)] }),
    );
    expect(outside.frequency).toBe(true);
  });

  // An independent reading of the run rule: try every stretch of consecutive windows.
  function bruteForceRun(
    windows: { endDay: number; r: number | null }[],
    threshold: number,
    maxGap: number,
  ) {
    let best: { first: number; last: number; days: number; min: number } | null = null;
    for (let a = 0; a < windows.length; a++) {
      for (let b = a; b < windows.length; b++) {
        const seg = windows.slice(a, b + 1);
        const ok = seg.every(
          (w, k) =>
            w.r !== null &&
            w.r >= threshold - 1e-9 &&
            (k === 0 || w.endDay - (seg[k - 1]?.endDay ?? 0) <= maxGap),
        );
        if (!ok) continue;
        const days = (seg.at(-1)?.endDay ?? 0) - (seg[0]?.endDay ?? 0) + 7;
        if (!best || days > best.days) {
          best = {
            first: seg[0]?.endDay ?? 0,
            last: seg.at(-1)?.endDay ?? 0,
            days,
            min: Math.min(...seg.map((w) => w.r ?? 0)),
          };
        }
      }
    }
    return best;
  }

  it("agrees with a brute-force reading of the run rule on generated diaries", () => {
    const entryArb = fc.record({
      day: fc.integer({ min: -5, max: 220 }),
      pain: fc.integer({ min: 0, max: 10 }),
      interference: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        fc.integer({ min: 10, max: 240 }),
        fc.integer({ min: 7, max: 40 }),
        (raw, baselinePain, baselineInterference, asOfDay, maxGapDays) => {
          const entries = raw.map((e) => ({
            entryDate: at(e.day),
            painAverage: e.pain,
            interference: e.interference,
          }));
          const policy = { ...medicare, maxGapDays };
          const procedure = { performedOn: P, baselinePain, baselineInterference };
          const got = repeatEvidence({
            procedure,
            entries,
            asOf: at(asOfDay),
            policy,
            ablationsAtTarget: [P],
          });
          const windows = evidenceWindows(procedure, entries, at(asOfDay));
          const pain = bruteForceRun(
            windows.map((w) => ({ endDay: w.endDay, r: w.painReductionPct })),
            50,
            maxGapDays,
          );
          const fn = bruteForceRun(
            windows.map((w) => ({ endDay: w.endDay, r: w.functionReductionPct })),
            50,
            maxGapDays,
          );
          expect(got.painRun?.days ?? null).toBe(pain?.days ?? null);
          expect(got.painRun?.to ?? null).toBe(pain ? at(pain.last) : null);
          expect(got.functionRun?.days ?? null).toBe(fn?.days ?? null);
          expect(got.relief).toBe((pain?.days ?? 0) >= 182 || (fn?.days ?? 0) >= 182);
        },
      ),
    );
  });
});

describe("repeatEvidence: every rule of the policy, one row each", () => {
  const m = medicare;
  // [rule, entries, asOfDay, overrides, expected]
  const rows: [
    string,
    EvidenceEntry[],
    number,
    Partial<RepeatEvidenceInput>,
    Partial<Record<"relief" | "interval" | "frequency" | "eligible", boolean>> & {
      painDays?: number | null;
      functionDays?: number | null;
    },
  ][] = [
    [
      "pain exactly at reliefPct (4 of 8 = 50%)",
      cluster(30, 4),
      40,
      { policy: { ...m, requiredDays: 7 } },
      { painDays: 7, relief: true },
    ],
    [
      "pain just under reliefPct",
      cluster(30, 4.0001),
      40,
      { policy: { ...m, requiredDays: 7, functionPct: null } },
      { painDays: null, relief: false },
    ],
    [
      "function exactly at functionPct (interference 4 of 8)",
      cluster(30, 8, 4),
      40,
      { policy: { ...m, requiredDays: 7 } },
      { painDays: null, functionDays: 7, relief: true },
    ],
    [
      "function just under functionPct",
      cluster(30, 8, 4.01),
      40,
      { policy: { ...m, requiredDays: 7 } },
      { functionDays: null, relief: false },
    ],
    [
      "a third of a point on the line: baseline 3, mean 1.5 is exactly 50%",
      cluster(30, 1.5),
      40,
      { procedure: { performedOn: P, baselinePain: 3 }, policy: { ...m, requiredDays: 7 } },
      { painDays: 7, relief: true },
    ],
    [
      "requiredDays exactly",
      daily(10, 12 + 182 - 7, 4),
      300,
      {},
      { painDays: 182, relief: true, eligible: true },
    ],
    [
      "requiredDays minus one",
      daily(10, 12 + 181 - 7, 4),
      300,
      {},
      { painDays: 181, relief: false, eligible: false },
    ],
    [
      "gap of exactly maxGapDays keeps the run",
      [...cluster(22, 3), ...cluster(57, 3)],
      100,
      { policy: { ...m, functionPct: null } },
      { painDays: 42 },
    ],
    [
      "gap of maxGapDays + 1 breaks it",
      [...cluster(22, 3), ...cluster(58, 3)],
      100,
      { policy: { ...m, functionPct: null } },
      { painDays: 7 },
    ],
    [
      "one failing window breaks the run (windows 62..68 hold the bad days: runs 12..61 and 69..120)",
      [...daily(10, 60, 3), ...cluster(63, 9), ...daily(64, 120, 3)],
      200,
      { policy: { ...m, functionPct: null } },
      { painDays: 120 - 69 + 7 },
    ],
    [
      "function run without baseline interference: none",
      daily(10, 200, 8, 1),
      250,
      { procedure: { performedOn: P, baselinePain: 8, baselineInterference: null } },
      { functionDays: null, painDays: null, relief: false },
    ],
    [
      "function run with baseline interference 0: none",
      daily(10, 200, 8, 0),
      250,
      { procedure: { performedOn: P, baselinePain: 8, baselineInterference: 0 } },
      { functionDays: null, relief: false },
    ],
    [
      "the pain run does not need interference at all",
      daily(10, 200, 3),
      250,
      {},
      { painDays: 195, functionDays: null, relief: true },
    ],
    ["interval exactly minIntervalDays", daily(10, 200, 3), 182, {}, { interval: true }],
    ["interval one day short", daily(10, 200, 3), 181, {}, { interval: false, eligible: false }],
    [
      "an ablation 364 days before asOf counts within the year",
      daily(10, 200, 3),
      400,
      { ablationsAtTarget: [at(36), at(200)] },
      { frequency: false, eligible: false },
    ],
    [
      "an ablation 365 days before asOf does not",
      daily(10, 200, 3),
      400,
      { ablationsAtTarget: [at(35), at(200)] },
      { frequency: true, eligible: true },
    ],
    [
      "maxPerYear 1 with this procedure in the year: no room",
      daily(10, 200, 3),
      250,
      { policy: { ...m, maxPerYear: 1 } },
      { frequency: false },
    ],
    [
      "entries after asOf are not read",
      daily(10, 300, 3),
      100,
      {},
      { painDays: 100 - 12 + 7, relief: false },
    ],
  ];
  for (const [rule, entries, asOfDay, o, want] of rows) {
    it(rule, () => {
      const r = repeatEvidence(input(entries, asOfDay, o));
      const { painDays, functionDays, ...flags } = want;
      if (painDays !== undefined) expect(r.painRun?.days ?? null).toBe(painDays);
      if (functionDays !== undefined) expect(r.functionRun?.days ?? null).toBe(functionDays);
      expect(r).toMatchObject(flags);
      expect(r.eligible).toBe(r.relief && r.interval && r.frequency);
    });
  }

  it("property: eligible is exactly relief, interval and frequency; runs lie within the diary", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 300 }),
            pain: fc.integer({ min: 0, max: 10 }),
          }),
          { maxLength: 120 },
        ),
        fc.integer({ min: 10, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 4 }),
        (raw, asOfDay, more) => {
          const entries = raw.map((e) => ({ entryDate: at(e.day), painAverage: e.pain }));
          const r = repeatEvidence(
            input(entries, asOfDay, { ablationsAtTarget: [P, ...more.map(at)] }),
          );
          expect(r.eligible).toBe(r.relief && r.interval && r.frequency);
          for (const run of [r.painRun, r.functionRun]) {
            if (!run) continue;
            expect(run.from >= at(4)).toBe(true);
            expect(run.to <= at(asOfDay)).toBe(true);
            expect(run.days % 1).toBe(0);
            expect(run.days).toBeGreaterThanOrEqual(7);
          }
        },
      ),
    );
  });

  it("property: more relief in every entry never shortens the pain run", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 200 }),
            pain: fc.integer({ min: 1, max: 10 }),
          }),
          { maxLength: 100 },
        ),
        (raw) => {
          const entries = raw.map((e) => ({ entryDate: at(e.day), painAverage: e.pain }));
          const better = entries.map((e) => ({ ...e, painAverage: e.painAverage - 1 }));
          const a = repeatEvidence(input(entries, 220)).painRun?.days ?? 0;
          const b = repeatEvidence(input(better, 220)).painRun?.days ?? 0;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});

describe("the criteria in words", () => {
  it("says each criterion with its numbers and dates", () => {
    const i = input(daily(10, 200, 3, 4), 250);
    const words = evidenceCriteria(i, repeatEvidence(i), (d) => d);
    expect(words.map((c) => [c.key, c.met])).toEqual([
      ["pain", true],
      ["function", true],
      ["relief", true],
      ["interval", true],
      ["frequency", true],
    ]);
    expect(words[0]?.sentence).toBe(
      `50% or more less pain from ${at(6)} to ${at(200)}: 195 days, at least 63% (needs 182 days)`,
    );
    expect(words[3]?.sentence).toBe(
      `250 days since the last ablation at this target (${P}); needs 182 days`,
    );
    expect(words[4]?.sentence).toBe(
      `1 ablation at this target in the 365 days to ${at(250)}; at most 2 a year`,
    );
    const none = evidenceCriteria(
      { ...i, policy: twelveWeeks },
      repeatEvidence({ ...input([], 250), policy: twelveWeeks }),
      (d) => d,
    );
    expect(none.map((c) => c.key)).toEqual(["pain", "relief", "interval", "frequency"]);
    expect(none[0]?.sentence).toBe("No documented run of 50% or more less pain (needs 84 days)");
  });
});
