// Pure helpers on "YYYY-MM-DD" calendar dates (SPEC 2.2, 6). No clock, no time zone: a date is
// read as UTC midnight, so a day is always 86,400,000 ms.
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Reject dates that roll over (2024-02-30) and years Date.UTC maps elsewhere (0000-0099).
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms;
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

/** The date `n` days after `d` (n may be negative). */
export function addDays(d: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return new Date(parse(d) + n * MS_PER_DAY).toISOString().slice(0, 10);
}
