import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { getOutboxEmail, listOutbox } from "@/server/services/outbox";
import { resendOutboxEmail } from "@/server/services/outbox-resend";
import { ListOutboxInput } from "./outbox.schema";

export const outboxRouter = createTRPCRouter({
  list: adminProcedure
    .input(ListOutboxInput)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  get: adminProcedure
    .input(z.object({ id: z.uuid("That email was not found.") }))
    .query(({ ctx, input }) => getOutboxEmail(ctx.db, ctx.actor, input.id, ctx.ip)),
  /** Sends an email again (an invitation with a new link). */
  resend: adminProcedure
    .input(z.object({ id: z.uuid("That email was not found.") }))
    .mutation(({ ctx, input }) => resendOutboxEmail(ctx.db, ctx.actor, input.id, ctx.ip)),
});
