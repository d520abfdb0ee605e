import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import {
  answerByCheckInLink,
  confirmCheckInLink,
  openCheckInLink,
} from "@/server/services/check-in-links";
import {
  AnswerCheckInLinkInput,
  ConfirmCheckInLinkInput,
  OpenCheckInLinkInput,
} from "./check-in-link.schema";

/** One-tap check-in links (docs/decisions/038-one-tap-check-ins.md): public, the link is the key. */
export const checkInLinkRouter = createTRPCRouter({
  /** Whether the link works, and the clinic to call: nothing about the patient (the link's page). */
  open: publicProcedure
    .input(OpenCheckInLinkInput)
    .query(({ ctx, input }) => openCheckInLink(ctx.db, input.token, ctx.ip)),
  /** The date of birth opens the link's check-in (five wrong dates end the link). */
  confirm: publicProcedure
    .input(ConfirmCheckInLinkInput)
    .mutation(({ ctx, input }) => confirmCheckInLink(ctx.db, input, ctx.ip)),
  /** The answer, with the link and the date of birth again: stored, and the link used up. */
  answer: publicProcedure
    .input(AnswerCheckInLinkInput)
    .mutation(({ ctx, input }) => answerByCheckInLink(ctx.db, input, ctx.ip)),
});
