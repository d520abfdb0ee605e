import { createTRPCRouter, patientProcedure } from "@/server/api/trpc";
import { answerBlock, myOpenBlocks } from "@/server/services/block-diary";
import { AnswerBlockInput } from "./block-diary.schema";

/** The patient's block diary: their own open blocks, and their answers. */
export const blockDiaryRouter = createTRPCRouter({
  open: patientProcedure.query(({ ctx }) => myOpenBlocks(ctx.db, ctx.actor)),
  answer: patientProcedure
    .input(AnswerBlockInput)
    .mutation(({ ctx, input }) => answerBlock(ctx.db, ctx.actor, input)),
});
