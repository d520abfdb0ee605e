import { z } from "zod";
import {
  createTRPCRouter,
  patientProcedure,
  protectedProcedure,
  publicProcedure,
} from "@/server/api/trpc";
import type { REMINDER_KINDS } from "@/server/outcomes/reminders";
import { listNotifications, markAllRead, unreadCount } from "@/server/services/notifications";
import {
  listPushDevices,
  removePushDevice,
  subscribePush,
  vapidKeys,
} from "@/server/services/push";
import { getPreferences, unsubscribe, updatePreferences } from "@/server/services/reminders";
import { getClinicSettings } from "@/server/services/settings";
import { getTextSettings, optInTexts, optOutTexts } from "@/server/services/texts";
import { text } from "@/shared/text";
import {
  RemovePushDeviceInput,
  SubscribePushInput,
  TextsOnInput,
  UnsubscribeInput,
  UpdatePreferencesInput,
} from "./notifications.schema";

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
  /**
   * Reminders on the patient's phones and by text (docs/decisions/040-push-and-texts.md): the
   * public VAPID key to subscribe with, the devices, and the text opt-in.
   */
  pushKey: patientProcedure.query(async ({ ctx }) => ({
    publicKey: (await vapidKeys(ctx.db)).publicKey,
  })),
  pushDevices: patientProcedure.query(({ ctx }) => listPushDevices(ctx.db, ctx.actor)),
  subscribePush: patientProcedure
    .input(SubscribePushInput)
    .mutation(({ ctx, input }) => subscribePush(ctx.db, ctx.actor, input, ctx.ip)),
  removePushDevice: patientProcedure
    .input(RemovePushDeviceInput)
    .mutation(({ ctx, input }) => removePushDevice(ctx.db, ctx.actor, input.id, ctx.ip)),
  texts: patientProcedure.query(({ ctx }) => getTextSettings(ctx.db, ctx.actor)),
  textsOn: patientProcedure
    .input(TextsOnInput)
    .mutation(({ ctx, input }) => optInTexts(ctx.db, ctx.actor, input.phone, ctx.ip)),
  textsOff: patientProcedure.mutation(({ ctx }) => optOutTexts(ctx.db, ctx.actor, ctx.ip)),
});
