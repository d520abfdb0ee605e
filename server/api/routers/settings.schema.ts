import { z } from "zod";
import { Anesthetic, anestheticLabels } from "@/server/outcomes/pathway-vocab";
import { REPLY_TIME_LENGTH, WARNING_SIGN_LENGTH, WARNING_SIGNS_MAX } from "@/shared/clinic-help";
import { text } from "@/shared/text";
import { isTimeZone } from "@/shared/time-zone";

export const ANESTHETIC_HOURS_MAX = 24;
function anestheticHoursField(label: string) {
  const message = `Enter the hours of relief for ${label.toLowerCase()} as a number from 0.5 to ${ANESTHETIC_HOURS_MAX}, in half hours.`;
  return z
    .number({ error: message })
    .min(0.5, message)
    .max(ANESTHETIC_HOURS_MAX, message)
    .refine((h) => Number.isInteger(h * 2), message);
}

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
  /** "When to call now", one sign each; empty: the standard list; left out: unchanged. */
  warningSigns: z
    .array(
      text({
        max: WARNING_SIGN_LENGTH,
        notText: "Enter each warning sign as text.",
        tooLong: `A warning sign has at most ${WARNING_SIGN_LENGTH} characters.`,
      }),
      { error: "Enter the warning signs as a list." },
    )
    .transform((signs) => signs.filter((s) => s !== ""))
    .refine((signs) => signs.length <= WARNING_SIGNS_MAX, {
      message: `List at most ${WARNING_SIGNS_MAX} warning signs.`,
    })
    .transform((signs) => (signs.length > 0 ? signs : null))
    .nullish(),
  /** "within one working day"; empty: not said; left out: unchanged. */
  replyTime: text({
    max: REPLY_TIME_LENGTH,
    notText: "Enter when the clinic answers as text.",
    tooLong: `Say when the clinic answers in at most ${REPLY_TIME_LENGTH} characters.`,
  })
    .transform((v) => v || null)
    .nullish(),
  /** Providers and admins must sign in with a second factor; left out: unchanged. */
  requireStaffMfa: z.boolean({ error: "Choose whether staff need a second factor." }).optional(),
  /**
   * Hours of relief consistent with each anesthetic of a diagnostic block
   * (docs/clinical-rules.md#diagnostic-blocks); left out: unchanged.
   */
  anestheticHours: z
    .object(
      Object.fromEntries(
        Anesthetic.options.map((a) => [a, anestheticHoursField(anestheticLabels[a])]),
      ) as Record<Anesthetic, ReturnType<typeof anestheticHoursField>>,
      { error: "Enter the hours for each anesthetic." },
    )
    .optional(),
  /** Where links in emails point; empty: APP_URL; left out: unchanged. */
  publicUrl: z
    .union([z.literal(""), z.lazy(() => publicUrl)])
    .transform((v) => v || null)
    .nullish(),
});

/** The portal's public address: an http(s) origin, kept without a path or trailing slash. */
const publicUrl = text({
  max: 200,
  notText: "Enter the portal's address.",
  required: "Enter the portal's address, like https://portal.example.org.",
  tooLong: "An address has at most 200 characters.",
})
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username;
    } catch {
      return false;
    }
  }, "Enter the portal's address, like https://portal.example.org.")
  .transform((v) => new URL(v).origin);

/** The first-run setup (docs/decisions/033-first-run-setup.md): every answer required. */
export const CompleteSetupInput = z.object({
  clinicName: UpdateSettingsInput.shape.clinicName
    .unwrap()
    .unwrap()
    .refine((v) => v !== null, "Enter the clinic's name."),
  clinicPhone: UpdateSettingsInput.shape.clinicPhone
    .unwrap()
    .unwrap()
    .refine((v) => v !== null, "Enter the clinic's phone number."),
  timeZone: UpdateSettingsInput.shape.timeZone.unwrap(),
  publicUrl,
  requireStaffMfa: z.boolean({ error: "Choose whether staff need a second factor." }),
});
