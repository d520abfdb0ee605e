import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { importFhirBundle } from "@/server/services/fhir-import";
import { importPatientRows } from "@/server/services/import";
import { ImportFhirBundleInput, ImportPatientsInput } from "./import.schema";

export const importRouter = createTRPCRouter({
  /** One chunk of a patient CSV, imported in one transaction; the result of every row. */
  patients: adminProcedure
    .input(ImportPatientsInput)
    .mutation(({ ctx, input }) => importPatientRows(ctx.db, ctx.actor, input.rows, ctx.ip)),
  /**
   * One patient's FHIR Bundle (this portal's `Patient/$everything`): checked, then stored all or
   * nothing; the problems listed by resource when it cannot be.
   */
  fhirBundle: adminProcedure
    .input(ImportFhirBundleInput)
    .mutation(({ ctx, input }) => importFhirBundle(ctx.db, ctx.actor, input, ctx.ip)),
});
