import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { getOutboxEmail, listOutbox } from "@/server/services/outbox";
import { ListOutboxInput } from "./outbox.schema";

export const outboxRouter = createTRPCRouter({
  list: adminProcedure
    .input(ListOutboxInput)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  get: adminProcedure
    .input(z.object({ id: z.uuid("That email was not found.") }))
    .query(({ ctx, input }) => getOutboxEmail(ctx.db, ctx.actor, input.id, ctx.ip)),
});
