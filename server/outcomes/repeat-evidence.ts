// Repeat-ablation evidence (docs/clinical-rules.md#repeat-ablation-evidence). Pure: no clock, no I/O. Whether the diary documents the relief a payer asks for
// before it pays for a repeat ablation at the same target, and the interval and frequency rules.
import { addDays, dayCounter, daysBetween } from "./dates";
import type { RepeatPolicy } from "./pathway-vocab";
import { FIRST_JUDGED_DAY, gte, MIN_WINDOW_ENTRIES, WINDOW_DAYS } from "./thresholds";

const YEAR_DAYS = 365;

export type EvidenceProcedure = {
  performedOn: string;
  baselinePain: number;
  baselineInterference?: number | null;
};
export type EvidenceEntry = {
  entryDate: string;
  painAverage: number;
  interference?: number | null;
};
export type EvidencePolicy = Pick<
  RepeatPolicy,
  "reliefPct" | "functionPct" | "requiredDays" | "maxGapDays" | "minIntervalDays" | "maxPerYear"
>;

export type RepeatEvidenceInput = {
  procedure: EvidenceProcedure;
  entries: readonly EvidenceEntry[];
  asOf: string;
  policy: EvidencePolicy;
  /** The dates of every ablation at the same target, this one included. */
  ablationsAtTarget: readonly string[];
};

/** A documented run of relief: from (first window's end - 6) to the last window's end. */
export type ReliefRun = { from: string; to: string; days: number; minReductionPct: number };

export type RepeatEvidence = {
  painRun: ReliefRun | null;
  functionRun: ReliefRun | null;
  relief: boolean;
  interval: boolean;
  frequency: boolean;
  eligible: boolean;
};

/** One history window (the engine's windows) with its pain and function reductions. */
export type EvidenceWindow = {
  endDay: number;
  endDate: string;
  painReductionPct: number;
  /** null: fewer than 3 entries with interference, or no baseline interference above 0. */
  functionReductionPct: number | null;
};

/**
 * The windows of the engine (end on a day with an entry, day 10..asOf, >= 3 entries in the 7 days
 * ending there), in order of end day.
 */
export function evidenceWindows(
  procedure: EvidenceProcedure,
  entries: readonly EvidenceEntry[],
  asOf: string,
): EvidenceWindow[] {
  const dayOf = dayCounter(procedure.performedOn);
  const lastDay = dayOf(asOf);
  const dated = entries
    .map((e) => ({ e, day: dayOf(e.entryDate) }))
    .filter((x) => x.day >= 0 && x.day <= lastDay)
    .sort((a, b) => a.day - b.day);
  const endDays = [...new Set(dated.map((x) => x.day))].filter((d) => d >= FIRST_JUDGED_DAY);
  const bI = procedure.baselineInterference ?? null;
  const windows: EvidenceWindow[] = [];
  for (const end of endDays) {
    const inWindow = dated.filter((x) => x.day > end - WINDOW_DAYS && x.day <= end).map((x) => x.e);
    if (inWindow.length < MIN_WINDOW_ENTRIES) continue;
    const meanPain = inWindow.reduce((s, e) => s + e.painAverage, 0) / inWindow.length;
    const withI = inWindow.flatMap((e) => (e.interference == null ? [] : [e.interference]));
    const functionReductionPct =
      bI !== null && bI > 0 && withI.length >= MIN_WINDOW_ENTRIES
        ? (100 * (bI - withI.reduce((s, x) => s + x, 0) / withI.length)) / bI
        : null;
    windows.push({
      endDay: end,
      endDate: addDays(procedure.performedOn, end),
      painReductionPct: (100 * (procedure.baselinePain - meanPain)) / procedure.baselinePain,
      functionReductionPct,
    });
  }
  return windows;
}

/**
 * The longest run (the earliest among equals) of consecutive windows that each reach `threshold`,
 * each ending within `maxGapDays` of the previous one's end.
 */
export function longestRun(
  performedOn: string,
  windows: readonly { endDay: number; reduction: number | null }[],
  threshold: number,
  maxGapDays: number,
): ReliefRun | null {
  let best: ReliefRun | null = null;
  let first = -1;
  let last = -1;
  let min = Number.POSITIVE_INFINITY;
  const close = () => {
    if (first < 0) return;
    const days = last - first + WINDOW_DAYS;
    if (!best || days > best.days) {
      best = {
        from: addDays(performedOn, first - (WINDOW_DAYS - 1)),
        to: addDays(performedOn, last),
        days,
        minReductionPct: min,
      };
    }
    first = -1;
  };
  for (const w of windows) {
    if (w.reduction === null || !gte(w.reduction, threshold)) {
      close();
      continue;
    }
    if (first >= 0 && w.endDay - last > maxGapDays) close();
    if (first < 0) {
      first = w.endDay;
      min = w.reduction;
    } else min = Math.min(min, w.reduction);
    last = w.endDay;
  }
  close();
  return best;
}

export function repeatEvidence(input: RepeatEvidenceInput): RepeatEvidence {
  const { procedure, asOf, policy } = input;
  const windows = evidenceWindows(procedure, input.entries, asOf);
  const painRun = longestRun(
    procedure.performedOn,
    windows.map((w) => ({ endDay: w.endDay, reduction: w.painReductionPct })),
    policy.reliefPct,
    policy.maxGapDays,
  );
  const functionRun =
    policy.functionPct === null
      ? null
      : longestRun(
          procedure.performedOn,
          windows.map((w) => ({ endDay: w.endDay, reduction: w.functionReductionPct })),
          policy.functionPct,
          policy.maxGapDays,
        );
  const relief =
    (painRun !== null && painRun.days >= policy.requiredDays) ||
    (functionRun !== null && functionRun.days >= policy.requiredDays);

  const dates = input.ablationsAtTarget.length ? input.ablationsAtTarget : [procedure.performedOn];
  const latest = [...dates].sort().at(-1) ?? procedure.performedOn;
  const interval = daysBetween(latest, asOf) >= policy.minIntervalDays;
  const inLastYear = dates.filter((d) => {
    const ago = daysBetween(d, asOf);
    return ago >= 0 && ago < YEAR_DAYS;
  }).length;
  const frequency = inLastYear < policy.maxPerYear;
  return {
    painRun,
    functionRun,
    relief,
    interval,
    frequency,
    eligible: relief && interval && frequency,
  };
}

// ---- The criteria in words ----

export type EvidenceCriterion = {
  key: "pain" | "function" | "relief" | "interval" | "frequency";
  met: boolean;
  sentence: string;
};

const dayWord = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
const pctOf = (n: number) => `${Math.round(n + 1e-9)}%`;

/**
 * Each criterion of the policy, met or not, with its numbers and dates: "50% or more less pain
 * from 14 May to 20 Nov: 191 days, at least 52% (needs 182 days)". One wording for the review
 * page, the summary PDF and the CSV.
 */
export function evidenceCriteria(
  input: Pick<RepeatEvidenceInput, "asOf" | "policy" | "ablationsAtTarget"> & {
    procedure: Pick<EvidenceProcedure, "performedOn">;
  },
  r: RepeatEvidence,
  formatDate: (date: string) => string,
): EvidenceCriterion[] {
  const { policy, asOf } = input;
  const need = `needs ${dayWord(policy.requiredDays)}`;
  const run = (noun: string, pct: number, x: ReliefRun | null) =>
    x
      ? `${pctOf(pct)} or more ${noun} from ${formatDate(x.from)} to ${formatDate(x.to)}: ${dayWord(x.days)}, at least ${pctOf(x.minReductionPct)} (${need})`
      : `No documented run of ${pctOf(pct)} or more ${noun} (${need})`;
  const out: EvidenceCriterion[] = [
    {
      key: "pain",
      met: r.painRun !== null && r.painRun.days >= policy.requiredDays,
      sentence: run("less pain", policy.reliefPct, r.painRun),
    },
  ];
  if (policy.functionPct !== null)
    out.push({
      key: "function",
      met: r.functionRun !== null && r.functionRun.days >= policy.requiredDays,
      sentence: run("better function", policy.functionPct, r.functionRun),
    });
  out.push({
    key: "relief",
    met: r.relief,
    sentence: r.relief
      ? `Relief documented for at least ${dayWord(policy.requiredDays)}`
      : `Relief not documented for ${dayWord(policy.requiredDays)}`,
  });
  const dates = input.ablationsAtTarget.length
    ? input.ablationsAtTarget
    : [input.procedure.performedOn];
  const latest = [...dates].sort().at(-1) ?? input.procedure.performedOn;
  const since = daysBetween(latest, asOf);
  out.push({
    key: "interval",
    met: r.interval,
    sentence: `${dayWord(since)} since the last ablation at this target (${formatDate(latest)}); needs ${dayWord(policy.minIntervalDays)}`,
  });
  const inYear = dates.filter((d) => {
    const ago = daysBetween(d, asOf);
    return ago >= 0 && ago < YEAR_DAYS;
  }).length;
  out.push({
    key: "frequency",
    met: r.frequency,
    sentence: `${inYear} ${inYear === 1 ? "ablation" : "ablations"} at this target in the 365 days to ${formatDate(asOf)}; at most ${policy.maxPerYear} a year`,
  });
  return out;
}
