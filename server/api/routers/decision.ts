import { z } from "zod";
import {
  createTRPCRouter,
  patientProcedure,
  providerProcedure,
  staffProcedure,
} from "@/server/api/trpc";
import {
  amendDecision,
  currentPlan,
  listDecisions,
  patientPlans,
  recordDecision,
} from "@/server/services/decisions";
import { AmendDecisionInput, RecordDecisionInput } from "./decision.schema";

/**
 * Management decisions (docs/clinical-rules.md#vocabularies): recorded and amended by the care
 * team, never edited.
 */
export const decisionRouter = createTRPCRouter({
  record: providerProcedure
    .input(RecordDecisionInput)
    .mutation(({ ctx, input }) => recordDecision(ctx.db, ctx.actor, input, ctx.ip)),
  /** A new version linked to the old one; the old one stays readable. */
  amend: providerProcedure
    .input(AmendDecisionInput)
    .mutation(({ ctx, input }) => amendDecision(ctx.db, ctx.actor, input, ctx.ip)),
  /** Every version of every decision for a patient, newest first. */
  list: staffProcedure
    .input(z.object({ patientId: z.uuid("That patient was not found.") }))
    .query(({ ctx, input }) => listDecisions(ctx.db, ctx.actor, input.patientId, ctx.ip)),
  /** The signed-in patient's current plan, or null. */
  current: patientProcedure.query(({ ctx }) => currentPlan(ctx.db, ctx.actor)),
  /** The signed-in patient's current plan and their earlier ones ("My plan"). */
  mine: patientProcedure.query(({ ctx }) => patientPlans(ctx.db, ctx.actor)),
});
