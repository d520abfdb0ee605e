// The one presentation of dates and numbers across the portal (issue 9). Display only: every
// number comes from the outcome engine, every date is a clinic calendar day ("YYYY-MM-DD") or a
// moment. Calendar days are formatted in UTC so that a day never shifts with the viewer's zone.
//
// Calendar days and numbers are written out here rather than through Intl: these run in the
// browser while a page starts, and a browser's first use of Intl loads its locale data, a task of
// about 50 ms on a phone-class CPU (shared/format-count.ts). Moments in a time zone still need
// Intl; the browser formats them only after something happens (offline, a station's timer).

import { formatCount, groupThousands } from "@/shared/format-count";

const LOCALE = "en-GB";
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** en-GB's short months: September is "Sept". */
const SHORT_MONTHS = MONTHS.map((m) => (m === "September" ? "Sept" : m.slice(0, 3)));
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export type DateStyle = {
  /** "Sat 12 Dec" (short) or "Saturday 12 December" (long); none by default. */
  weekday?: "short" | "long";
  /** The year is shown only when it is not the year of `today` (default: this year, UTC). */
  today?: string;
  /** Always show the year (a date of birth, a document). */
  year?: boolean;
};

/**
 * A calendar day: "12 Dec", "Sat 12 Dec", "Saturday 12 December"; with the year when it is not
 * the current one ("12 Dec 2025") or when asked.
 */
export function formatDate(iso: string, style: DateStyle = {}): string {
  const thisYear = (style.today ?? new Date().toISOString()).slice(0, 4);
  const long = style.weekday === "long";
  const day = new Date(`${iso}T00:00:00Z`);
  const month = (long ? MONTHS : SHORT_MONTHS)[day.getUTCMonth()] ?? "";
  const weekday = WEEKDAYS[day.getUTCDay()] ?? "";
  // en-GB: "12 Dec", "Sat 12 Dec", "Saturday 12 December"; with a year "12 Dec 2025" and
  // "Sat, 12 Dec 2025" (the comma only when a weekday and a year are both shown).
  const withYear = style.year || iso.slice(0, 4) !== thisYear;
  const date = `${day.getUTCDate()} ${month}${withYear ? ` ${day.getUTCFullYear()}` : ""}`;
  if (!style.weekday) return date;
  return `${long ? weekday : weekday.slice(0, 3)}${withYear ? "," : ""} ${date}`;
}

/**
 * A moment (when something was recorded) in the clinic's time zone: "12 Dec, 19:30"; the year when
 * not this one. Every page that shows one gets the zone from `clinicTimeZone()` and names it once
 * (`zoneWords`).
 */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const d = new Date(at);
  const sameYear = d.getUTCFullYear() === new Date().getUTCFullYear();
  return new Intl.DateTimeFormat(LOCALE, {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(d);
}

/** A time of day in the clinic's time zone, 24-hour: "09:05". */
export function formatTime(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(at));
}

/** The clinic's time zone in words: "Berlin time", "New York time", "UTC". */
export function zoneWords(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  return `${(timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ")} time`;
}

/** A number with one decimal at most: 7.25 -> "7.3", 7 -> "7", -0.04 -> "0". */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 10);
  const tenths = Math.abs(rounded);
  const whole = groupThousands(String(Math.floor(tenths / 10)));
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${whole}${tenths % 10 ? `.${tenths % 10}` : ""}`;
}

export { formatCount };

/** A percentage with one decimal: 30.64 -> "30.6%". */
export const formatPercent = (value: number) => `${(Math.round(value * 10) / 10 + 0).toFixed(1)}%`;

/** The day of a moment in the clinic's time zone, as `formatDate` shows days: "2 Dec 2026". */
export function formatDayOf(at: Date | string, timeZone: string, style: DateStyle = {}): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(at));
  return formatDate(day, style);
}

/** A pain score (0-10) or a dash. */
export const formatPain = (n: number | null) => (n === null ? "—" : formatNumber(n));

/** A change of pain in percent (positive: less pain): "48% less pain", "31% more pain". */
export function formatChange(pct: number | null, noun = "pain"): string {
  if (pct === null) return "—";
  const r = Math.round(pct * 10) / 10 + 0;
  if (r === 0) return `No change in ${noun}`;
  return r > 0 ? `${formatNumber(r)}% less ${noun}` : `${formatNumber(-r)}% more ${noun}`;
}

/** Current pain against baseline in words: "4.2 from 8, 48% less"; null when there is none. */
export function painAgainstBaseline(
  current: number | null,
  baseline: number | null,
  pct: number | null,
): string | null {
  if (current === null || baseline === null || pct === null) return null;
  const r = Math.round(pct) + 0;
  const change = r === 0 ? "no change" : r > 0 ? `${r}% less` : `${-r}% more`;
  return `${formatNumber(current)} from ${formatNumber(baseline)}, ${change}`;
}

/** "1 entry", "3 entries", "1,200 patients". */
export const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** An age in whole years: "54 y". */
export const formatAge = (years: number) => `${years} y`;

/** The patient's weekly mean pain, always with one decimal ("4.0"), as the patient's pages show it. */
export const formatMean = (n: number) => n.toFixed(1);

/** How long since a moment, in words: "less than a minute", "5 minutes", "3 hours", "2 days". */
export function formatElapsed(since: Date | string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return plural(minutes, "minute", "minutes");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, "hour", "hours");
  return plural(Math.floor(hours / 24), "day", "days");
}
