import {
  adminProcedure,
  createTRPCRouter,
  providerProcedure,
  staffProcedure,
} from "@/server/api/trpc";
import {
  createPolicy,
  listPolicies,
  setPatientPolicy,
  updatePolicy,
} from "@/server/services/repeat-policies";
import { PatientPolicyInput, PolicyInput, UpdatePolicyInput } from "./policy.schema";

/**
 * Repeat-ablation policies (docs/decisions/030-repeat-ablation-evidence.md): admins add and edit
 * them; the care team chooses a patient's policy.
 */
export const policyRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => listPolicies(ctx.db)),
  create: adminProcedure
    .input(PolicyInput)
    .mutation(({ ctx, input }) => createPolicy(ctx.db, ctx.actor, input, ctx.ip)),
  update: adminProcedure
    .input(UpdatePolicyInput)
    .mutation(({ ctx, input }) => updatePolicy(ctx.db, ctx.actor, input, ctx.ip)),
  setForPatient: providerProcedure
    .input(PatientPolicyInput)
    .mutation(({ ctx, input }) => setPatientPolicy(ctx.db, ctx.actor, input, ctx.ip)),
});
