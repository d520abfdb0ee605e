// assessOutcome against a second, deliberately naive implementation of docs/clinical-rules.md,
// written from the text alone (day by day, no sorting tricks, no shared helpers), on generated
// diaries with sided locations. An outside team cross-checks the engine the same way; this keeps
// the two from drifting apart before they do.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssessmentEntry, type AssessmentInput, assessOutcome } from "./assess";
import type {
  Category,
  FlagCode,
  Location,
  Phase,
  ProcedureSide,
  Quality,
  Region,
  Strategy,
} from "./vocab";

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const EPS = 1e-9;
const atLeast = (a: number, b: number) => a >= b - EPS;
const above = (a: number, b: number) => a > b + EPS;

type Reference = {
  day: number;
  phase: Phase;
  category: Category;
  success: boolean;
  currentPain: number | null;
  reductionPct: number | null;
  currentInterference: number | null;
  functionImproved: boolean | null;
  peakReductionPct: number | null;
  reliefDurationDays: number | null;
  flags: FlagCode[];
  suggestions: Strategy[];
};

function reference(input: AssessmentInput): Reference {
  const p = input.procedure;
  const start = dayNumber(p.performedOn);
  const day = dayNumber(input.asOf) - start;
  const dated = input.entries
    .map((e) => ({ ...e, d: dayNumber(e.entryDate) - start }))
    .filter((e) => e.d >= 0 && e.d <= day);
  const inDays = (from: number, to: number) => dated.filter((e) => e.d >= from && e.d <= to);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  const windowEnding = (end: number) => {
    const es = inDays(end - 6, end);
    if (es.length < 3) return null;
    const pain = mean(es.map((e) => e.painAverage));
    const points = p.baselinePain - pain;
    const pct = (100 * points) / p.baselinePain;
    return { end, pain, points, pct, relief: atLeast(pct, 30) || atLeast(points, 2) };
  };

  const current = windowEnding(day);
  const currentPain = current ? current.pain : null;
  const interferences = inDays(day - 6, day)
    .map((e) => e.interference)
    .filter((x): x is number => typeof x === "number");
  const currentInterference = interferences.length ? mean(interferences) : null;
  const baselineInterference = p.baselineInterference ?? null;
  const functionImproved =
    baselineInterference === null || currentInterference === null
      ? null
      : atLeast(baselineInterference - currentInterference, 1);

  const history: NonNullable<ReturnType<typeof windowEnding>>[] = [];
  for (let end = 10; end <= day; end++) {
    if (!dated.some((e) => e.d === end)) continue;
    const w = windowEnding(end);
    if (w) history.push(w);
  }
  const judged = day >= 10 && current ? [...history, current] : history;
  const peakReductionPct = judged.length ? Math.max(...judged.map((w) => w.pct)) : null;
  const reliefEnds = judged.filter((w) => w.relief).map((w) => w.end);
  const reliefDurationDays = reliefEnds.length ? Math.max(...reliefEnds) : null;

  let category: Category;
  if (day < 10) category = "too_early";
  else if (!current) category = "insufficient_data";
  else if (history.some((w) => w.end < day && w.relief) && !current.relief) category = "recurrence";
  else if (atLeast(current.pain - p.baselinePain, 1)) category = "worse";
  else if (atLeast(current.pct, 50)) category = "substantial";
  else if (atLeast(current.pct, 30) || atLeast(current.points, 2)) category = "moderate";
  else if (above(current.points, 0)) category = "minimal";
  else category = "no_change";

  const strict = (input.criteria ?? "strict") === "strict";
  const success =
    functionImproved !== false &&
    (category === "substantial" || (!strict && category === "moderate"));

  const phase: Phase =
    day <= 9
      ? "early"
      : day <= 21
        ? "evaluation"
        : day <= 179
          ? "established"
          : day <= 365
            ? "regeneration_window"
            : "late";

  const side = (l: Location) => (l.includes(":") ? l.split(":")[1] : null);
  const region = (l: Location) => l.split(":")[0];
  const treated = (l: Location) =>
    region(l) === p.region &&
    (side(l) === null || !p.side || p.side === "bilateral" || side(l) === p.side);
  const inBaseline = (l: Location) =>
    (p.baselineLocations ?? []).some(
      (b) =>
        region(b) === region(l) && (side(b) === null || side(l) === null || side(b) === side(l)),
    );
  const neuropathic = (["burning", "tingling"] as Quality[]).filter(
    (q) => !(p.baselineQualities ?? []).includes(q),
  );

  const flags: FlagCode[] = [];
  const worse = currentPain !== null && atLeast(currentPain - p.baselinePain, 1);
  if (day >= 14 && worse) flags.push("WORSE_THAN_BASELINE");
  if (day >= 14 && (category === "minimal" || category === "no_change"))
    flags.push("NO_IMPROVEMENT");
  if (category === "recurrence") flags.push("RECURRENCE");
  const shifted = inDays(Math.max(10, day - 13), day).filter((e) =>
    e.locations.some((l) => !treated(l) && !inBaseline(l)),
  );
  if (shifted.length >= 2) flags.push("PAIN_SHIFT");
  const neuro = inDays(14, day).filter((e) => e.qualities.some((q) => neuropathic.includes(q)));
  if (neuro.length >= 2) flags.push("NEW_NEUROPATHIC_SYMPTOMS");
  if (inDays(15, day).filter((e) => e.siteSoreness).length >= 2)
    flags.push("PROLONGED_SITE_SORENESS");
  if (day >= 7 && day <= 365 && inDays(day - 6, day).length === 0) flags.push("DIARY_LAPSED");

  const byRegion: Record<Region, Strategy[]> = {
    cervical: ["facet_joint_injection", "epidural_steroid_injection"],
    thoracic: ["facet_joint_injection", "epidural_steroid_injection"],
    lumbar: ["facet_joint_injection", "epidural_steroid_injection"],
    sacroiliac: ["sacroiliac_joint_injection"],
    knee: ["intra_articular_injection", "peripheral_nerve_stimulation"],
    hip: ["intra_articular_injection", "peripheral_nerve_stimulation"],
    shoulder: ["intra_articular_injection", "peripheral_nerve_stimulation"],
    other: [],
  };
  let suggestions: Strategy[];
  if (category === "too_early" || category === "insufficient_data" || success)
    suggestions = ["continue_monitoring"];
  else if (category === "substantial") suggestions = ["physical_therapy", "continue_monitoring"];
  else if (category === "moderate" || category === "recurrence")
    suggestions = ["repeat_ablation", "physical_therapy", "medication_adjustment"];
  else
    suggestions = [
      "re_evaluation",
      "physical_therapy",
      "medication_adjustment",
      ...byRegion[p.region],
      "psychological_support",
    ];
  if (flags.includes("PAIN_SHIFT") && !suggestions.includes("re_evaluation"))
    suggestions.push("re_evaluation");
  if (flags.includes("NEW_NEUROPATHIC_SYMPTOMS") && !suggestions.includes("medication_adjustment"))
    suggestions.push("medication_adjustment");

  return {
    day,
    phase,
    category,
    success,
    currentPain,
    reductionPct: current ? current.pct : null,
    currentInterference,
    functionImproved,
    peakReductionPct,
    reliefDurationDays,
    flags,
    suggestions,
  };
}

// ---- Generated diaries: relief, recurrence, worsening, gaps, sides ----

const P = "2025-03-01";
const at = (day: number) =>
  new Date(dayNumber(P) * DAY_MS + day * DAY_MS).toISOString().slice(0, 10);
const REGIONS: Region[] = ["lumbar", "sacroiliac", "knee", "hip", "shoulder", "cervical", "other"];
const locationPool = (r: Region): Location[] => [
  r,
  `${r}:left`,
  `${r}:right`,
  "knee:left",
  "hip",
  "hip:right",
  "lumbar",
];
const QUALITIES: Quality[] = ["aching", "burning", "tingling", "numbness"];

const diary = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    side: fc.constantFrom<ProcedureSide | null>("left", "right", "bilateral", null),
    baselinePain: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 10, max: 100 })),
    baselineInterference: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    asOfDay: fc.oneof(
      fc.integer({ min: -3, max: 40 }),
      fc.integer({ min: 40, max: 400 }),
      fc.constantFrom(9, 10, 13, 14, 15, 21, 22, 179, 180, 365, 366),
    ),
    criteria: fc.constantFrom<"strict" | "lenient">("strict", "lenient"),
    seedBaselineLocations: fc.array(fc.nat(6), { maxLength: 3 }),
    baselineQualities: fc.subarray(QUALITIES),
    early: fc.array(
      fc.record({ d: fc.integer({ min: -3, max: 45 }), pain: fc.integer({ min: 0, max: 20 }) }),
      { maxLength: 25 },
    ),
    late: fc.array(
      fc.record({ back: fc.integer({ min: -3, max: 20 }), pain: fc.integer({ min: 0, max: 20 }) }),
      { maxLength: 20 },
    ),
    detail: fc.array(
      fc.record({
        locations: fc.array(fc.nat(6), { maxLength: 3 }),
        qualities: fc.subarray(QUALITIES),
        siteSoreness: fc.boolean(),
        interference: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map((g): AssessmentInput => {
    const pool = locationPool(g.region);
    const days = [
      ...g.early.map((e) => e),
      ...g.late.map((e) => ({ d: g.asOfDay - e.back, pain: e.pain })),
    ];
    const entries: AssessmentEntry[] = days.map(({ d, pain }, i) => {
      const x = g.detail[i % g.detail.length] ?? g.detail[0];
      return {
        entryDate: at(d),
        painAverage: pain / 2,
        interference: x?.interference == null ? null : x.interference / 2,
        locations: [...new Set((x?.locations ?? []).map((n) => pool[n] ?? g.region))],
        qualities: x?.qualities ?? [],
        siteSoreness: x?.siteSoreness ?? false,
      };
    });
    return {
      procedure: {
        performedOn: P,
        region: g.region,
        side: g.side,
        baselinePain: g.baselinePain > 10 ? g.baselinePain / 10 : g.baselinePain,
        baselineInterference: g.baselineInterference === null ? null : g.baselineInterference / 2,
        baselineLocations: [...new Set(g.seedBaselineLocations.map((n) => pool[n] ?? g.region))],
        baselineQualities: g.baselineQualities,
      },
      entries,
      asOf: at(g.asOfDay),
      criteria: g.criteria,
    };
  });

// 1,000 diaries in every test run; `CROSS_CHECK_RUNS=50000 npx vitest run assess.reference` for the
// long check before a change to the rules lands.
const RUNS = Number(process.env.CROSS_CHECK_RUNS) || 1000;

describe("assessOutcome agrees with a naive reading of the clinical rules", () => {
  it("on generated diaries with sides", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(diary, (input) => {
        const a = assessOutcome(input);
        const r = reference(input);
        seen.add(a.category);
        for (const f of a.flags) seen.add(f.code);
        for (const s of a.suggestions) seen.add(s.strategy);
        expect({
          day: a.day,
          phase: a.phase,
          category: a.category,
          success: a.success,
          functionImproved: a.functionImproved,
          reliefDurationDays: a.reliefDurationDays,
          flags: a.flags.map((f) => f.code),
          suggestions: a.suggestions.map((s) => s.strategy),
        }).toEqual({
          day: r.day,
          phase: r.phase,
          category: r.category,
          success: r.success,
          functionImproved: r.functionImproved,
          reliefDurationDays: r.reliefDurationDays,
          flags: r.flags,
          suggestions: r.suggestions,
        });
        for (const [x, y] of [
          [a.currentPain, r.currentPain],
          [a.reductionPct, r.reductionPct],
          [a.currentInterference, r.currentInterference],
          [a.peakReductionPct, r.peakReductionPct],
        ] as const) {
          if (y === null) expect(x).toBeNull();
          else expect(x).toBeCloseTo(y, 9);
        }
      }),
      { numRuns: RUNS },
    );
    // the generated diaries reach every category, flag and suggested strategy
    expect([...seen].sort()).toEqual(
      [
        ...([
          "too_early",
          "insufficient_data",
          "recurrence",
          "worse",
          "substantial",
          "moderate",
          "minimal",
          "no_change",
        ] satisfies Category[]),
        ...([
          "WORSE_THAN_BASELINE",
          "NO_IMPROVEMENT",
          "RECURRENCE",
          "PAIN_SHIFT",
          "NEW_NEUROPATHIC_SYMPTOMS",
          "PROLONGED_SITE_SORENESS",
          "DIARY_LAPSED",
        ] satisfies FlagCode[]),
        ...([
          "continue_monitoring",
          "re_evaluation",
          "repeat_ablation",
          "physical_therapy",
          "medication_adjustment",
          "epidural_steroid_injection",
          "facet_joint_injection",
          "sacroiliac_joint_injection",
          "intra_articular_injection",
          "peripheral_nerve_stimulation",
          "psychological_support",
        ] satisfies Strategy[]),
      ].sort(),
    );
  }, 60_000);
});
