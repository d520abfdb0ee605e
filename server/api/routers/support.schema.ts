// Input schemas of the `support` router (docs/decisions/036-support-access.md).
import { z } from "zod";
import { text } from "@/shared/text";

export const SupportPatientInput = z.object({ patientId: z.uuid("That patient was not found.") });

export const OpenSupportInput = z.object({
  patientId: z.uuid("That patient was not found."),
  reason: text({
    max: 500,
    required: "Say why you need to read this patient's record.",
    tooLong: "Keep the reason to 500 characters.",
  }),
});
