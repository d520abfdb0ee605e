import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  completeClinicSetup,
  getClinicSettings,
  getClinicSettingsForAdmin,
  updateClinicSettings,
} from "@/server/services/settings";
import { warningSignsOrDefault } from "@/shared/clinic-help";
import { CompleteSetupInput, UpdateSettingsInput } from "./settings.schema";

export const settingsRouter = createTRPCRouter({
  /**
   * Every signed-in person: how to reach the clinic (name, phone), when to call now (the clinic's
   * warning signs or the standard ones), when the care team answers messages, and its time zone.
   */
  contact: protectedProcedure.query(async ({ ctx }) => {
    const { clinicName, clinicPhone, warningSigns, replyTime, timeZone } = await getClinicSettings(
      ctx.db,
    );
    return {
      clinicName,
      clinicPhone,
      warningSigns: warningSignsOrDefault(warningSigns),
      replyTime,
      timeZone,
    };
  }),
  get: adminProcedure.query(({ ctx }) => getClinicSettingsForAdmin(ctx.db)),
  update: adminProcedure
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateClinicSettings(ctx.db, ctx.actor, input, ctx.ip)),
  /** The first-run setup: every answer at once; /admin opens on the admin's home from then on. */
  completeSetup: adminProcedure
    .input(CompleteSetupInput)
    .mutation(({ ctx, input }) => completeClinicSetup(ctx.db, ctx.actor, input, ctx.ip)),
});
