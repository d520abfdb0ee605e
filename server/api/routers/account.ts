import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { listAccounts } from "@/server/services/accounts";

export const ListAccountsInput = z.object({
  search: z.string().trim().max(200).optional(),
  role: z.enum(["patient", "provider", "admin"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const accountRouter = createTRPCRouter({
  list: adminProcedure
    .input(ListAccountsInput)
    .query(({ ctx, input }) => listAccounts(ctx.db, ctx.actor, input)),
});
