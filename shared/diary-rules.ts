// The rules of a diary entry's answers (docs/clinical-rules.md#check-ins), once, without zod: the
// server's input schema (diary-input.ts) applies them after checking the types, and the diary form
// applies them on the phone before sending, so both give the same message for the same answer.

import { isLocation, PGIC_ANSWERS, QUALITIES } from "@/server/outcomes/diary-lists";
import { formatCount } from "./format-count";
import { isStorableText, UNSTORABLE_MESSAGE } from "./storable";

export const NOTE_MAX = 2000;
export const MEDICATION_MAX = 500;

export const entryMessages = {
  score: (what: string) => `Choose a number from 0 to 10 for ${what}.`,
  wholeScore: (what: string) => `Choose a whole number from 0 to 10 for ${what}.`,
  locationsFromList: "Choose where it hurts from the list.",
  locationsOnce: "Choose each place only once.",
  locationsNeeded: "Choose where it hurts.",
  qualitiesFromList: "Choose what the pain feels like from the list.",
  qualitiesOnce: "Choose each word only once.",
  soreness: "Choose yes or no.",
  medicationNotText: "Enter the medication as text.",
  medicationTooLong: `Medication has at most ${MEDICATION_MAX} characters.`,
  noteNotText: "Enter the note as text.",
  noteTooLong: `A note has at most ${formatCount(NOTE_MAX)} characters.`,
  pgic: "Choose one of the answers.",
} as const;

/** The questions, with the words a message uses for each scale. */
const SCORES = [
  ["painAverage", "your pain"],
  ["enjoyment", "enjoyment of life"],
  ["activity", "general activity"],
] as const;

export type EntryAnswers = {
  painAverage: number | null;
  enjoyment: number | null;
  activity: number | null;
  locations: readonly string[];
  qualities: readonly string[];
  siteSoreness: boolean | null;
  medication: string;
  note: string;
  pgic?: string | null;
};
export type EntryProblems = Partial<Record<keyof EntryAnswers, string>>;

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

/** What is wrong with an entry's answers, one message per question (none: it can be sent). */
export function entryProblems(a: EntryAnswers): EntryProblems {
  const problems: EntryProblems = {};
  for (const [field, what] of SCORES) {
    const value = a[field];
    if (value === null || !Number.isFinite(value) || value < 0 || value > 10) {
      problems[field] = entryMessages.score(what);
    } else if (!Number.isInteger(value)) {
      problems[field] = entryMessages.wholeScore(what);
    }
  }
  if (!a.locations.every(isLocation)) {
    problems.locations = entryMessages.locationsFromList;
  } else if (!unique(a.locations)) {
    problems.locations = entryMessages.locationsOnce;
  } else if ((a.painAverage ?? 0) > 0 && a.locations.length === 0) {
    problems.locations = entryMessages.locationsNeeded;
  }
  if (a.qualities.some((q) => !(QUALITIES as readonly string[]).includes(q))) {
    problems.qualities = entryMessages.qualitiesFromList;
  } else if (!unique(a.qualities)) {
    problems.qualities = entryMessages.qualitiesOnce;
  }
  if (a.siteSoreness === null) problems.siteSoreness = entryMessages.soreness;
  for (const [field, max, tooLong] of [
    ["medication", MEDICATION_MAX, entryMessages.medicationTooLong],
    ["note", NOTE_MAX, entryMessages.noteTooLong],
  ] as const) {
    const value = a[field].trim();
    if (!isStorableText(value)) problems[field] = UNSTORABLE_MESSAGE;
    else if (value.length > max) problems[field] = tooLong;
  }
  if (a.pgic != null && !(PGIC_ANSWERS as readonly string[]).includes(a.pgic)) {
    problems.pgic = entryMessages.pgic;
  }
  return problems;
}
