// Input schemas of the `procedure` router, shared with the procedure form so that the browser and
// the server give the same message for the same field. Pure zod: safe to import in the client.

import { z } from "zod";
import { Location, Modality, ProcedureSide, Quality, Region } from "@/server/outcomes";
import { formatCount } from "@/shared/format-count";
import { checkTechnique, techniqueShape } from "@/shared/technique";
import { dateText, optionalText } from "@/shared/text";

export const TARGET_MAX = 200;
export const PROCEDURE_NOTES_MAX = 4000;

const unique = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;

/** A 0-10 score given to one decimal place (a week's average). */
const averageScore = (what: string, min: number) =>
  z
    .number({ error: `Enter ${what} as a number from ${min} to 10.` })
    .min(min, `Enter ${what} as a number from ${min} to 10.`)
    .max(10, `Enter ${what} as a number from ${min} to 10.`)
    .refine(
      (n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9,
      `Give ${what} to at most one decimal place.`,
    );

export const procedureFieldsShape = {
  performedOn: dateText(
    "Enter the date of the procedure (YYYY-MM-DD).",
    "Enter the date of the procedure.",
  ),
  modality: z.enum(Modality.options, { error: "Choose the modality." }),
  region: z.enum(Region.options, { error: "Choose the treated region." }),
  /** left, right, bilateral; null: midline or not recorded. */
  side: z.enum(ProcedureSide.options, { error: "Choose the side." }).nullable(),
  target: optionalText({
    max: TARGET_MAX,
    notText: "Enter the target nerve or level as text.",
    tooLong: `The target has at most ${TARGET_MAX} characters.`,
  }),
  ...techniqueShape,
  baselinePain: averageScore("the baseline pain", 1),
  baselineInterference: averageScore("the baseline interference", 0).nullable().default(null),
  baselineLocations: z
    .array(z.enum(Location.options, { error: "Choose the locations from the list." }), {
      error: "Choose the locations from the list.",
    })
    .max(Location.options.length, "Choose each location only once.")
    .refine(unique, "Choose each location only once.")
    .default([]),
  baselineQualities: z
    .array(z.enum(Quality.options, { error: "Choose the qualities from the list." }), {
      error: "Choose the qualities from the list.",
    })
    .max(Quality.options.length, "Choose each quality only once.")
    .refine(unique, "Choose each quality only once.")
    .default([]),
  blockReliefPct: z
    .number({ error: "Enter the diagnostic block relief as a whole number from 0 to 100." })
    .int("Enter the diagnostic block relief as a whole number from 0 to 100.")
    .min(0, "Enter the diagnostic block relief as a whole number from 0 to 100.")
    .max(100, "Enter the diagnostic block relief as a whole number from 0 to 100.")
    .nullable()
    .default(null),
  notes: optionalText({
    max: PROCEDURE_NOTES_MAX,
    notText: "Enter the notes as text.",
    tooLong: `Notes have at most ${formatCount(PROCEDURE_NOTES_MAX)} characters.`,
  }),
  repeatsProcedureId: z
    .uuid("Choose the earlier procedure from the list.")
    .nullable()
    .default(null),
  /** The provider who performed it; none given: the provider recording it (a new procedure). */
  performedBy: z
    .uuid("Choose the provider who performed the procedure from the list.")
    .nullable()
    .default(null),
} as const;

/** The procedure's fields with the rules between them (the form checks the same). */
export const ProcedureFields = z.object(procedureFieldsShape).superRefine(checkTechnique);

export const RecordProcedureInput = z
  .object({
    patientId: z.uuid("Choose a patient."),
    ...procedureFieldsShape,
  })
  .superRefine(checkTechnique);
export type RecordProcedureInput = z.infer<typeof RecordProcedureInput>;

export const UpdateProcedureInput = z
  .object({
    id: z.uuid("That procedure was not found."),
    /** The version the provider edited: a newer one in the meantime is a conflict. */
    version: z.number().int().min(1),
    ...procedureFieldsShape,
  })
  .superRefine(checkTechnique);
export type UpdateProcedureInput = z.infer<typeof UpdateProcedureInput>;

export const PatientIdInput = z.object({ patientId: z.uuid("That patient was not found.") });
export const ProcedureIdInput = z.object({ id: z.uuid("That procedure was not found.") });
