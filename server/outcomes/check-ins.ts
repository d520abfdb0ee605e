// PGIC check-ins (docs/clinical-rules.md#check-ins): at days 14, 42, 90, 180 and 365 after a procedure the diary also asks
// the Patient Global Impression of Change. Pure: dates in, statuses out.
//
// Rules chosen here (the rules say "due from its day for 7 days, then overdue"):
// - A check-in is `upcoming` before its day, `due` on days day..day+6, `overdue` after that.
// - It is `answered` when an entry carrying a PGIC answer is dated on or after its day and before
//   the next check-in's day (the last one, 365, has no end), and not after `asOf`. So a late answer
//   still closes an overdue check-in, and one answer never counts for two check-ins.
// - An unanswered check-in stays `overdue` for good, even once the next check-in has begun and it
//   can no longer be answered; the provider sees it was missed.
import { addDays, daysBetween } from "./dates";

export const CHECK_IN_DAYS = [14, 42, 90, 180, 365] as const;
/** Check-in days in words, the same on every page and in the PDF: "2-week" … "1-year". */
export const checkInName: Record<number, string> = {
  14: "2-week",
  42: "6-week",
  90: "3-month",
  180: "6-month",
  365: "1-year",
};
/** A check-in is due on its day and the 6 days after it. */
export const CHECK_IN_DUE_DAYS = 7;

export type CheckInStatus = "upcoming" | "due" | "overdue" | "answered";

export type CheckIn = {
  /** Days after the procedure (performedOn is day 0). */
  day: number;
  /** The check-in's date, "YYYY-MM-DD". */
  date: string;
  /** The last day it is due, "YYYY-MM-DD"; after it an unanswered check-in is overdue. */
  dueUntil: string;
  status: CheckInStatus;
};

/**
 * The check-in day an entry dated `entryDate` with a PGIC answer would answer, or null (before
 * day 14). Use it to decide whether a diary entry for that date should ask the PGIC.
 */
export function checkInDayFor(performedOn: string, entryDate: string): number | null {
  const day = daysBetween(performedOn, entryDate);
  let found: number | null = null;
  for (const d of CHECK_IN_DAYS) if (day >= d) found = d;
  return found;
}

/**
 * Every check-in of a procedure with its status as of `asOf`.
 * `answeredDates`: dates of the entries that carry a PGIC answer (order and duplicates don't matter).
 */
export function checkInSchedule(
  performedOn: string,
  asOf: string,
  answeredDates: readonly string[],
): CheckIn[] {
  const today = daysBetween(performedOn, asOf);
  const answeredDays = answeredDates
    .map((d) => daysBetween(performedOn, d))
    .filter((d) => d >= 0 && d <= today);
  return CHECK_IN_DAYS.map((day, i) => {
    const next = CHECK_IN_DAYS[i + 1] ?? Number.POSITIVE_INFINITY;
    const answered = answeredDays.some((d) => d >= day && d < next);
    const status: CheckInStatus = answered
      ? "answered"
      : today < day
        ? "upcoming"
        : today < day + CHECK_IN_DUE_DAYS
          ? "due"
          : "overdue";
    return {
      day,
      date: addDays(performedOn, day),
      dueUntil: addDays(performedOn, day + CHECK_IN_DUE_DAYS - 1),
      status,
    };
  });
}

/** The check-in due now (what the patient sees), or null. At most one is due at a time. */
export function dueCheckIn(
  performedOn: string,
  asOf: string,
  answeredDates: readonly string[],
): CheckIn | null {
  return checkInSchedule(performedOn, asOf, answeredDates).find((c) => c.status === "due") ?? null;
}

/** The overdue check-ins (what the provider sees), earliest first. */
export function overdueCheckIns(
  performedOn: string,
  asOf: string,
  answeredDates: readonly string[],
): CheckIn[] {
  return checkInSchedule(performedOn, asOf, answeredDates).filter((c) => c.status === "overdue");
}
