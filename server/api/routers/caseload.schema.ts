import { z } from "zod";
import { Category, FlagCode, ReviewState } from "@/server/outcomes";
import { formatCount } from "@/shared/format-count";
import { optionalText, searchText } from "@/shared/text";

export const NOTE_MAX = 2000;

export const CaseloadInput = z.object({
  search: searchText(),
  state: z.enum(ReviewState.options, { error: "Choose a state from the list." }).optional(),
  category: z
    .enum([...Category.options, "no_procedure"], { error: "Choose a category from the list." })
    .optional(),
  flag: z.enum(FlagCode.options, { error: "Choose a flag from the list." }).optional(),
  sort: z
    .enum(["queue", "name", "day", "pain", "change", "last_entry"], {
      error: "Choose a column to sort by.",
    })
    .optional(),
  dir: z.enum(["asc", "desc"], { error: "Sort ascending or descending." }).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const ReviewInput = z.object({
  patientId: z.uuid("That patient was not found."),
  /** One of the patient's procedures; the latest by default. */
  procedureId: z.uuid("That procedure was not found.").optional(),
  /** Page of the entries table (newest first). */
  entriesPage: z.number().int().min(1).max(10_000).default(1),
});

export const AcknowledgeFlagInput = z.object({
  procedureId: z.uuid("That procedure was not found."),
  code: z.enum(FlagCode.options, { error: "Choose a flag from the list." }),
  note: optionalText({
    max: NOTE_MAX,
    notText: "Enter the note as text.",
    tooLong: `A note has at most ${formatCount(NOTE_MAX)} characters.`,
  }),
});
