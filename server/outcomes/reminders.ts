/**
 * Which reminder a patient gets today (docs/decisions/014-invitations-reminders-notifications.md),
 * pure. At most one a day, in this order: a check-in is due (section 2.9 days); the diary has
 * lapsed (no entry for 3 days within the first 42 days after the procedure, 7 days later on, up to
 * the last check-in); a documentation week (below); the optional daily diary reminder (no entry
 * yet today). Each kind only when the patient has not turned it off; documentation weeks go with
 * the diary reminders (`diary_lapsed`).
 */
import { CHECK_IN_DAYS, dueCheckIn } from "./check-ins";
import { daysBetween } from "./dates";

export type ReminderKind = "check_in_due" | "diary_lapsed" | "daily_diary";
export const REMINDER_KINDS: readonly ReminderKind[] = [
  "check_in_due",
  "diary_lapsed",
  "daily_diary",
];

/** What reminderFor may choose: a kind the patient turns on or off, or a documentation week. */
export type ReminderChoice = ReminderKind | "documentation_week";

/**
 * Documentation weeks (docs/clinical-rules.md#documentation-weeks): from day 60 to 365, the first
 * week of every four, when the last 28 days hold no window of the assessment (7 days with at
 * least 3 entries, ending on a day with an entry), the patient is asked for three entries this
 * week, so that relief (or its end) is documented month by month.
 */
export const DOCUMENTATION_FROM_DAY = 60;
export const DOCUMENTATION_TO_DAY = 365;
export const DOCUMENTATION_CYCLE_DAYS = 28;

/** Whether some 7-day window with at least 3 entries ends on an entry day in the 28 days to `today`. */
export function documentedRecently(entryDates: readonly string[], today: string): boolean {
  const dates = [...new Set(entryDates)].filter((d) => d <= today);
  return dates.some((end) => {
    const age = daysBetween(end, today);
    if (age < 0 || age >= DOCUMENTATION_CYCLE_DAYS) return false;
    return dates.filter((d) => d <= end && daysBetween(d, end) <= 6).length >= 3;
  });
}

/** Days without an entry after which the diary counts as lapsed, early and later on. */
export const LAPSE_DAYS_EARLY = 3;
export const LAPSE_DAYS_LATER = 7;
export const EARLY_PHASE_DAYS = 42;
const LAST_CHECK_IN_DAY = CHECK_IN_DAYS[CHECK_IN_DAYS.length - 1] ?? 365;

export type ReminderInput = {
  today: string;
  /** the patient's latest procedure performed on or before today, if any */
  performedOn: string | null;
  /** the latest diary entry's date, if any */
  lastEntryDate: string | null;
  /** dates of entries that answered a check-in (PGIC) */
  answeredDates: readonly string[];
  /** the diary's dates in the last 34 days or more (documentation weeks); none given: none asked */
  recentEntryDates?: readonly string[];
  wants: Record<ReminderKind, boolean>;
};

export function reminderFor(input: ReminderInput): ReminderChoice | null {
  const { today, performedOn, lastEntryDate } = input;
  const enteredToday = lastEntryDate === today;
  if (performedOn && daysBetween(performedOn, today) >= 0) {
    const day = daysBetween(performedOn, today);
    if (input.wants.check_in_due && dueCheckIn(performedOn, today, input.answeredDates))
      return "check_in_due";
    const since = daysBetween(
      lastEntryDate && lastEntryDate >= performedOn ? lastEntryDate : performedOn,
      today,
    );
    const limit = day <= EARLY_PHASE_DAYS ? LAPSE_DAYS_EARLY : LAPSE_DAYS_LATER;
    if (input.wants.diary_lapsed && day <= LAST_CHECK_IN_DAY && since >= limit)
      return "diary_lapsed";
    if (
      input.wants.diary_lapsed &&
      input.recentEntryDates &&
      day >= DOCUMENTATION_FROM_DAY &&
      day <= DOCUMENTATION_TO_DAY &&
      (day - DOCUMENTATION_FROM_DAY) % DOCUMENTATION_CYCLE_DAYS < 7 &&
      !documentedRecently(input.recentEntryDates, today)
    )
      return "documentation_week";
  }
  if (input.wants.daily_diary && !enteredToday) return "daily_diary";
  return null;
}

/** The clinic-local hour (0-23) of `now` in `timeZone`. */
export function hourInZone(timeZone: string, now: Date): number {
  const hour = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    hourCycle: "h23",
  }).format(now);
  return Number.parseInt(hour, 10);
}

/**
 * Quiet hours (SPEC 12): nothing is sent to a patient from 21:00 to 08:00 in the clinic's time zone;
 * a reminder hour within them waits for 08:00.
 */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;
export const isQuietHour = (hour: number) => hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
/** The hour a patient's reminder goes out: their chosen hour, or 08:00 when it is a quiet one. */
export const sendingHour = (reminderHour: number) =>
  isQuietHour(reminderHour) ? QUIET_UNTIL_HOUR : reminderHour;

/**
 * Tiered outreach for a due check-in (docs/clinical-rules.md#tiered-outreach): on its day a first
 * reminder (push where the patient has a device, else email); two days later a second (a text
 * where they opted in, else email); on day 5 the care team's queue asks for a call
 * (review-state.ts). A step missed on its day (the portal was down) is still sent within the
 * next day or two; the days after the second step send nothing more.
 */
export type OutreachStep = "first" | "second";
export const SECOND_STEP_AFTER_DAYS = 2;
export function checkInOutreachStep(checkInDate: string, today: string): OutreachStep | null {
  const age = daysBetween(checkInDate, today);
  if (age < 0) return null;
  if (age < SECOND_STEP_AFTER_DAYS) return "first";
  if (age < SECOND_STEP_AFTER_DAYS + 3) return "second";
  return null;
}
