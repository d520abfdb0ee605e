import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { assignPatient, unassignPatient } from "@/server/services/care-team";

export const CareTeamInput = z.object({
  patientId: z.uuid({ error: "Choose a patient." }),
  providerId: z.uuid({ error: "Choose a provider." }),
});

export const careTeamRouter = createTRPCRouter({
  assign: adminProcedure
    .input(CareTeamInput)
    .mutation(({ ctx, input }) => assignPatient(ctx.db, ctx.actor, input, ctx.ip)),
  unassign: adminProcedure
    .input(CareTeamInput)
    .mutation(({ ctx, input }) => unassignPatient(ctx.db, ctx.actor, input, ctx.ip)),
});
