import { createTRPCRouter, staffProcedure } from "@/server/api/trpc";
import { clinicOutcomes } from "@/server/services/outcomes";
import { OutcomesInput } from "./outcomes.schema";

/**
 * The clinic's outcomes (docs/decisions/017-outcome-statistics.md): providers see their care
 * team's, admins the clinic's.
 */
export const outcomesRouter = createTRPCRouter({
  report: staffProcedure
    .input(OutcomesInput)
    .query(({ ctx, input }) => clinicOutcomes(ctx.db, ctx.actor, input, { ip: ctx.ip })),
});
