import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { verifyAuditChain } from "@/server/services/audit-chain";
import { listAuditActions, listAuditEvents } from "@/server/services/audit-log";
import { ListAuditInput } from "./audit.schema";

export const auditRouter = createTRPCRouter({
  list: adminProcedure
    .input(ListAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
  actions: adminProcedure.query(({ ctx }) => listAuditActions(ctx.db)),
  /** The hash chain checked end to end (docs/decisions/024-audit-hash-chain.md). */
  chain: adminProcedure.query(({ ctx }) => verifyAuditChain(ctx.db)),
});
