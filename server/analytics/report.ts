// The clinic's outcomes report (docs/decisions/017-outcome-statistics.md) from each procedure's
// outcome: success at each milestone with Wilson intervals and the category distribution,
// Kaplan-Meier curves of the duration of relief with the log-rank test, repeat ablations paired
// with the procedure they repeat, and what was decided after a failure. Pure; groups with too few
// procedures get counts, no estimate.
import {
  Category,
  type Strategy,
  Strategy as StrategyEnum,
  type SuspectedFactor,
  SuspectedFactor as SuspectedFactorEnum,
} from "@/server/outcomes";
import {
  isEvaluable,
  isNotSuccess,
  MILESTONES,
  type Milestone,
  type ProcedureOutcome,
  reliefObservation,
} from "./cohort";
import { type MeanDifference, pairedMeanDifference } from "./paired";
import {
  type KmStep,
  kaplanMeier,
  type LogRank,
  logRank,
  type Median,
  numberAtRisk,
  type Observation,
} from "./survival";
import { type Proportion, wilson } from "./wilson";

/** Fewer procedures than this in a group: counts only, "too few to estimate". */
export const MIN_TO_ESTIMATE = 5;
/** The times under the durability chart at which the number at risk is given. */
export const AT_RISK_DAYS = [0, 90, 180, 270, 365] as const;

export type Group = { key: string; label: string };

export type ReportProcedure = {
  id: string;
  group: Group;
  outcome: ProcedureOutcome;
  /** The earlier procedure this one repeats, if any. */
  repeatsId: string | null;
  /** What the current decisions on this procedure recorded (empty: none recorded). */
  strategies: readonly Strategy[];
  factors: readonly SuspectedFactor[];
  decided: boolean;
};

export type MilestoneGroup = Group & {
  /** Procedures whose milestone is on or before today. */
  reached: number;
  evaluable: number;
  notEvaluable: number;
  successes: number;
  /** Null with fewer than MIN_TO_ESTIMATE evaluable procedures. */
  rate: Proportion | null;
  categories: Record<Category, number>;
};

export type DurabilityGroup = Group & {
  /** Procedures with a relief duration (in the curve). */
  n: number;
  events: number;
  censored: number;
  /** Null with fewer than MIN_TO_ESTIMATE procedures in the curve. */
  curve: KmStep[] | null;
  median: Median | null;
  atRisk: Array<{ day: number; n: number }>;
};

export type RepeatPair = { group: Group; earlierPeakPct: number; repeatPeakPct: number };

export type FailureGroup = Group & {
  notSuccess: number;
  decided: number;
  strategies: Record<Strategy, number>;
  factors: Record<SuspectedFactor, number>;
};

export type OutcomesReport = {
  procedures: number;
  groups: Array<Group & { procedures: number }>;
  milestones: Array<{ day: Milestone; groups: MilestoneGroup[] }>;
  durability: {
    groups: DurabilityGroup[];
    /** Between the groups that have a curve; null with fewer than two. */
    logRank: LogRank | null;
  };
  repeats: {
    /** Repeats in the report whose earlier procedure is known. */
    total: number;
    /** Pairs where both have a peak reduction. */
    pairs: RepeatPair[];
    /** repeat - earlier peak reduction, percentage points; null with fewer than MIN_TO_ESTIMATE. */
    difference: MeanDifference | null;
  };
  afterFailure: FailureGroup[];
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The report over `procedures` (already filtered and scoped), groups in the order of their labels.
 * `earlier` gives the outcome of a procedure that a repeat repeats when
 * it is not among `procedures` (e.g. performed before the date range).
 */
export function buildReport(
  procedures: readonly ReportProcedure[],
  earlier: ReadonlyMap<string, ProcedureOutcome> = new Map(),
): OutcomesReport {
  const byGroup = new Map<string, { group: Group; items: ReportProcedure[] }>();
  for (const p of procedures) {
    const entry = byGroup.get(p.group.key) ?? { group: p.group, items: [] };
    entry.items.push(p);
    byGroup.set(p.group.key, entry);
  }
  const groups = [...byGroup.values()].sort((a, b) =>
    a.group.label.localeCompare(b.group.label, "en"),
  );

  const milestones = MILESTONES.map((day) => ({
    day,
    groups: groups.map(({ group, items }): MilestoneGroup => {
      const categories = zeros(Category.options);
      let reached = 0;
      let evaluable = 0;
      let successes = 0;
      for (const p of items) {
        const m = p.outcome.milestones[day];
        if (!m) continue;
        reached++;
        categories[m.category]++;
        if (isEvaluable(m.category)) {
          evaluable++;
          if (m.success) successes++;
        }
      }
      return {
        ...group,
        reached,
        evaluable,
        notEvaluable: reached - evaluable,
        successes,
        rate: evaluable >= MIN_TO_ESTIMATE ? wilson(successes, evaluable) : null,
        categories,
      };
    }),
  }));

  const curves = groups.map(({ group, items }) => {
    const observations = items.flatMap((p) => {
      const o = reliefObservation(p.outcome);
      return o ? [o] : [];
    });
    return { group, observations };
  });
  const estimable = curves.filter((c) => c.observations.length >= MIN_TO_ESTIMATE);
  const durability = {
    groups: curves.map(({ group, observations }): DurabilityGroup => {
      const events = observations.filter((o) => o.event).length;
      const km = observations.length >= MIN_TO_ESTIMATE ? kaplanMeier(observations) : null;
      return {
        ...group,
        n: observations.length,
        events,
        censored: observations.length - events,
        curve: km?.steps ?? null,
        median: km?.median ?? null,
        atRisk: AT_RISK_DAYS.map((day) => ({ day, n: numberAtRisk(observations, day) })),
      };
    }),
    logRank:
      estimable.length >= 2 ? logRank(estimable.map((c) => c.observations as Observation[])) : null,
  };

  const inReport = new Map(procedures.map((p) => [p.id, p.outcome]));
  let repeatTotal = 0;
  const pairs: RepeatPair[] = [];
  for (const p of procedures) {
    if (!p.repeatsId) continue;
    const first = inReport.get(p.repeatsId) ?? earlier.get(p.repeatsId);
    if (!first) continue;
    repeatTotal++;
    const before = first.today.peakReductionPct;
    const after = p.outcome.today.peakReductionPct;
    if (before !== null && after !== null) {
      pairs.push({ group: p.group, earlierPeakPct: before, repeatPeakPct: after });
    }
  }
  const difference =
    pairs.length >= MIN_TO_ESTIMATE
      ? pairedMeanDifference(
          pairs.map((q) => ({ before: q.earlierPeakPct, after: q.repeatPeakPct })),
        )
      : null;

  const afterFailure = groups.map(({ group, items }): FailureGroup => {
    const strategies = zeros(StrategyEnum.options);
    const factors = zeros(SuspectedFactorEnum.options);
    let notSuccess = 0;
    let decided = 0;
    for (const p of items) {
      if (!isNotSuccess(p.outcome)) continue;
      notSuccess++;
      if (p.decided) decided++;
      for (const s of new Set(p.strategies)) strategies[s]++;
      for (const f of new Set(p.factors)) factors[f]++;
    }
    return { ...group, notSuccess, decided, strategies, factors };
  });

  return {
    procedures: procedures.length,
    groups: groups.map(({ group, items }) => ({ ...group, procedures: items.length })),
    milestones,
    durability,
    repeats: { total: repeatTotal, pairs, difference },
    afterFailure,
  };
}

/**
 * The procedures behind one count of the after-failure table or the repeats line (issue 23: every
 * count links to its patients), by the same rules as buildReport: `cell` is a row key of
 * afterFailureTable ("not_success", "decided", "strategy:<code>", "factor:<code>") with the
 * group's key, or "repeats" (every repeat whose earlier procedure is known; any group).
 */
export function cellMembers(
  procedures: readonly ReportProcedure[],
  earlier: ReadonlyMap<string, ProcedureOutcome>,
  cell: string,
  groupKey: string,
): string[] {
  if (cell === "repeats") {
    const inReport = new Set(procedures.map((p) => p.id));
    return procedures
      .filter((p) => p.repeatsId && (inReport.has(p.repeatsId) || earlier.has(p.repeatsId)))
      .map((p) => p.id);
  }
  const failed = procedures.filter((p) => p.group.key === groupKey && isNotSuccess(p.outcome));
  const [kind, code] = cell.split(":");
  const members =
    cell === "not_success"
      ? failed
      : cell === "decided"
        ? failed.filter((p) => p.decided)
        : kind === "strategy"
          ? failed.filter((p) => p.strategies.some((s) => s === code))
          : kind === "factor"
            ? failed.filter((p) => p.factors.some((f) => f === code))
            : [];
  return members.map((p) => p.id);
}
