import { createTRPCRouter, staffProcedure } from "@/server/api/trpc";
import { clinicOutcomes, outcomeMembers } from "@/server/services/outcomes";
import { OutcomeMembersInput, OutcomesInput } from "./outcomes.schema";

/**
 * The clinic's outcomes (docs/decisions/017-outcome-statistics.md): providers see their care
 * team's, admins the clinic's.
 */
export const outcomesRouter = createTRPCRouter({
  report: staffProcedure
    .input(OutcomesInput)
    .query(({ ctx, input }) => clinicOutcomes(ctx.db, ctx.actor, input, { ip: ctx.ip })),
  /** The patients behind one count (after failure, repeats), in the same scope. */
  members: staffProcedure
    .input(OutcomeMembersInput)
    .query(({ ctx, input }) => outcomeMembers(ctx.db, ctx.actor, input, { ip: ctx.ip })),
});
