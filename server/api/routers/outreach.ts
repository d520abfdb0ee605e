import { createTRPCRouter, providerProcedure } from "@/server/api/trpc";
import { checkInQrCode } from "@/server/services/check-in-links";
import {
  closeCallTask,
  openCallTask,
  openCallTasks,
  sendReminderNow,
} from "@/server/services/outreach";
import { managedPatient } from "@/server/services/patient-access";
import { CloseCallInput, OpenCallInput, PatientOutreachInput } from "./outreach.schema";

/**
 * The care team reaching a patient (docs/decisions/035-outreach.md): a reminder now, and call
 * tasks. Providers on the patient's care team only.
 */
export const outreachRouter = createTRPCRouter({
  remindNow: providerProcedure
    .input(PatientOutreachInput)
    .mutation(({ ctx, input }) => sendReminderNow(ctx.db, ctx.actor, input.patientId)),
  /** A QR code that opens the patient's open check-in on their phone (a one-tap link). */
  checkInQr: providerProcedure
    .input(PatientOutreachInput)
    .mutation(({ ctx, input }) => checkInQrCode(ctx.db, ctx.actor, input.patientId)),
  calls: providerProcedure.input(PatientOutreachInput).query(async ({ ctx, input }) => {
    await managedPatient(ctx.db, ctx.actor, input.patientId);
    return openCallTasks(ctx.db, input.patientId);
  }),
  openCall: providerProcedure
    .input(OpenCallInput)
    .mutation(({ ctx, input }) => openCallTask(ctx.db, ctx.actor, input)),
  closeCall: providerProcedure
    .input(CloseCallInput)
    .mutation(({ ctx, input }) => closeCallTask(ctx.db, ctx.actor, input)),
});
