// The audit trail in words (issue 9): what each recorded action means to an administrator, and
// the grouping of the one-row-per-patient reads of a single view into one line. Pure.

const ACTION_WORDS: Record<string, string> = {
  "account.create": "Created an account",
  "account.deactivate": "Deactivated an account",
  "account.reactivate": "Reactivated an account",
  "account.read": "Viewed an account",
  "account.invite": "Sent an invitation",
  "account.invitation_accept": "Accepted an invitation",
  "account.password_change": "Changed their password",
  "account.password_reset": "Reset a password",
  "account.update_identity": "Changed a patient's details",
  "audit.export": "Exported the audit trail",
  "auth.sign_in": "Signed in",
  "care_team.assign": "Added a patient to a care team",
  "care_team.unassign": "Took a patient off a care team",
  "caseload.read": "Viewed the caseload",
  "clinic.export": "Exported the clinic's data",
  "decision.amend": "Amended a decision",
  "decision.record": "Recorded a decision",
  "diary.add": "Added a diary entry",
  "diary.correct": "Corrected a diary entry",
  "flag.acknowledge": "Marked a flag reviewed",
  "import.patients": "Imported patients",
  "message.list": "Viewed the message inbox",
  "message.read": "Read a patient's messages",
  "message.reply": "Replied to a patient",
  "message.send": "Sent a message to the care team",
  "outbox.read": "Viewed the email outbox",
  "outcomes.read": "Viewed clinic outcomes",
  "patient.read": "Viewed a patient's record",
  "procedure.record": "Recorded a procedure",
  "procedure.update": "Edited a procedure",
  "report.export": "Downloaded a report",
  "request.denied": "Was refused a request",
  "settings.update": "Changed the clinic settings",
};

/** "caseload.read" -> "Viewed the caseload"; an action without words reads as itself, humanised. */
export function auditActionWords(action: string, outcome?: string): string {
  if (action === "auth.sign_in" && outcome && outcome !== "success") return "Failed to sign in";
  const words = ACTION_WORDS[action];
  if (words) return words;
  const plain = action.replace(/[._]/g, " ");
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

export const auditOutcomeWords: Record<"success" | "failure" | "denied", string> = {
  success: "Done",
  failure: "Failed",
  denied: "Refused",
};

/** Actions recorded once per patient of one view (a caseload page, a list), shown as one line. */
const GROUPED = new Set(["caseload.read", "message.list", "patient.read"]);

/** A grouped line: "Viewed the caseload: 25 patients", "Viewed 25 patients' records". */
export function auditGroupWords(action: string, count: number): string {
  if (action === "patient.read") return `Viewed ${count} patients' records`;
  return `${auditActionWords(action)}: ${count} patients`;
}
/** Rows of one view are written in one statement: the same moment, give or take this. */
const GROUP_WINDOW_MS = 2_000;

export type GroupableEvent = {
  id: string;
  at: Date;
  action: string;
  outcome: string;
  actorId: string | null;
  ip: string | null;
  details?: Record<string, unknown> | null;
};

const sameDetails = (a: GroupableEvent, b: GroupableEvent) =>
  JSON.stringify(a.details ?? null) === JSON.stringify(b.details ?? null);

export type AuditLine<T> = { first: T; events: T[] };

/**
 * Consecutive events (newest first) of a grouped action by the same person, from the same address,
 * with the same details (the same view), within GROUP_WINDOW_MS of the line's first, become one line; every other event is a line of its
 * own. The events stay stored one per patient; only their display is grouped.
 */
export function groupAuditEvents<T extends GroupableEvent>(events: readonly T[]): AuditLine<T>[] {
  const lines: AuditLine<T>[] = [];
  for (const e of events) {
    const last = lines.at(-1);
    if (
      last &&
      GROUPED.has(e.action) &&
      last.first.action === e.action &&
      last.first.outcome === e.outcome &&
      last.first.actorId === e.actorId &&
      last.first.ip === e.ip &&
      sameDetails(last.first, e) &&
      Math.abs(last.first.at.getTime() - e.at.getTime()) <= GROUP_WINDOW_MS
    ) {
      last.events.push(e);
    } else lines.push({ first: e, events: [e] });
  }
  return lines;
}
