import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { confirmEnrolment, mfaStatus, resetMfa, startEnrolment } from "@/server/services/mfa";
import { AccountIdInput } from "./account.schema";
import { ConfirmEnrolmentInput } from "./mfa.schema";

/**
 * A second factor (docs/decisions/010-second-factor-for-staff.md): set-up from the security page
 * (staff, and patients who wish, decision 027), and the admin's reset.
 */
export const mfaRouter = createTRPCRouter({
  status: protectedProcedure.query(({ ctx }) => mfaStatus(ctx.db, ctx.actor.id)),
  startEnrolment: protectedProcedure.mutation(({ ctx }) =>
    startEnrolment(ctx.db, ctx.actor, ctx.ip),
  ),
  confirmEnrolment: protectedProcedure
    .input(ConfirmEnrolmentInput)
    .mutation(({ ctx, input }) => confirmEnrolment(ctx.db, ctx.actor, input.code, ctx.ip)),
  reset: adminProcedure
    .input(AccountIdInput)
    .mutation(({ ctx, input }) => resetMfa(ctx.db, ctx.actor, input.id, ctx.ip)),
});
