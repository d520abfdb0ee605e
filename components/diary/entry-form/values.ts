import type { Location, Pgic, Quality } from "@/server/outcomes/diary-lists";
import type { DiaryEntry } from "../types";

/** What the diary entry form holds while the patient answers. */
export type Values = {
  entryDate: string;
  painAverage: number | null;
  enjoyment: number | null;
  activity: number | null;
  locations: Location[];
  qualities: Quality[];
  siteSoreness: boolean | null;
  medication: string;
  note: string;
  pgic: Pgic | null;
};
export type FieldName = keyof Values;
export type Errors = Partial<Record<FieldName, string>>;
/** Sets one answer; each section gets this and the answers it shows. */
export type SetValue = <K extends FieldName>(key: K, value: Values[K]) => void;

/** The order of the questions, for the error summary. */
export const FIELD_ORDER: Array<[FieldName, string]> = [
  ["entryDate", "Date"],
  ["pgic", "Check-in question"],
  ["painAverage", "Pain"],
  ["enjoyment", "Enjoyment of life"],
  ["activity", "General activity"],
  ["locations", "Where it hurts"],
  ["qualities", "What it feels like"],
  ["siteSoreness", "Soreness at the treated site"],
  ["medication", "Medication"],
  ["note", "Note"],
];

/** A blank form for a new entry on `entryDate`, or the answers of the entry being corrected. */
export function initialValues(from: { entryDate: string } | DiaryEntry): Values {
  if (!("id" in from)) {
    return {
      entryDate: from.entryDate,
      painAverage: null,
      enjoyment: null,
      activity: null,
      locations: [],
      qualities: [],
      siteSoreness: null,
      medication: "",
      note: "",
      pgic: null,
    };
  }
  return {
    entryDate: from.entryDate,
    painAverage: from.painAverage,
    enjoyment: from.enjoyment,
    activity: from.activity,
    locations: from.locations,
    qualities: from.qualities,
    siteSoreness: from.siteSoreness,
    medication: from.medication,
    note: from.note,
    pgic: from.pgic,
  };
}

export const toggle = <T>(xs: readonly T[], x: T): T[] =>
  xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
