import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  getClinicSettings,
  getClinicSettingsForAdmin,
  updateClinicSettings,
} from "@/server/services/settings";
import { UpdateSettingsInput } from "./settings.schema";

export const settingsRouter = createTRPCRouter({
  /** Every signed-in person: the clinic's name and phone, to reach it, and its time zone. */
  contact: protectedProcedure.query(async ({ ctx }) => {
    const { clinicName, clinicPhone, timeZone } = await getClinicSettings(ctx.db);
    return { clinicName, clinicPhone, timeZone };
  }),
  get: adminProcedure.query(({ ctx }) => getClinicSettingsForAdmin(ctx.db)),
  update: adminProcedure
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateClinicSettings(ctx.db, ctx.actor, input, ctx.ip)),
});
