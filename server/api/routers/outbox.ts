import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { getOutboxEmail, listOutbox } from "@/server/services/outbox";

export const ListOutboxInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const outboxRouter = createTRPCRouter({
  list: adminProcedure
    .input(ListOutboxInput)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  get: adminProcedure
    .input(z.object({ id: z.uuid("That email was not found.") }))
    .query(({ ctx, input }) => getOutboxEmail(ctx.db, ctx.actor, input.id, ctx.ip)),
});
