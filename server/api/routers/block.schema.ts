// Input schemas of the `block` router (diagnostic blocks, docs/clinical-rules.md#diagnostic-blocks),
// shared with the block form so the browser and the server give the same message for the same
// field. Pure zod: safe to import in the client.

import { z } from "zod";
import { ProcedureSide, Region } from "@/server/outcomes";
import { Anesthetic } from "@/server/outcomes/pathway-vocab";
import { formatCount } from "@/shared/format-count";
import { checkTechnique, techniqueShape } from "@/shared/technique";
import { dateText, optionalText } from "@/shared/text";

export const BLOCK_NOTE_MAX = 1000;

export const blockFieldsShape = {
  /** When it was given, on the clinic's clock. */
  givenOn: dateText("Enter the date the block was given (YYYY-MM-DD).", "Enter the date given."),
  givenTime: z
    .string({ error: "Enter the time the block was given (HH:MM)." })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time the block was given (HH:MM)."),
  region: z.enum(Region.options, { error: "Choose the region." }),
  side: z.enum(ProcedureSide.options, { error: "Choose the side." }).nullable(),
  targets: techniqueShape.targets,
  anesthetic: z.enum(Anesthetic.options, { error: "Choose the anesthetic." }),
  prePain: z
    .number({ error: "Enter the pain just before the block as a whole number from 1 to 10." })
    .int("Enter the pain just before the block as a whole number from 1 to 10.")
    .min(1, "Enter the pain just before the block as a whole number from 1 to 10.")
    .max(10, "Enter the pain just before the block as a whole number from 1 to 10."),
  note: optionalText({
    max: BLOCK_NOTE_MAX,
    notText: "Enter the note as text.",
    tooLong: `The note has at most ${formatCount(BLOCK_NOTE_MAX)} characters.`,
  }),
} as const;

export const BlockFields = z.object(blockFieldsShape).superRefine(checkTechnique);

export const RecordBlockInput = z
  .object({ patientId: z.uuid("That patient was not found."), ...blockFieldsShape })
  .superRefine(checkTechnique);
export type RecordBlockInput = z.infer<typeof RecordBlockInput>;

export const BlockIdInput = z.object({ id: z.uuid("That block was not found.") });
export const BlockPatientInput = z.object({ patientId: z.uuid("That patient was not found.") });
