import { z } from "zod";
import { createTRPCRouter, providerProcedure, staffProcedure } from "@/server/api/trpc";
import { caseload, nextInQueue } from "@/server/services/caseload";
import { acknowledgeFlag } from "@/server/services/flags";
import { patientReview } from "@/server/services/review";
import { AcknowledgeFlagInput, CaseloadInput, ReviewInput } from "./caseload.schema";

/** The provider's caseload and the review of one patient (issue 4). */
export const caseloadRouter = createTRPCRouter({
  list: providerProcedure
    .input(CaseloadInput)
    .query(({ ctx, input }) => caseload(ctx.db, ctx.actor, input, { ip: ctx.ip })),
  /** The patient to review after this one, in the queue's order (the review's "Next patient"). */
  next: providerProcedure
    .input(z.object({ patientId: z.uuid("That patient was not found.") }))
    .query(({ ctx, input }) => nextInQueue(ctx.db, ctx.actor, input.patientId)),
  /** Everything the patient review page shows; admins may read it for support (audited). */
  review: staffProcedure
    .input(ReviewInput)
    .query(({ ctx, input }) => patientReview(ctx.db, ctx.actor, input, ctx.ip)),
  acknowledgeFlag: providerProcedure
    .input(AcknowledgeFlagInput)
    .mutation(({ ctx, input }) => acknowledgeFlag(ctx.db, ctx.actor, input, ctx.ip)),
});
