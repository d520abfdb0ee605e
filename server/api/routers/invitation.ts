import { adminProcedure, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { acceptInvitation, checkInvitation, resendInvitation } from "@/server/services/invitations";
import { AccountIdInput } from "./account.schema";
import { AcceptInvitationInput, CheckInvitationInput } from "./invitation.schema";

export const invitationRouter = createTRPCRouter({
  /** Public: whether an invitation link works (the set-password page). */
  check: publicProcedure
    .input(CheckInvitationInput)
    .query(({ ctx, input }) => checkInvitation(ctx.db, input.token)),
  /** Public: the invited person chooses their password with the link's token. */
  accept: publicProcedure
    .input(AcceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.ip)),
  resend: adminProcedure
    .input(AccountIdInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, input.id, ctx.ip)),
});
