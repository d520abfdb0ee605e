import { z } from "zod";
import { text } from "@/server/api/text";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";
import { REMINDER_KINDS } from "@/server/outcomes/reminders";
import { listNotifications, markAllRead, unreadCount } from "@/server/services/notifications";
import { getPreferences, unsubscribe, updatePreferences } from "@/server/services/reminders";
import { getClinicSettings } from "@/server/services/settings";

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

export const notificationsRouter = createTRPCRouter({
  /** The bell: the person's latest notifications and how many are unread. */
  list: protectedProcedure.query(({ ctx }) => listNotifications(ctx.db, ctx.actor)),
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.actor)),
  /** All of them, or those of one kind (the patient's "Got it" on a new plan: `new_plan`). */
  markAllRead: protectedProcedure
    .input(
      z
        .object({
          kind: text({ max: 40, notText: "Choose a kind of notification." }).optional(),
        })
        .strict()
        .optional(),
    )
    .mutation(({ ctx, input }) => markAllRead(ctx.db, ctx.actor, input?.kind)),
  /** The person's choices, and the clinic's time zone their reminder hour is in. */
  preferences: protectedProcedure.query(async ({ ctx }) => ({
    ...(await getPreferences(ctx.db, ctx.actor)),
    timeZone: (await getClinicSettings(ctx.db)).timeZone,
  })),
  updatePreferences: protectedProcedure
    .input(UpdatePreferencesInput)
    .mutation(({ ctx, input }) => updatePreferences(ctx.db, ctx.actor, input, ctx.ip)),
  /** Public: a reminder's unsubscribe link (a signed token) turns off that kind only. */
  unsubscribe: publicProcedure
    .input(UnsubscribeInput)
    .mutation(({ ctx, input }) =>
      unsubscribe(
        ctx.db,
        { ...input, kind: input.kind as (typeof REMINDER_KINDS)[number] },
        ctx.ip,
      ),
    ),
});
