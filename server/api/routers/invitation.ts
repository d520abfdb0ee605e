import { z } from "zod";
import { text } from "@/server/api/text";
import { adminProcedure, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { acceptInvitation, checkInvitation, resendInvitation } from "@/server/services/invitations";
import { PASSWORD_MAX_LENGTH } from "@/server/services/passwords";

const Token = text({
  max: 200,
  notText: "This invitation link is not valid.",
  required: "This invitation link is not valid.",
  tooLong: "This invitation link is not valid.",
});

export const AcceptInvitationInput = z.object({
  token: Token,
  password: text({
    max: PASSWORD_MAX_LENGTH,
    trim: false,
    notText: "Enter a new password.",
    required: "Enter a new password.",
    tooLong: "Use at most 1,024 characters.",
  }),
});

export const invitationRouter = createTRPCRouter({
  /** Public: whether an invitation link works (the set-password page). */
  check: publicProcedure
    .input(z.object({ token: Token }))
    .query(({ ctx, input }) => checkInvitation(ctx.db, input.token)),
  /** Public: the invited person chooses their password with the link's token. */
  accept: publicProcedure
    .input(AcceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.ip)),
  resend: adminProcedure
    .input(z.object({ id: z.uuid({ error: "That account was not found." }) }))
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.actor, input.id, ctx.ip)),
});
