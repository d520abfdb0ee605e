import {
  createTRPCRouter,
  messagingProcedure,
  patientProcedure,
  providerProcedure,
} from "@/server/api/trpc";
import {
  careTeamThread,
  inbox,
  ownThread,
  reply,
  reportChange,
  sendAsPatient,
  unreadMessages,
} from "@/server/services/messages";
import {
  InboxInput,
  ReplyInput,
  ReportChangeInput,
  SendMessageInput,
  ThreadInput,
} from "./message.schema";

/**
 * Messages between a patient and their care team (docs/decisions/020-messages.md). Patients: their
 * own thread only. Providers: threads of their care team's patients (others not found). Admins are
 * refused every procedure here (a denial, audited): they do not read messages.
 */
export const messageRouter = createTRPCRouter({
  /** "Report a change": what changed, pain now, where, a text; idempotent on the client id. */
  report: patientProcedure
    .input(ReportChangeInput)
    .mutation(({ ctx, input }) => reportChange(ctx.db, ctx.actor, input)),
  /** The patient writes in their thread. */
  send: patientProcedure
    .input(SendMessageInput)
    .mutation(({ ctx, input }) => sendAsPatient(ctx.db, ctx.actor, input)),
  /** The patient's own thread; reading it marks it read. */
  mine: patientProcedure.query(({ ctx }) => ownThread(ctx.db, ctx.actor)),
  /** A provider's inbox: their care team's threads, longest waiting first. */
  inbox: providerProcedure
    .input(InboxInput)
    .query(({ ctx, input }) => inbox(ctx.db, ctx.actor, input, ctx.ip)),
  /** One patient's thread, for a provider of their care team; audited, marked read. */
  thread: providerProcedure
    .input(ThreadInput)
    .query(({ ctx, input }) => careTeamThread(ctx.db, ctx.actor, input.patientId, ctx.ip)),
  reply: providerProcedure
    .input(ReplyInput)
    .mutation(({ ctx, input }) => reply(ctx.db, ctx.actor, input, ctx.ip)),
  /** How many unread messages (patient) or threads with unread messages (provider). */
  unreadCount: messagingProcedure.query(({ ctx }) => unreadMessages(ctx.db, ctx.actor)),
});
