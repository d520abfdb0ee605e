import { z } from "zod";
import { text } from "@/server/api/text";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { isTimeZone } from "@/server/env";
import { getClinicSettingsForAdmin, updateClinicSettings } from "@/server/services/settings";

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
});

export const settingsRouter = createTRPCRouter({
  get: adminProcedure.query(({ ctx }) => getClinicSettingsForAdmin(ctx.db)),
  update: adminProcedure
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateClinicSettings(ctx.db, ctx.actor, input, ctx.ip)),
});
