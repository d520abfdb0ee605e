import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { acceptInvitation, checkInvitation } from "@/server/services/invitations";
import { requestPasswordReset } from "@/server/services/password-reset";
import { CheckResetInput, CompleteResetInput, RequestResetInput } from "./password-reset.schema";

export const passwordResetRouter = createTRPCRouter({
  /** Public: "Forgot your password?"; the same answer whether or not the account exists. */
  request: publicProcedure
    .input(RequestResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input, ctx.ip)),
  /** Public: whether a reset link works (the reset page). */
  check: publicProcedure
    .input(CheckResetInput)
    .query(({ ctx, input }) => checkInvitation(ctx.db, input.token, new Date(), "password_reset")),
  /** Public: the person chooses a new password with the link's token. */
  complete: publicProcedure
    .input(CompleteResetInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, input, ctx.ip, new Date(), "password_reset"),
    ),
});
