import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { assignPatient, unassignPatient } from "@/server/services/care-team";
import { CareTeamInput } from "./care-team.schema";

export const careTeamRouter = createTRPCRouter({
  assign: adminProcedure
    .input(CareTeamInput)
    .mutation(({ ctx, input }) => assignPatient(ctx.db, ctx.actor, input, ctx.ip)),
  unassign: adminProcedure
    .input(CareTeamInput)
    .mutation(({ ctx, input }) => unassignPatient(ctx.db, ctx.actor, input, ctx.ip)),
});
