// Display helpers for calendar dates ("YYYY-MM-DD", the clinic's days) and 0-10 scores.
// Dates are formatted in UTC so a calendar day never shifts with the viewer's time zone.

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

const long = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const medium = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const short = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const dayMonth = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "Sunday 15 March 2026" */
export const formatDateLong = (iso: string) => long.format(toDate(iso));
/** "Sun 15 Mar 2026" */
export const formatDate = (iso: string) => medium.format(toDate(iso));
/** "Sun 15 Mar" */
export const formatDateShort = (iso: string) => short.format(toDate(iso));
/** "15 Mar" */
export const formatDayMonth = (iso: string) => dayMonth.format(toDate(iso));
/** A moment, e.g. when a version was recorded: "15 Mar 2026, 19:30 UTC". */
export const formatDateTime = (at: Date | string) => dateTime.format(new Date(at));

/** A 0-10 score for display: whole numbers as "7", others with one decimal: "6.5". */
export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A mean pain for display, always with one decimal: "4.0". */
export const formatMean = (n: number) => n.toFixed(1);

/** "1 entry", "3 entries" */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
