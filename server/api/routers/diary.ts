import { z } from "zod";
import { createTRPCRouter, patientProcedure } from "@/server/api/trpc";
import {
  addEntry,
  answerCheckIn,
  chart,
  correctEntry,
  entryHistory,
  formContext,
  getEntry,
  home,
  listEntries,
  listOwnProcedures,
} from "@/server/services/diary";
import {
  AddDiaryEntryInput,
  ChartInput,
  CheckInInput,
  CorrectDiaryEntryInput,
  EntryIdInput,
  ListDiaryInput,
} from "./diary.schema";

/**
 * The patient's own pain diary (docs/clinical-rules.md#check-ins): every procedure is for the
 * signed-in patient only.
 */
export const diaryRouter = createTRPCRouter({
  /** Summary for the patient home: procedure, today's entry, due check-in, assessment. */
  home: patientProcedure.query(({ ctx }) => home(ctx.db, ctx.actor)),
  /** The patient's own procedures, newest first. */
  procedures: patientProcedure.query(({ ctx }) => listOwnProcedures(ctx.db, ctx.actor)),
  /** The dates the new-entry form may use, and what each already has. */
  formContext: patientProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => formContext(ctx.db, ctx.actor)),
  add: patientProcedure
    .input(AddDiaryEntryInput)
    .mutation(({ ctx, input }) => addEntry(ctx.db, ctx.actor, input)),
  correct: patientProcedure
    .input(CorrectDiaryEntryInput)
    .mutation(({ ctx, input }) => correctEntry(ctx.db, ctx.actor, input)),
  /** The check-in due today, answered on its own short screen. */
  checkIn: patientProcedure
    .input(CheckInInput)
    .mutation(({ ctx, input }) => answerCheckIn(ctx.db, ctx.actor, input)),
  list: patientProcedure
    .input(ListDiaryInput)
    .query(({ ctx, input }) => listEntries(ctx.db, ctx.actor, input)),
  get: patientProcedure
    .input(EntryIdInput)
    .query(({ ctx, input }) => getEntry(ctx.db, ctx.actor, input.id)),
  /** Every version of an entry, the current one first. */
  history: patientProcedure
    .input(EntryIdInput)
    .query(({ ctx, input }) => entryHistory(ctx.db, ctx.actor, input.id)),
  chart: patientProcedure
    .input(ChartInput)
    .query(({ ctx, input }) => chart(ctx.db, ctx.actor, input)),
});
