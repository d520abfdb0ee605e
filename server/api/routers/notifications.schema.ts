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
