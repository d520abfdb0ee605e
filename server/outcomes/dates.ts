// Pure helpers on "YYYY-MM-DD" calendar dates (docs/clinical-rules.md#derived-numbers;
// ARCHITECTURE.md#time-ids-and-operations). No clock, no time zone: a date is read as UTC midnight,
// so a day is always 86,400,000 ms.
const MS_PER_DAY = 86_400_000;

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits s[from..to), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * UTC midnight of a "YYYY-MM-DD" date, or null. Hand-parsed (no regex, no Date round trip): the
 * engine parses one date per diary entry, so this is its hot path.
 */
function toUtcMs(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  // Years below 100 are refused: Date.UTC would map them to 1900-1999.
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (MONTH_DAYS[mo - 1] ?? 0) + (mo === 2 && leap ? 1 : 0)) return null;
  return daysFromCivil(y, mo, d) * MS_PER_DAY;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), exact. */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function parse(s: string): number {
  const ms = toUtcMs(s);
  if (ms === null) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(s)}`);
  return ms;
}

/** True when `s` is a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(s: unknown): s is string {
  return typeof s === "string" && toUtcMs(s) !== null;
}

/** Whole days from `a` to `b` (b - a): daysBetween("2024-01-01", "2024-01-03") === 2. */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b) - parse(a)) / MS_PER_DAY);
}

/** `daysBetween(from, d)` for many `d`, parsing `from` once. */
export function dayCounter(from: string): (d: string) => number {
  const start = parse(from);
  return (d) => Math.round((parse(d) - start) / MS_PER_DAY);
}

/** The date `n` days after `d` (n may be negative). */
export function addDays(d: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return new Date(parse(d) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Whole years from `from` to `to` (an age: 0 until the first birthday; 29 February counts from 1
 * March).
 */
export function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
