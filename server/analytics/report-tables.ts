// The outcome report as tables: what the page shows as each chart's table and what its CSV
// download holds, cell for cell (one source, so the two cannot differ). Pure; no React.

import {
  type Category,
  categoryLabels,
  Strategy,
  SuspectedFactor,
  strategyLabels,
  suspectedFactorLabels,
} from "@/server/outcomes/vocab";
import type { MeanDifference } from "./paired";
import { MIN_TO_ESTIMATE, type OutcomesReport } from "./report";
import type { KmStep, Median } from "./survival";

export type ReportTable = {
  /** File name part and address key. */
  key: TableKey;
  caption: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /**
   * Where the counts of a table are the sizes of lists of patients (after failure): each row's
   * cell key and each column's group key, for cellMembers (report.ts).
   */
  cells?: { rows: string[]; columns: string[] };
};

export const TABLE_KEYS = [
  "success",
  "durability",
  "relief_curve",
  "repeats",
  "after_failure",
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const TOO_FEW = "too few to estimate";
/** Why a group has no curve (and no legend entry): it is named, with this reason. */
export const TOO_FEW_TO_DRAW = `too few to draw (fewer than ${MIN_TO_ESTIMATE} with relief)`;

const daysText = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/**
 * The median duration of relief and its 95% interval in words: "not reached" where the curve (or
 * a limit of its interval) never gets to 0.5, and how many were still followed when fewer than
 * MIN_TO_ESTIMATE were (a median set by one late recurrence says so).
 */
export function medianInWords(median: Median, curve: readonly KmStep[]): string {
  const estimate = median.estimate === null ? "not reached" : daysText(median.estimate);
  const atMedian = curve.find((s) => s.time === median.estimate)?.atRisk;
  const few =
    atMedian !== undefined && atMedian < MIN_TO_ESTIMATE
      ? `, when ${atMedian} ${atMedian === 1 ? "was" : "were"} still followed`
      : "";
  const interval =
    median.lower === null
      ? "not reached"
      : median.upper === null
        ? `${daysText(median.lower)} to not reached`
        : `${median.lower}–${daysText(median.upper)}`;
  return `median ${estimate}${few} (95% CI ${interval})`;
}

const points = (x: number) => {
  const v = Math.abs(x).toFixed(1);
  return `${v} percentage point${v === "1.0" ? "" : "s"}`;
};
const side = (x: number) => (x < 0 ? "less" : "more");

/**
 * The repeats' mean difference in words, with its unit: the difference of the best 7-day
 * reduction of pain from baseline (a percentage), repeat minus earlier, in percentage points.
 */
export function differenceInWords(d: MeanDifference): string {
  const mean =
    Math.abs(d.mean) < 0.05
      ? "On average the repeat relieved as much pain as the earlier procedure"
      : `On average the repeat relieved ${points(d.mean)} ${side(d.mean)} of the pain than the earlier procedure`;
  const interval =
    d.lower !== null && d.upper !== null
      ? `; 95% CI ${points(d.lower)} ${side(d.lower)} to ${points(d.upper)} ${side(d.upper)}`
      : "";
  return `${mean} (best 7-day reduction from baseline, ${d.n} pairs${interval}).`;
}

/** Categories a milestone can have (never too early: the earliest milestone is day 42). */
export const MILESTONE_CATEGORIES: Category[] = [
  "substantial",
  "moderate",
  "minimal",
  "no_change",
  "worse",
  "recurrence",
  "insufficient_data",
];

export const milestoneLabel: Record<number, string> = {
  42: "6 weeks",
  90: "3 months",
  180: "6 months",
};

/** A share as a percentage rounded to one decimal, e.g. 0.6 -> 60. */
export const pct = (x: number) => Math.round(x * 1000) / 10;
const one = (x: number) => Math.round(x * 10) / 10;

export function successTable(report: OutcomesReport): ReportTable {
  return {
    key: "success",
    caption: "Success at 6 weeks, 3 months and 6 months, per group",
    columns: [
      "Milestone",
      "Group",
      "Reached",
      "Evaluable",
      "Not evaluable",
      "Successes",
      "Success rate (%)",
      "95% CI low (%)",
      "95% CI high (%)",
      ...MILESTONE_CATEGORIES.map((c) => categoryLabels[c]),
    ],
    rows: report.milestones.flatMap((m) =>
      m.groups.map((g) => [
        milestoneLabel[m.day] ?? `${m.day} days`,
        g.label,
        g.reached,
        g.evaluable,
        g.notEvaluable,
        g.successes,
        g.rate ? pct(g.rate.estimate) : TOO_FEW,
        g.rate ? pct(g.rate.lower) : "",
        g.rate ? pct(g.rate.upper) : "",
        ...MILESTONE_CATEGORIES.map((c) => g.categories[c]),
      ]),
    ),
  };
}

export function durabilityTable(report: OutcomesReport): ReportTable {
  const days = report.durability.groups[0]?.atRisk.map((a) => a.day) ?? [];
  return {
    key: "durability",
    caption: "Durability of relief per group: median and number at risk",
    columns: [
      "Group",
      "In the curve",
      "Recurrences",
      "Censored",
      "Median relief (days)",
      "Median 95% CI low",
      "Median 95% CI high",
      ...days.map((d) => `At risk day ${d}`),
    ],
    rows: report.durability.groups.map((g) => [
      g.label,
      g.n,
      g.events,
      g.censored,
      g.median ? (g.median.estimate ?? "not reached") : TOO_FEW,
      g.median ? (g.median.lower ?? "not reached") : "",
      g.median ? (g.median.upper ?? "not reached") : "",
      ...g.atRisk.map((a) => a.n),
    ]),
  };
}

export function reliefCurveTable(report: OutcomesReport): ReportTable {
  return {
    key: "relief_curve",
    caption: "Kaplan-Meier estimate of relief continuing, per group and day",
    columns: [
      "Group",
      "Day",
      "At risk",
      "Recurrences",
      "Censored",
      "Relief continuing (%)",
      "95% CI low (%)",
      "95% CI high (%)",
    ],
    rows: report.durability.groups.flatMap((g) =>
      (g.curve ?? []).map((s) => [
        g.label,
        s.time,
        s.atRisk,
        s.events,
        s.censored,
        pct(s.survival),
        pct(s.lower),
        pct(s.upper),
      ]),
    ),
  };
}

export function repeatsTable(report: OutcomesReport): ReportTable {
  return {
    key: "repeats",
    caption: "Repeat ablations: peak reduction of the repeat against the procedure it repeats",
    columns: [
      "Group",
      "Earlier peak reduction (%)",
      "Repeat peak reduction (%)",
      "Difference (percentage points)",
    ],
    rows: report.repeats.pairs.map((p) => [
      p.group.label,
      one(p.earlierPeakPct),
      one(p.repeatPeakPct),
      one(p.repeatPeakPct - p.earlierPeakPct),
    ]),
  };
}

export function afterFailureTable(report: OutcomesReport): ReportTable {
  const groups = report.afterFailure;
  const used = <K extends string>(
    keys: readonly K[],
    of: (g: (typeof groups)[number]) => Record<K, number>,
  ) => keys.filter((k) => groups.some((g) => of(g)[k] > 0));
  return {
    key: "after_failure",
    caption: "After failure: strategies and suspected factors recorded, per group",
    columns: ["Recorded", ...groups.map((g) => g.label)],
    cells: {
      rows: [
        "not_success",
        "decided",
        ...used(Strategy.options, (g) => g.strategies).map((s) => `strategy:${s}`),
        ...used(SuspectedFactor.options, (g) => g.factors).map((f) => `factor:${f}`),
      ],
      columns: groups.map((g) => g.key),
    },
    rows: [
      ["Procedures not a success", ...groups.map((g) => g.notSuccess)],
      ["With a decision recorded", ...groups.map((g) => g.decided)],
      ...used(Strategy.options, (g) => g.strategies).map((s) => [
        `Strategy: ${strategyLabels[s]}`,
        ...groups.map((g) => g.strategies[s]),
      ]),
      ...used(SuspectedFactor.options, (g) => g.factors).map((f) => [
        `Suspected factor: ${suspectedFactorLabels[f]}`,
        ...groups.map((g) => g.factors[f]),
      ]),
    ],
  };
}

export const tableBuilders: Record<TableKey, (report: OutcomesReport) => ReportTable> = {
  success: successTable,
  durability: durabilityTable,
  relief_curve: reliefCurveTable,
  repeats: repeatsTable,
  after_failure: afterFailureTable,
};
