import { createTRPCRouter, providerProcedure, staffProcedure } from "@/server/api/trpc";
import {
  getProcedure,
  listProcedures,
  performers,
  recordProcedure,
  updateProcedure,
} from "@/server/services/procedures";
import {
  PatientIdInput,
  ProcedureIdInput,
  RecordProcedureInput,
  UpdateProcedureInput,
} from "./procedure.schema";

/** Procedures: recorded and edited by the care team; every edit keeps the earlier version. */
export const procedureRouter = createTRPCRouter({
  record: providerProcedure
    .input(RecordProcedureInput)
    .mutation(({ ctx, input }) => recordProcedure(ctx.db, ctx.actor, input, ctx.ip)),
  update: providerProcedure
    .input(UpdateProcedureInput)
    .mutation(({ ctx, input }) => updateProcedure(ctx.db, ctx.actor, input, ctx.ip)),
  /** Who can be named as having performed a procedure. */
  performers: providerProcedure.query(({ ctx }) => performers(ctx.db)),
  list: staffProcedure
    .input(PatientIdInput)
    .query(({ ctx, input }) => listProcedures(ctx.db, ctx.actor, input.patientId, ctx.ip)),
  /** One procedure with every version, the current one first. */
  get: staffProcedure
    .input(ProcedureIdInput)
    .query(({ ctx, input }) => getProcedure(ctx.db, ctx.actor, input.id, ctx.ip)),
});
