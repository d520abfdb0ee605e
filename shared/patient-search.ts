// The one staff search for a patient (issue 23): the provider's caseload and the admin's account
// list read the same text the same way. A part of the name, the MRN (whole, or its digits) or the
// email, in any case; or a date of birth typed as the clinic shows it ("31 Jan 1958", "31 January
// 1958"), as ISO ("1958-01-31") or with numbers ("31/01/1958", "31.1.58", "01/31/1958"). Pure:
// no clock, no database.
import { isIsoDate } from "@/server/outcomes/dates";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

export type PatientSearch = {
  /** The text, trimmed and lower-cased, matched as a part of the name, MRN or email. */
  needle: string;
  /**
   * The dates of birth ("YYYY-MM-DD") the text can mean: none when it is not a date; two when the
   * numbers could be day/month or month/day (03/04/1958), since the clinic's date fields have
   * shown both.
   */
  dates: string[];
};

/** The patient search in `text`, or null when there is nothing to search for. */
export function parsePatientSearch(text: string | undefined, today: string): PatientSearch | null {
  const needle = (text ?? "").trim().toLowerCase();
  if (!needle) return null;
  return { needle, dates: datesOf(needle, today) };
}

/** Whether a patient matches the search (null: everyone does). */
export function matchesPatient(
  search: PatientSearch | null,
  p: { name: string; mrn: string | null; email: string; dateOfBirth: string | null },
): boolean {
  if (!search) return true;
  const { needle, dates } = search;
  return (
    p.name.toLowerCase().includes(needle) ||
    (p.mrn?.toLowerCase().includes(needle) ?? false) ||
    p.email.toLowerCase().includes(needle) ||
    (p.dateOfBirth !== null && dates.includes(p.dateOfBirth))
  );
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** A two-digit year as a date of birth: not after this year ("58" is 1958, "05" is 2005). */
function fullYear(y: string, today: string): number {
  const n = Number(y);
  if (y.length !== 2) return n;
  const century = Math.floor(Number(today.slice(0, 4)) / 100) * 100;
  return century + n > Number(today.slice(0, 4)) ? century - 100 + n : century + n;
}

function monthOf(word: string): number | null {
  // "jan", "janu", "january", "sept": at least three letters of the month's name.
  if (word.length < 3) return null;
  const i = MONTHS.findIndex((name) => name.startsWith(word));
  return i < 0 ? null : i + 1;
}

/** The calendar dates `text` (lower-cased, trimmed) can mean, valid ones only, without repeats. */
export function datesOf(text: string, today: string): string[] {
  const out = new Set<string>();
  const add = (y: number, m: number, d: number) => {
    const day = iso(y, m, d);
    if (isIsoDate(day)) out.add(day);
  };
  // 1958-01-31, 1958/1/31
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) add(Number(m[1]), Number(m[2]), Number(m[3]));
  // 31/01/1958, 31.1.58, 31-01-1958; 01/31/1958 when the day comes second
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const y = fullYear(m[3] as string, today);
    add(y, Number(m[2]), Number(m[1]));
    add(y, Number(m[1]), Number(m[2]));
  }
  // 31 Jan 1958, 31 January 1958, 31-jan-58
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]+)\.?,?[\s\-/.]+(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const month = monthOf(m[2] as string);
    if (month) add(fullYear(m[3] as string, today), month, Number(m[1]));
  }
  // Jan 31 1958, January 31, 1958
  m = /^([a-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const month = monthOf(m[1] as string);
    if (month) add(fullYear(m[3] as string, today), month, Number(m[2]));
  }
  return [...out].filter((d) => d <= today);
}
