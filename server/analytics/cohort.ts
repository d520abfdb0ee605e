// The cohort rules of docs/decisions/017-outcome-statistics.md: what each procedure contributes to
// the clinic's outcomes, from assessOutcome alone (nothing here re-implements a threshold). Pure.
import {
  type AssessmentInput,
  addDays,
  assessOutcome,
  type Category,
  reliefEnded,
} from "@/server/outcomes";
import type { Observation } from "./survival";

/** Success is reported at 6 weeks, 3 months and 6 months after the procedure. */
export const MILESTONES = [42, 90, 180] as const;
export type Milestone = (typeof MILESTONES)[number];

export type MilestoneResult = { category: Category; success: boolean };

/** What one procedure contributes to the clinic's outcomes. */
export type ProcedureOutcome = {
  /** The assessment as of performedOn + N; null while that day is after today. */
  milestones: Record<Milestone, MilestoneResult | null>;
  /** The assessment as of today. */
  today: {
    category: Category;
    success: boolean;
    reliefDurationDays: number | null;
    peakReductionPct: number | null;
  };
};

/**
 * A procedure's outcome: assessed as of performedOn + N for each milestone that is on or before
 * today, and as of today.
 */
export function procedureOutcome(
  input: Omit<AssessmentInput, "asOf">,
  today: string,
): ProcedureOutcome {
  const at = (milestone: Milestone): MilestoneResult | null => {
    const asOf = addDays(input.procedure.performedOn, milestone);
    if (asOf > today) return null;
    const a = assessOutcome({ ...input, asOf });
    return { category: a.category, success: a.success };
  };
  const now = assessOutcome({ ...input, asOf: today });
  return {
    milestones: { 42: at(42), 90: at(90), 180: at(180) },
    today: {
      category: now.category,
      success: now.success,
      reliefDurationDays: now.reliefDurationDays,
      peakReductionPct: now.peakReductionPct,
    },
  };
}

/** Evaluable at a milestone: the assessment could judge the procedure. */
export function isEvaluable(category: Category): boolean {
  return category !== "too_early" && category !== "insufficient_data";
}

/**
 * Durability of relief: a procedure enters the Kaplan-Meier curve when its assessment as of today
 * has a relief duration; the time is that duration, the event a recurrence as of today, else it is
 * censored at that time.
 */
export function reliefObservation(outcome: ProcedureOutcome): Observation | null {
  const { reliefDurationDays, category } = outcome.today;
  if (reliefDurationDays === null) return null;
  return { time: reliefDurationDays, event: reliefEnded({ category }) };
}

/**
 * After failure: the procedures whose assessment as of today is not a success (and not too early).
 */
export function isNotSuccess(outcome: ProcedureOutcome): boolean {
  return !outcome.today.success && outcome.today.category !== "too_early";
}
