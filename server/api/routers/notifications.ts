import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";
import type { REMINDER_KINDS } from "@/server/outcomes/reminders";
import { listNotifications, markAllRead, unreadCount } from "@/server/services/notifications";
import { getPreferences, unsubscribe, updatePreferences } from "@/server/services/reminders";
import { getClinicSettings } from "@/server/services/settings";
import { text } from "@/shared/text";
import { UnsubscribeInput, UpdatePreferencesInput } from "./notifications.schema";

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
