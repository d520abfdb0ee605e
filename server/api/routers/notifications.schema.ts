import { z } from "zod";
import { REMINDER_KINDS } from "@/server/outcomes/reminders";
import { text } from "@/shared/text";

const Switch = z.boolean({ error: "Choose on or off." }).optional();

export const UpdatePreferencesInput = z.object({
  reminderHour: z
    .number({ error: "Choose an hour." })
    .int("Choose an hour.")
    .min(0, "Choose an hour between 0 and 23.")
    .max(23, "Choose an hour between 0 and 23.")
    .optional(),
  checkInDue: Switch,
  diaryLapsed: Switch,
  dailyDiary: Switch,
  highFlagEmail: Switch,
  dailyDigest: Switch,
  replyEmail: Switch,
  patientMessageEmail: Switch,
});

const INVALID_LINK = "This unsubscribe link is not valid.";
export const UnsubscribeInput = z.object({
  userId: z.uuid({ error: INVALID_LINK }),
  kind: z.enum(REMINDER_KINDS as [string, ...string[]], { error: INVALID_LINK }),
  signature: text({
    max: 100,
    notText: INVALID_LINK,
    required: INVALID_LINK,
    tooLong: INVALID_LINK,
  }),
});

/** "Reminders on this phone": the browser's PushSubscription, and what the patient calls it. */
const PUSH_KEY = "This browser's push subscription is not valid. Please try again.";
const base64url = (max: number) =>
  z
    .string({ error: PUSH_KEY })
    .min(16, PUSH_KEY)
    .max(max, PUSH_KEY)
    .regex(/^[A-Za-z0-9_-]+=*$/, PUSH_KEY);
export const SubscribePushInput = z
  .object({
    endpoint: z.url({ protocol: /^https$/, error: PUSH_KEY }).max(2000, PUSH_KEY),
    p256dh: base64url(200),
    auth: base64url(100),
    device: text({ max: 80, required: "Name this device.", notText: "Name this device." }),
  })
  .strict();

export const RemovePushDeviceInput = z
  .object({ id: z.uuid({ error: "Choose a device." }) })
  .strict();

/** A mobile number for texts: with its country code; spaces, dots, dashes and brackets allowed. */
const MOBILE = "Enter your mobile number with its country code, like +44 7700 900123.";
export const TextsOnInput = z
  .object({
    phone: z
      .string({ error: MOBILE })
      .max(30, MOBILE)
      .transform((s) => s.replace(/[\s().-]/g, ""))
      .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, MOBILE)),
    consent: z.literal(true, { error: "Tick the box to agree to text reminders." }),
  })
  .strict();
