import { z } from "zod";
import { text } from "@/shared/text";
import { isTimeZone } from "@/shared/time-zone";

export const UpdateSettingsInput = z.object({
  successCriteria: z.enum(["strict", "lenient"], {
    error: "Choose strict or lenient success criteria.",
  }),
  /** null: the server's default (CLINIC_TIME_ZONE). */
  timeZone: text({
    max: 100,
    notText: "Choose a time zone.",
    required: "Choose a time zone.",
    tooLong: "Choose a time zone from the list.",
  })
    .refine(isTimeZone, "Choose a time zone from the list, such as Europe/Paris.")
    .nullable(),
  /** Empty: not set; left out: unchanged. */
  clinicName: text({
    max: 120,
    notText: "Enter the clinic's name.",
    tooLong: "A clinic name has at most 120 characters.",
  })
    .transform((v) => v || null)
    .nullish(),
  clinicPhone: text({
    max: 40,
    notText: "Enter the clinic's phone number.",
    tooLong: "A phone number has at most 40 characters.",
  })
    .regex(/^[0-9+()./ -]*$/, "Use digits, spaces and + ( ) - . / only.")
    .transform((v) => v || null)
    .nullish(),
  /** Providers and admins must sign in with a second factor; left out: unchanged. */
  requireStaffMfa: z.boolean({ error: "Choose whether staff need a second factor." }).optional(),
});
