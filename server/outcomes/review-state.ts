// The provider's work queue (docs/clinical-rules.md#review-states): one review state per patient on
// a care team, from stored facts, and the queue's order. Pure: no clock, no database; every date is
// given.
import { z } from "zod";
import { addDays } from "./dates";
import type { Severity } from "./vocab";

export const ReviewState = z.enum(["needs_review", "follow_up_due", "plan_recorded", "monitoring"]);
export type ReviewState = z.infer<typeof ReviewState>;

export const reviewStateLabels: Record<ReviewState, string> = {
  needs_review: "Needs review",
  follow_up_due: "Follow-up due",
  plan_recorded: "Plan recorded",
  monitoring: "Monitoring",
};

/** Why a patient needs review, or (call_patient, check_in_missed) why a follow-up is due. */
export type ReviewReason =
  | "no_procedure"
  | "open_flags"
  | "overdue_check_in"
  | "unread_message"
  | "call_patient"
  | "check_in_missed";

/**
 * Tiered outreach (docs/clinical-rules.md#tiered-outreach): a check-in still unanswered this many
 * days after its day puts the patient in "Follow-up due": the care team calls.
 */
export const CHECK_IN_CALL_AFTER_DAYS = 5;

export type ReviewStateInput = {
  /** The clinic's today, YYYY-MM-DD. */
  today: string;
  /** The patient's latest procedure (its date), or null when none is recorded. */
  procedure: { performedOn: string } | null;
  /** How many raised flags no acknowledgement covers. */
  openFlags: number;
  /** The check-in days (14, 42, ...) that are overdue; each is overdue from its day + 7. */
  overdueCheckIns: readonly number[];
  /** The check-in days (14, 42, ...) that are due now and unanswered (days day..day+6). */
  dueCheckIns: readonly number[];
  /** The patient's latest decision (the current plan), or null. */
  decision: {
    /** The moment it was recorded (ISO 8601) and the clinic day of that moment. */
    decidedAt: string;
    decidedOn: string;
    followUpOn: string | null;
  } | null;
  /**
   * The moments (ISO 8601) of the oldest and the newest message from the patient that no reply
   * from the care team has followed (docs/decisions/020-messages.md); null when every message is
   * answered.
   */
  unreadMessages: { oldest: string; newest: string } | null;
  /** The day the patient joined the care team: how long a patient without a procedure waited. */
  assignedOn: string;
  /** The earliest due day of the patient's open call tasks; null: none open. */
  callDueOn?: string | null;
};

export type ReviewStateResult = {
  state: ReviewState;
  /**
   * For needs_review, every reason that applies; for follow_up_due, call_patient (an open call) or
   * check_in_missed; else empty.
   */
  reasons: ReviewReason[];
  /**
   * The day since which the patient has waited in this state (the queue's tie-break); null: none.
   */
  since: string | null;
};

/** A check-in of day `day` is due for 7 days from its day, then overdue (check-ins.ts). */
const overdueFrom = (performedOn: string, day: number) => addDays(performedOn, day + 7);

/**
 * The review state, first rule that matches (docs/clinical-rules.md#review-states):
 * - needs_review: no procedure; or an open flag, an unread message or an overdue check-in newer
 *   than the latest decision. A decision acknowledges every flag open when it is recorded, so any
 *   flag still open was raised (or raised again) after it; a check-in counts when it became
 *   overdue after the day of the decision; an unanswered message when it came after the
 *   decision's moment (a reply answers it).
 * - follow_up_due: an open call task (whatever its due day: it stays until closed); or a due
 *   check-in still unanswered 5 days after its day, when that came after the decision's day
 *   (check_in_missed); or the latest decision's follow-up date is today or earlier.
 * - plan_recorded: a decision, newer than everything above.
 * - monitoring: none of these.
 */
export function reviewState(input: ReviewStateInput): ReviewStateResult {
  const { procedure, decision } = input;
  if (!procedure) {
    // Nothing else can be assessed; a message still says why the patient is waiting.
    const unread = input.unreadMessages;
    return unread
      ? {
          state: "needs_review",
          reasons: ["no_procedure", "unread_message"],
          since: [input.assignedOn, unread.oldest.slice(0, 10)].sort()[0] ?? input.assignedOn,
        }
      : { state: "needs_review", reasons: ["no_procedure"], since: input.assignedOn };
  }

  const reasons: ReviewReason[] = [];
  const starts: string[] = [];
  if (input.openFlags > 0) {
    reasons.push("open_flags");
    // A flag raised after the decision, or during the procedure's history when none.
    starts.push(decision?.decidedOn ?? procedure.performedOn);
  }
  const unread = input.unreadMessages;
  if (unread !== null && (!decision || unread.newest > decision.decidedAt)) {
    reasons.push("unread_message");
    // Waiting since the first message after the decision (or the newest, when some came before).
    const first = !decision || unread.oldest > decision.decidedAt ? unread.oldest : unread.newest;
    starts.push(first.slice(0, 10));
  }
  const overdue = input.overdueCheckIns
    .map((day) => overdueFrom(procedure.performedOn, day))
    .filter((from) => !decision || from > decision.decidedOn);
  if (overdue.length > 0) {
    reasons.push("overdue_check_in");
    starts.push(...overdue);
  }
  if (reasons.length > 0) {
    return { state: "needs_review", reasons, since: starts.sort()[0] ?? null };
  }
  if (input.callDueOn) {
    return { state: "follow_up_due", reasons: ["call_patient"], since: input.callDueOn };
  }
  const missed = input.dueCheckIns
    .map((day) => addDays(procedure.performedOn, day + CHECK_IN_CALL_AFTER_DAYS))
    .filter((from) => from <= input.today && (!decision || from > decision.decidedOn))
    .sort()[0];
  if (missed) return { state: "follow_up_due", reasons: ["check_in_missed"], since: missed };
  if (decision?.followUpOn != null && decision.followUpOn <= input.today) {
    return { state: "follow_up_due", reasons, since: decision.followUpOn };
  }
  if (decision) return { state: "plan_recorded", reasons, since: decision.decidedOn };
  return { state: "monitoring", reasons, since: null };
}

const stateRank: Record<ReviewState, number> = {
  needs_review: 0,
  follow_up_due: 1,
  plan_recorded: 2,
  monitoring: 3,
};
const severityRank: Record<Severity, number> = { high: 0, warning: 1, info: 2 };
// Made on first use: this module reaches the browser too, where creating a Collator while a page
// starts is a long task (shared/format-count.ts).
let collator: Intl.Collator | undefined;
function byName(a: string, b: string) {
  collator ??= new Intl.Collator("en");
  return collator.compare(a, b);
}

export type QueueItem = {
  id: string;
  name: string;
  state: ReviewState;
  /** The highest severity among open flags; null: none. */
  urgency: Severity | null;
  since: string | null;
};

/**
 * The queue's order (docs/clinical-rules.md#review-states): by state, then urgency (high, warning,
 * info, none), then who has waited longest (earliest `since` first, none last), then by name.
 */
export function byQueueOrder(a: QueueItem, b: QueueItem): number {
  return (
    stateRank[a.state] - stateRank[b.state] ||
    (a.urgency === null ? 3 : severityRank[a.urgency]) -
      (b.urgency === null ? 3 : severityRank[b.urgency]) ||
    compareSince(a.since, b.since) ||
    byName(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareSince(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
