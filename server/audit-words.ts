// The audit trail in words (issue 9): what each recorded action means to an administrator, and
// the grouping of the one-row-per-patient reads of a single view into one line, and the details
// recorded with an event. Pure.
import {
  criteriaLabels,
  type FlagCode,
  flagCodeLabels,
  modalityLabels,
  regionLabels,
  strategyLabels,
} from "@/server/outcomes/vocab";
import { changeLabels } from "@/server/outcomes/vocab-lists";
import { outcomeGroupLabels } from "@/shared/outcome-filters";

const ACTION_WORDS: Record<string, string> = {
  "account.create": "Created an account",
  "account.deactivate": "Deactivated an account",
  "account.reactivate": "Reactivated an account",
  "account.read": "Viewed an account",
  "account.invite": "Sent an invitation",
  "account.invitation_accept": "Accepted an invitation",
  "account.password_reset_request": "Asked for a password reset link",
  "account.password_reset_complete": "Chose a new password with a reset link",
  "account.password_change": "Changed their password",
  "account.password_reset": "Reset a password",
  "account.update_identity": "Changed a patient's details",
  "account.change_email": "Changed a patient's sign-in email",
  "account.invitation_resend": "Sent an invitation again",
  "audit.export": "Exported the audit trail",
  "auth.sign_in": "Signed in",
  "auth.second_step": "Confirmed the second factor",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out on every device",
  "care_team.assign": "Added a patient to a care team",
  "care_team.unassign": "Took a patient off a care team",
  "block.answer": "Answered their block diary",
  "block.record": "Recorded a diagnostic block",
  "block.remove": "Removed a diagnostic block",
  "caseload.read": "Viewed the caseload",
  "check_in_link.issue": "Showed a check-in QR code for a patient",
  "check_in_link.open": "Opened a one-tap check-in link",
  "check_in_link.confirm": "Gave a date of birth to a one-tap check-in link",
  "check_in_link.end": "Ended a one-tap check-in link (wrong date of birth five times)",
  "check_in_link.answer": "Answered a check-in through a one-tap link",
  "clinic.export": "Exported the clinic's data",
  "decision.amend": "Amended a decision",
  "decision.record": "Recorded a decision",
  "diary.add": "Added a diary entry",
  "diary.correct": "Corrected a diary entry",
  "diary.csv": "Downloaded a diary as CSV",
  "flag.acknowledge": "Marked a flag reviewed",
  "import.fhir": "Imported a FHIR Bundle",
  "kiosk.unlock": "Unlocked the clinic's check-in station",
  "kiosk.lock": "Locked the clinic's check-in station",
  "kiosk.identify": "Identified a patient at the check-in station",
  "kiosk.identify_failed":
    "Was not found at the check-in station (wrong name, date of birth or MRN)",
  "kiosk.answer": "Answered a check-in at the clinic's check-in station",
  "kiosk.entry": "Added today's diary entry at the clinic's check-in station",
  "import.patients": "Imported patients",
  "message.list": "Viewed the message inbox",
  "message.read": "Read a patient's messages",
  "message.reply": "Replied to a patient",
  "message.send": "Sent a message to the care team",
  "mfa.enrolment_start": "Began setting up a second factor",
  "mfa.enrolment_confirm": "Set up a second factor",
  "mfa.reset": "Reset a second factor",
  "notifications.preferences": "Changed their notification settings",
  "notifications.unsubscribe": "Unsubscribed from a reminder",
  "push.subscribe": "Turned on reminders on a device",
  "push.unsubscribe": "Removed a device from their reminders",
  "texts.opt_in": "Agreed to text reminders",
  "texts.opt_out": "Turned text reminders off",
  "texts.stop": "Replied STOP to a text reminder",
  "outbox.read": "Viewed the email outbox",
  "outbox.resend": "Sent an email again",
  "outcomes.read": "Viewed clinic outcomes",
  "outreach.reminder": "Sent a patient a reminder now",
  "outreach.call_open": "Added a call task",
  "outreach.call_close": "Closed a call task",
  "passkey.register": "Added a passkey",
  "passkey.remove": "Removed a passkey",
  "passkey.sign_in": "Signed in with a passkey",
  "patient.read": "Viewed a patient's record",
  "support.open": "Opened a patient's record for support",
  "patient.policy": "Chose a patient's repeat-ablation policy",
  "policy.create": "Added a repeat-ablation policy",
  "policy.update": "Changed a repeat-ablation policy",
  "procedure.record": "Recorded a procedure",
  "procedure.update": "Edited a procedure",
  "report.export": "Downloaded a report",
  "request.denied": "Was refused a request",
  "settings.update": "Changed the clinic settings",
  "settings.setup": "Completed the first-run setup",
};

/** "caseload.read" -> "Viewed the caseload"; an action without words reads as itself, humanised. */
export function auditActionWords(action: string, outcome?: string): string {
  if (action === "auth.sign_in" && outcome && outcome !== "success") return "Failed to sign in";
  if (action === "passkey.sign_in" && outcome && outcome !== "success")
    return "Failed to sign in with a passkey";
  if (action === "passkey.register" && outcome && outcome !== "success")
    return "Failed to add a passkey";
  if (action === "kiosk.unlock" && outcome && outcome !== "success")
    return "Failed to unlock the clinic's check-in station";
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

// The details recorded with an event, in words (never "expiresAt: 2026-…Z" or "view: account_list").
// Identifiers (of procedures, decisions, providers) are left out: the row names the patient, and
// the CSV export keeps the details as recorded.

const VIEW_WORDS: Record<string, string> = {
  account_list: "the accounts list",
  provider_account: "a provider's account (their patients)",
  review: "the patient's review page",
  procedures: "the patient's procedures",
  procedure: "a procedure",
  decisions: "the patient's decisions",
  outcome_list: "a list of patients from the clinic outcomes",
};

const REASON_WORDS: Record<string, string> = {
  wrong_password: "wrong password",
  unknown_account: "no account with that email",
  inactive: "account deactivated",
  malformed: "email or password missing or malformed",
  throttled: "too many attempts",
  wrong_code: "wrong code",
  wrong_current: "wrong current password",
  used: "link already used",
  expired: "link expired",
  unknown: "link not valid",
  not_valid: "not valid",
  not_staff: "not a staff account",
  mfa_enrol: "second factor required but not set up",
  no_match: "no patient with that name and date of birth",
  wrong_mrn: "wrong MRN",
  ambiguous: "more than one patient matched",
  device_taken: "the device now gets another account's reminders",
};

/** What a patient was offered at the clinic's kiosk (decision 039). */
const TASK_WORDS: Record<string, string> = {
  check_in: "the due check-in",
  entry: "today's diary entry",
  nothing: "nothing to do",
};

const STEP_WORDS: Record<string, string> = {
  mfa_pending: "second factor asked next",
  mfa_enrol: "second factor to set up next",
  password_change: "password change asked next",
};

const CODE_WORDS: Record<string, string> = {
  UNAUTHORIZED: "not signed in",
  FORBIDDEN: "not allowed",
  NOT_FOUND: "not found",
};

const FORMAT_WORDS: Record<string, string> = {
  pdf: "PDF",
  fhir: "FHIR record",
  "diary.csv": "diary as CSV",
  csv: "CSV",
  ndjson: "FHIR bulk data (NDJSON)",
};

const ROLE_WORDS: Record<string, string> = {
  patient: "patient",
  provider: "provider",
  admin: "administrator",
};

const LABELS: Record<string, string> = {
  expiresAt: "Expires",
  requireStaffMfa: "Second factor required for staff",
  successCriteria: "Success criteria",
  timeZone: "Time zone",
  clinicName: "Clinic name",
  clinicPhone: "Clinic phone",
  groupBy: "Grouped by",
  answeredFlags: "Flags answered",
  hadSecondFactor: "Had a second factor",
  sessions: "Sessions ended",
  rows: "Rows",
  exists: "already there",
  invalid: "with errors",
  reminderHour: "Reminder hour",
  checkInDue: "Check-in reminders",
  diaryLapsed: "Lapsed-diary reminders",
  dailyDiary: "Daily diary reminders",
  replyEmail: "Emails of replies",
  highFlagEmail: "Emails of high flags",
  dailyDigest: "Daily digest",
  patientMessageEmail: "Emails of patient messages",
  stationId: "Station",
  wrongIdentities: "Wrong identities on the station",
  task: "Offered",
};

/** Keys that hold identifiers or are said by the action itself. */
const SKIPPED = new Set([
  "procedureId",
  "supersedesId",
  "providerId",
  "patientId",
  "decisionId",
  "accessId",
  "unlockedBy",
]);

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "expiresAt" -> "Expires at"; "groupBy" -> "Group by". */
function keyWords(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const plain = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[._]/g, " ");
  return plain.charAt(0).toUpperCase() + plain.slice(1).toLowerCase();
}

/** A moment in the clinic's zone: "5 Dec 2026, 05:38" (with seconds: "5 Dec 2026, 05:38:37"). */
export function clinicMomentWords(at: Date, timeZone: string, seconds = false): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
    timeZone,
  }).format(at);
}

function valueWords(key: string, value: unknown, timeZone: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) {
    const items = value.map((v) => valueWords(key, v, timeZone)).filter((v) => v !== null);
    return items.length ? items.join(", ") : "none";
  }
  if (typeof value === "object") {
    const inner = detailsWords(value as Record<string, unknown>, timeZone, "; ");
    return inner
      ? inner
          .split("; ")
          .map((p) => p.charAt(0).toLowerCase() + p.slice(1))
          .join("; ")
      : null;
  }
  const text = String(value);
  if (typeof value === "string" && ISO_MOMENT.test(text)) {
    const at = new Date(text);
    if (!Number.isNaN(at.getTime())) return clinicMomentWords(at, timeZone);
  }
  const vocab: Record<string, Record<string, string> | undefined> = {
    view: VIEW_WORDS,
    reason: REASON_WORDS,
    step: STEP_WORDS,
    format: FORMAT_WORDS,
    role: ROLE_WORDS,
    successCriteria: criteriaLabels,
    strategies: strategyLabels,
    answeredFlags: flagCodeLabels,
    change: changeLabels,
    modality: modalityLabels,
    region: regionLabels,
    groupBy: outcomeGroupLabels,
    task: TASK_WORDS,
  };
  if (key === "action") return auditActionWords(text);
  if (key === "code") return CODE_WORDS[text] ?? flagCodeLabels[text as FlagCode] ?? text;
  return vocab[key]?.[text] ?? text.replace(/_/g, " ");
}

/** The phrase for one detail: "Reason: wrong password", "On the accounts list". */
function detailWords(key: string, value: unknown, timeZone: string): string | null {
  if (SKIPPED.has(key)) return null;
  const words = valueWords(key, value, timeZone);
  if (words === null) return null;
  switch (key) {
    case "view":
      return `On ${words}`;
    case "format":
      return `As ${words}`;
    case "via":
      return `By ${words}`;
    case "role":
      return `As ${words}`;
    case "procedure":
      return `Request ${words}`;
    case "route":
    case "page":
      return `Page ${words}`;
    case "fields":
      return `Changed: ${words}`;
    case "filters":
      return `Filtered by ${words}`;
    case "code":
    case "reason":
    case "step":
    case "change":
    case "strategies":
      return words.charAt(0).toUpperCase() + words.slice(1);
    default:
      return `${keyWords(key)}: ${words}`;
  }
}

/**
 * An event's details as one line of words, in the order recorded, "·" between them:
 * "Reason: wrong password", "Expires 5 Dec 2026, 05:38", "On the accounts list". Null when there
 * is nothing to say.
 */
export function detailsWords(
  details: Record<string, unknown> | null | undefined,
  timeZone: string,
  separator = " · ",
): string | null {
  if (!details) return null;
  const parts = Object.entries(details)
    .map(([k, v]) => detailWords(k, v, timeZone))
    .filter((p): p is string => p !== null)
    .map((p) => p.replace(/^Expires: /, "Expires "));
  return parts.length ? parts.join(separator) : null;
}
