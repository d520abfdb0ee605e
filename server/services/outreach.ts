// Outreach from the care team (docs/decisions/035-outreach.md): "Send a reminder now" (one email a
// day per patient, through the outbox, with no patient data) and "Call the patient" tasks that keep
// the patient in "Follow-up due" until closed. Providers act on their care team's patients only.
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { callTasks, notificationPreferences, sentMarks, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, conflict, notFound } from "@/server/errors";
import { reminderEmail } from "@/server/mail/templates";
import { todayInZone } from "@/server/time";
import type { CallOutcome } from "@/shared/outreach";
import { recordAudit } from "./audit";
import { issueCheckInLink } from "./check-in-links";
import { openCheckIn } from "./diary";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { managedPatient } from "./patient-access";
import { unsubscribeUrl } from "./reminders";
import { getClinicSettings } from "./settings";

/**
 * Emails the patient a reminder now: the check-in's when one is waiting, else the diary's. At most
 * one a day per patient (whoever on the care team sends it); refused when the patient turned that
 * reminder off, or the account is deactivated.
 */
export async function sendReminderNow(
  db: Db,
  actor: Actor,
  patientId: string,
  now: Date = new Date(),
) {
  const patient = await managedPatient(db, actor, patientId);
  if (!patient.active) {
    throw badRequest("This patient's account is deactivated: the portal sends them nothing.");
  }
  const settings = await getClinicSettings(db);
  const today = todayInZone(settings.timeZone, now);
  // The check-in open today (due, not answered); an overdue one can no longer be answered.
  const checkInDay = (await openCheckIn(db, patient.id, now))?.day ?? null;
  const kind = checkInDay !== null ? "check_in_due" : "diary_lapsed";
  const [prefs] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, patient.id))
    .limit(1);
  if (prefs && !(kind === "check_in_due" ? prefs.checkInDue : prefs.diaryLapsed)) {
    throw badRequest(
      "The patient has turned these reminder emails off. Call them, or send a message instead.",
    );
  }
  const sent = await db.transaction(async (tx) => {
    const [mark] = await tx
      .insert(sentMarks)
      .values({ key: `outreach:${patient.id}:${today}` })
      .onConflictDoNothing()
      .returning({ key: sentMarks.key });
    if (!mark) return false;
    await queueEmail(tx, {
      kind: kind === "check_in_due" ? "reminder_check_in" : "reminder_diary",
      userId: patient.id,
      to: patient.email,
      email: reminderEmail({
        kind,
        // A waiting check-in opens in one tap (docs/decisions/038-one-tap-check-ins.md).
        url:
          checkInDay !== null
            ? await issueCheckInLink(
                tx,
                {
                  patientId: patient.id,
                  checkInDay,
                  sentBy: "email",
                  publicUrl: settings.publicUrl,
                },
                now,
              )
            : `${settings.publicUrl}/patient/diary/new`,
        unsubscribeUrl: unsubscribeUrl(settings.publicUrl, patient.id, kind),
        clinic: { name: settings.clinicName, phone: settings.clinicPhone },
      }),
    });
    await recordAudit(tx, {
      actor,
      action: "outreach.reminder",
      outcome: "success",
      targetType: "user",
      targetId: patient.id,
      patientId: patient.id,
      details: { kind },
    });
    return true;
  });
  if (!sent) {
    throw conflict(
      "A reminder already went to this patient today. You can send another tomorrow, or call them.",
    );
  }
  await wakeMailDelivery();
  return { kind, sentOn: today };
}

/** The open call tasks of patients, oldest due first (the review page; the queue's state). */
export async function openCallTasks(db: DbOrTx, patientId: string) {
  return db
    .select({
      id: callTasks.id,
      reason: callTasks.reason,
      dueOn: callTasks.dueOn,
      createdAt: callTasks.createdAt,
      createdBy: users.name,
    })
    .from(callTasks)
    .innerJoin(users, eq(users.id, callTasks.createdBy))
    .where(and(eq(callTasks.patientId, patientId), isNull(callTasks.closedAt)))
    .orderBy(asc(callTasks.dueOn), asc(callTasks.createdAt));
}
export type OpenCallTask = Awaited<ReturnType<typeof openCallTasks>>[number];

/** Opens "Call the patient" for a patient on the provider's care team. */
export async function openCallTask(
  db: DbOrTx,
  actor: Actor,
  input: { patientId: string; reason: string; dueOn: string },
  now: Date = new Date(),
) {
  const patient = await managedPatient(db, actor, input.patientId);
  const today = todayInZone((await getClinicSettings(db)).timeZone, now);
  if (input.dueOn < today) {
    throw badRequest("Please correct the highlighted fields.", {
      dueOn: ["Choose today or a later day."],
    });
  }
  return db.transaction(async (tx) => {
    const [task] = await tx
      .insert(callTasks)
      .values({
        patientId: patient.id,
        reason: input.reason,
        dueOn: input.dueOn,
        createdBy: actor.id,
      })
      .returning({ id: callTasks.id, dueOn: callTasks.dueOn });
    if (!task) throw new Error("call task insert returned nothing");
    // The reason may name clinical details: the audit keeps ids and dates only.
    await recordAudit(tx, {
      actor,
      action: "outreach.call_open",
      outcome: "success",
      targetType: "call_task",
      targetId: task.id,
      patientId: patient.id,
      details: { dueOn: task.dueOn },
    });
    return task;
  });
}

/** Closes a call task with what happened; a second close is refused. */
export async function closeCallTask(
  db: DbOrTx,
  actor: Actor,
  input: { taskId: string; outcome: CallOutcome; note: string },
  now: Date = new Date(),
) {
  const [task] = await db
    .select({ patientId: callTasks.patientId, closedAt: callTasks.closedAt })
    .from(callTasks)
    .where(eq(callTasks.id, input.taskId))
    .limit(1);
  if (!task) throw notFound("call task");
  await managedPatient(db, actor, task.patientId, "call task");
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(callTasks)
      .set({ closedAt: now, closedBy: actor.id, outcome: input.outcome, note: input.note })
      .where(and(eq(callTasks.id, input.taskId), isNull(callTasks.closedAt)))
      .returning({ id: callTasks.id });
    if (!closed) throw conflict("This call was already closed by someone on the care team.");
    await recordAudit(tx, {
      actor,
      action: "outreach.call_close",
      outcome: "success",
      targetType: "call_task",
      targetId: closed.id,
      patientId: task.patientId,
      details: { outcome: input.outcome },
    });
    return { id: closed.id, outcome: input.outcome };
  });
}
