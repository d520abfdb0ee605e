import { createTRPCRouter, providerProcedure, staffProcedure } from "@/server/api/trpc";
import { listBlocks, recordBlock, removeBlock } from "@/server/services/blocks";
import { BlockIdInput, BlockPatientInput, RecordBlockInput } from "./block.schema";

/** Diagnostic blocks: recorded and removed by the care team, judged on every read. */
export const blockRouter = createTRPCRouter({
  record: providerProcedure
    .input(RecordBlockInput)
    .mutation(({ ctx, input }) => recordBlock(ctx.db, ctx.actor, input, ctx.ip)),
  remove: providerProcedure
    .input(BlockIdInput)
    .mutation(({ ctx, input }) => removeBlock(ctx.db, ctx.actor, input.id, ctx.ip)),
  list: staffProcedure
    .input(BlockPatientInput)
    .query(({ ctx, input }) => listBlocks(ctx.db, ctx.actor, input.patientId, ctx.ip)),
});
