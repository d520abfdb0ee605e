import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { importPatientRows } from "@/server/services/import";
import { ImportPatientsInput } from "./import.schema";

export const importRouter = createTRPCRouter({
  /** One chunk of a patient CSV, imported in one transaction; the result of every row. */
  patients: adminProcedure
    .input(ImportPatientsInput)
    .mutation(({ ctx, input }) => importPatientRows(ctx.db, ctx.actor, input.rows, ctx.ip)),
});
