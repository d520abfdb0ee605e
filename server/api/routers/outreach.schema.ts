// Input schemas of the `outreach` router (docs/decisions/035-outreach.md).
import { z } from "zod";
import { CALL_OUTCOMES } from "@/shared/outreach";
import { dateText, optionalText, text } from "@/shared/text";

const patientId = z.uuid("That patient was not found.");

export const PatientOutreachInput = z.object({ patientId });

export const OpenCallInput = z.object({
  patientId,
  reason: text({
    max: 500,
    required: "Say why the patient needs a call.",
    tooLong: "Keep the reason to 500 characters.",
  }),
  dueOn: dateText("Enter the day the call is due, like 2026-12-04."),
});

export const CloseCallInput = z.object({
  taskId: z.uuid("That call task was not found."),
  outcome: z.enum(CALL_OUTCOMES, {
    error: "Choose what happened: reached, left a message or no answer.",
  }),
  note: optionalText({ max: 1000, tooLong: "Keep the note to 1,000 characters." }),
});
