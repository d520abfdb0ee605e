// The one zod schema for text a user sends: every string input of every router is built here,
// so that characters no database column can hold are refused with a field message (400), never
// a 500. Pure zod: safe to import in the client.
import { z } from "zod";
import { isIsoDate } from "@/server/outcomes/dates";
import { formatCount } from "./format-count";
import { isStorableText, UNSTORABLE_MESSAGE } from "./storable";

export { isStorableText, UNSTORABLE_MESSAGE };

export type TextOptions = {
  /** The most characters allowed. */
  max: number;
  /** Shown when the text is longer than `max`; by default "Use at most N characters." */
  tooLong?: string;
  /** Shown when the value is not a string at all. */
  notText?: string;
  /** When given, empty text (after trimming) is refused with this message. */
  required?: string;
  /** Leading and trailing spaces are removed, except for passwords and the like. */
  trim?: boolean;
};

/** Text of at most `max` characters, trimmed, that the database can store. */
export function text({
  max,
  tooLong,
  notText = "Enter text.",
  required,
  trim = true,
}: TextOptions) {
  const base = z.string({ error: notText });
  const trimmed = trim ? base.trim() : base;
  const storable = trimmed.refine(isStorableText, UNSTORABLE_MESSAGE);
  const filled = required ? storable.min(1, required) : storable;
  return filled.max(max, tooLong ?? `Use at most ${formatCount(max)} characters.`);
}

/** Optional free text (a note): empty when not given. */
export const optionalText = (options: Omit<TextOptions, "required">) => text(options).default("");

/** A search box or filter: at most 200 characters unless told, undefined when not given. */
export const searchText = (max = 200, tooLong = `Search with at most ${max} characters.`) =>
  text({ max, tooLong }).optional();

/** A calendar day as YYYY-MM-DD (a real date: no 2025-02-30). */
export const dateText = (message: string, notText = message) =>
  z.string({ error: notText }).refine(isIsoDate, message);
