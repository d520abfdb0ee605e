import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessBlock,
  type BlockInput,
  type BlockRecord,
  confirmTarget,
  type JudgedBlock,
  reliefPct,
} from "./blocks";
import { defaultAgentMinHours } from "./pathway-vocab";

const rec = (minutesAfter: number, pain: number, activityTried?: boolean): BlockRecord => ({
  minutesAfter,
  pain,
  activityTried,
});
/** prePain 10 makes relief percentages easy to read: pain 2 is 80% relief. */
const block = (records: BlockRecord[], o: Partial<BlockInput> = {}): BlockInput => ({
  prePain: 10,
  agentMinHours: 2,
  threshold: 80,
  records,
  ...o,
});

describe("assessBlock (docs/clinical-rules.md, diagnostic blocks)", () => {
  const cases: Array<[string, BlockInput, ReturnType<typeof assessBlock>]> = [
    [
      "relief from 15 min to 3 h with a 2 h agent: positive",
      block([rec(15, 1), rec(30, 1), rec(60, 2), rec(120, 2), rec(180, 2), rec(240, 6)]),
      { result: "positive", peakReliefPct: 90, reliefUntilMinutes: 180 },
    ],
    [
      "relief ends exactly at the agent's hours: positive (inclusive)",
      block([rec(15, 2), rec(60, 2), rec(120, 2), rec(180, 7)]),
      { result: "positive", peakReliefPct: 80, reliefUntilMinutes: 120 },
    ],
    [
      "relief ends one record before the agent's hours, a later record fails: negative",
      block([rec(15, 2), rec(60, 2), rec(119, 2), rec(180, 7)]),
      { result: "negative", peakReliefPct: 80, reliefUntilMinutes: 119 },
    ],
    [
      "relief holds at the last answer but short of the agent's hours: inconclusive",
      block([rec(15, 1), rec(30, 1), rec(60, 1)]),
      { result: "inconclusive", peakReliefPct: 90, reliefUntilMinutes: 60 },
    ],
    [
      "exactly 80% relief (prePain 5, pain 1) counts",
      block([rec(15, 1), rec(30, 1), rec(60, 1), rec(120, 1)], { prePain: 5 }),
      { result: "positive", peakReliefPct: 80, reliefUntilMinutes: 120 },
    ],
    [
      "79.99% is below the line: negative, no relief minute",
      block([rec(15, 2.001), rec(30, 2.001), rec(60, 2.001), rec(120, 2.001)]),
      { result: "negative", peakReliefPct: 79.99, reliefUntilMinutes: null },
    ],
    [
      "float rounding never moves a value exactly on the line (prePain 7, pain 1.4 is 80%)",
      block([rec(15, 1.4), rec(30, 1.4), rec(60, 1.4), rec(120, 1.4)], { prePain: 7 }),
      { result: "positive", peakReliefPct: reliefPct(7, 1.4), reliefUntilMinutes: 120 },
    ],
    [
      "two records at the same minute: the later given wins",
      block([rec(15, 1), rec(30, 1), rec(60, 9), rec(60, 1), rec(120, 1)]),
      { result: "positive", peakReliefPct: 90, reliefUntilMinutes: 120 },
    ],
    [
      "two records at the same minute: the later given wins, also when it is worse",
      block([rec(15, 1), rec(30, 1), rec(60, 1), rec(60, 9), rec(120, 1), rec(180, 1)]),
      { result: "negative", peakReliefPct: 90, reliefUntilMinutes: 30 },
    ],
    [
      "the run from the first relief counts, not a later one: negative",
      block([rec(15, 2), rec(30, 2), rec(60, 8), rec(120, 1), rec(180, 1), rec(240, 1)]),
      { result: "negative", peakReliefPct: 90, reliefUntilMinutes: 30 },
    ],
    [
      "relief that starts late still starts the run",
      block([rec(15, 9), rec(30, 5), rec(60, 2), rec(120, 2), rec(180, 2), rec(240, 9)]),
      { result: "positive", peakReliefPct: 80, reliefUntilMinutes: 180 },
    ],
    [
      "fewer than 3 records in the first 8 hours: inconclusive, peak still reported",
      block([rec(15, 1), rec(480, 1), rec(600, 1), rec(700, 1)]),
      { result: "inconclusive", peakReliefPct: 90, reliefUntilMinutes: null },
    ],
    [
      "3 records with the third at exactly 480 minutes are enough",
      block([rec(15, 1), rec(240, 1), rec(480, 1)]),
      { result: "positive", peakReliefPct: 90, reliefUntilMinutes: 480 },
    ],
    [
      "no records: inconclusive, no peak",
      block([]),
      { result: "inconclusive", peakReliefPct: null, reliefUntilMinutes: null },
    ],
    [
      "records at 0 minutes, before the injection or after 24 h are not read",
      block([rec(0, 1), rec(-5, 1), rec(15, 9), rec(30, 9), rec(60, 9), rec(1441, 0)]),
      { result: "negative", peakReliefPct: 10, reliefUntilMinutes: null },
    ],
    [
      "a record at exactly 24 h is read (late answers allowed)",
      block([rec(15, 1), rec(30, 1), rec(60, 1), rec(1440, 1)], { agentMinHours: 24 }),
      { result: "positive", peakReliefPct: 90, reliefUntilMinutes: 1440 },
    ],
    [
      "pain worse than before: negative relief, negative result",
      block([rec(15, 10), rec(30, 10), rec(60, 10)], { prePain: 8 }),
      { result: "negative", peakReliefPct: -25, reliefUntilMinutes: null },
    ],
    [
      "records given out of order are read in order of minutes",
      block([rec(180, 2), rec(15, 2), rec(240, 8), rec(60, 2), rec(120, 2)]),
      { result: "positive", peakReliefPct: 80, reliefUntilMinutes: 180 },
    ],
    [
      "the agent's hours come from the clinic setting: lidocaine 1 h",
      block([rec(15, 1), rec(30, 1), rec(60, 1), rec(120, 8)], {
        agentMinHours: defaultAgentMinHours.lidocaine,
      }),
      { result: "positive", peakReliefPct: 90, reliefUntilMinutes: 60 },
    ],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    const got = assessBlock(input);
    expect(got.result).toBe(expected.result);
    expect(got.reliefUntilMinutes).toBe(expected.reliefUntilMinutes);
    if (expected.peakReliefPct === null) expect(got.peakReliefPct).toBeNull();
    else expect(got.peakReliefPct).toBeCloseTo(expected.peakReliefPct, 9);
  });

  const recordArb = fc.record({
    minutesAfter: fc.integer({ min: -10, max: 1500 }),
    pain: fc.integer({ min: 0, max: 10 }),
  });
  const inputArb = fc.record({
    prePain: fc.integer({ min: 1, max: 10 }),
    agentMinHours: fc.constantFrom(1, 2, 3, 8),
    threshold: fc.constantFrom(50, 80, 100),
    records: fc.array(recordArb, { maxLength: 14 }),
  });

  it("positive means the relief lasted the agent's hours; no relief minute means not positive", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = assessBlock(input);
        if (r.result === "positive") {
          expect(r.reliefUntilMinutes).not.toBeNull();
          expect(r.reliefUntilMinutes ?? 0).toBeGreaterThanOrEqual(input.agentMinHours * 60);
        }
        if (r.reliefUntilMinutes === null) expect(r.result).not.toBe("positive");
        if (r.peakReliefPct !== null) expect(r.peakReliefPct).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("the order records with distinct minutes are given in does not matter", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const unique = [...new Map(input.records.map((r) => [r.minutesAfter, r])).values()];
        const shuffled = [...unique].sort(
          (a, b) => ((a.minutesAfter * 7919 + seed) % 97) - ((b.minutesAfter * 7919 + seed) % 97),
        );
        expect(assessBlock({ ...input, records: shuffled })).toEqual(
          assessBlock({ ...input, records: unique }),
        );
      }),
    );
  });

  it("a positive block reached its threshold; whether an activity was tried does not change the result", () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), (input, tried) => {
        const r = assessBlock(input);
        if (r.result === "positive")
          expect(r.peakReliefPct ?? 0).toBeGreaterThanOrEqual(input.threshold - 1e-9);
        const withActivity = input.records.map((x) => ({ ...x, activityTried: tried }));
        expect(assessBlock({ ...input, records: withActivity })).toEqual(r);
      }),
    );
  });
});

describe("confirmTarget: two positive blocks on different days", () => {
  const positive = (reliefUntilMinutes: number) => ({
    result: "positive" as const,
    peakReliefPct: 90,
    reliefUntilMinutes,
  });
  const b = (o: Partial<JudgedBlock>): JudgedBlock => ({
    id: Math.random().toString(36).slice(2),
    givenOn: "2026-03-01",
    region: "lumbar",
    side: "right",
    targets: ["medial_branch:L4", "medial_branch:L5"],
    anesthetic: "lidocaine",
    agentMinHours: 1,
    assessment: positive(120),
    ...o,
  });
  const target = { region: "lumbar", side: "right", targets: ["medial_branch:L5"] };

  it("confirms with two positive blocks on different days at an overlapping target set", () => {
    const r = confirmTarget(target, [
      b({}),
      b({
        givenOn: "2026-03-15",
        anesthetic: "bupivacaine",
        agentMinHours: 2,
        assessment: positive(300),
      }),
    ]);
    expect(r.confirmed).toBe(true);
    expect(r.discordant).toBe(false);
  });
  it("two blocks on the same day do not confirm", () => {
    expect(confirmTarget(target, [b({}), b({})]).confirmed).toBe(false);
  });
  it("a block on the other side or another region does not count", () => {
    expect(
      confirmTarget(target, [b({}), b({ givenOn: "2026-03-15", side: "left" })]).confirmed,
    ).toBe(false);
    expect(
      confirmTarget(target, [b({}), b({ givenOn: "2026-03-15", region: "cervical" })]).confirmed,
    ).toBe(false);
    expect(
      confirmTarget(target, [b({}), b({ givenOn: "2026-03-15", targets: ["medial_branch:L3"] })])
        .confirmed,
    ).toBe(false);
  });
  it("a negative or inconclusive block does not count", () => {
    const inconclusive = {
      result: "inconclusive" as const,
      peakReliefPct: 90,
      reliefUntilMinutes: 30,
    };
    expect(
      confirmTarget(target, [b({}), b({ givenOn: "2026-03-15", assessment: inconclusive })])
        .confirmed,
    ).toBe(false);
  });
  it("the shorter-acting agent relieving longer is shown as discordant", () => {
    const r = confirmTarget(target, [
      b({ anesthetic: "lidocaine", agentMinHours: 1, assessment: positive(360) }),
      b({
        givenOn: "2026-03-15",
        anesthetic: "bupivacaine",
        agentMinHours: 2,
        assessment: positive(180),
      }),
    ]);
    expect(r.confirmed).toBe(true);
    expect(r.discordant).toBe(true);
  });
});
