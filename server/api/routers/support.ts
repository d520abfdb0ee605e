import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { activeSupportAccess, openSupportAccess } from "@/server/services/support-access";
import { OpenSupportInput, SupportPatientInput } from "./support.schema";

/** Admins' break-the-glass support reads (docs/decisions/036-support-access.md). */
export const supportRouter = createTRPCRouter({
  /** The admin's open access to the patient, or null. */
  active: adminProcedure
    .input(SupportPatientInput)
    .query(({ ctx, input }) => activeSupportAccess(ctx.db, ctx.actor.id, input.patientId)),
  open: adminProcedure
    .input(OpenSupportInput)
    .mutation(({ ctx, input }) => openSupportAccess(ctx.db, ctx.actor, input, ctx.ip)),
});
