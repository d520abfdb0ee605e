// Messages between a patient and their care team (docs/decisions/020-messages.md): one thread per
// patient. A patient reads and writes only their own thread; a provider only the threads of
// patients on their care team (anything else is "not found"); admins never read messages (their
// role is refused before this module). Every read and write by staff is audited with the patient's
// id. Messages are never edited or deleted. Writes are idempotent on the author's client-generated
// id.
import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import {
  careTeam,
  diaryEntries,
  messageReads,
  messages,
  messageThreads,
  notificationPreferences,
  notifications,
  users,
} from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest } from "@/server/errors";
import { patientMessageEmail, replyEmail } from "@/server/mail/templates";
import type { Change, Location } from "@/server/outcomes";
import { recordAudit, recordAudits } from "./audit";
import { notify } from "./notifications";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { managedPatient } from "./patient-access";
import { clinicToday, getClinicSettings } from "./settings";

/** The newest messages a thread shows. */
export const THREAD_LIMIT = 200;
export const INBOX_PAGE_SIZE = 25;

export type ReportChange = {
  clientId: string;
  /** What changed: one or more, each once. */
  changes: Change[];
  painNow: number | null;
  locations: Location[];
  body: string;
  /** Attach today's diary entry (refused when there is none). */
  attachTodaysEntry: boolean;
};
export type SendMessage = { clientId: string; body: string };

export type ThreadMessage = {
  id: string;
  authorRole: "patient" | "provider";
  authorName: string;
  /** Written by the person reading the thread. */
  mine: boolean;
  /** What a report says changed (one or more); empty for a plain message. */
  changes: Change[];
  painNow: number | null;
  locations: Location[];
  diaryEntry: { id: string; entryDate: string; painAverage: number } | null;
  body: string;
  createdAt: Date;
  /** The people on the other side who have read it (read receipts per reader). */
  readBy: string[];
};

const NO_ENTRY_TODAY = "You have no diary entry for today yet.";

/** The thread's href for staff: the review page's messages. */
export const staffThreadHref = (patientId: string) => `/provider/patients/${patientId}#messages`;
export const PATIENT_THREAD_HREF = "/patient/messages";

// ---- Writes ----

type NewMessage = {
  patientId: string;
  clientId: string;
  body: string;
  changes?: Change[];
  painNow?: number | null;
  locations?: Location[];
  diaryEntryId?: string | null;
};

async function byClientId(db: DbOrTx, authorId: string, clientId: string) {
  const [row] = await db
    .select({ id: messages.id, patientId: messages.patientId, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.clientId, clientId)))
    .limit(1);
  return row ?? null;
}

/**
 * Stores a message in its thread, with the thread's summary, the author's read receipt, the audit
 * row, and the other side's notifications and emails, in one transaction. A retry with the same
 * client id returns the message already stored (`created: false`), even when both arrive at once.
 */
async function post(
  db: Db,
  actor: Actor,
  message: NewMessage,
  ip: string | null,
): Promise<{ id: string; created: boolean }> {
  const stored = await byClientId(db, actor.id, message.clientId);
  if (stored) return { id: stored.id, created: false };
  const authorRole = actor.role === "patient" ? "patient" : "provider";
  const clinic = await getClinicSettings(db);
  const inserted = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        patientId: message.patientId,
        authorId: actor.id,
        authorRole,
        clientId: message.clientId,
        // The first change in the column of one, which the inbox and older readers read.
        change: message.changes?.[0] ?? null,
        changes: message.changes?.length ? message.changes : null,
        painNow: message.painNow ?? null,
        locations: message.locations ?? [],
        diaryEntryId: message.diaryEntryId ?? null,
        body: message.body,
      })
      .onConflictDoNothing()
      .returning({ id: messages.id, createdAt: messages.createdAt });
    if (!row) return null;
    // The patient's message waits for a reply from the care team; a reply answers every one.
    await tx
      .insert(messageThreads)
      .values({
        patientId: message.patientId,
        lastMessageAt: row.createdAt,
        awaitingSince: authorRole === "patient" ? row.createdAt : null,
        awaitingLatest: authorRole === "patient" ? row.createdAt : null,
      })
      .onConflictDoUpdate({
        target: messageThreads.patientId,
        set: {
          lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, excluded.last_message_at)`,
          awaitingSince:
            authorRole === "patient"
              ? sql`coalesce(${messageThreads.awaitingSince}, excluded.awaiting_since)`
              : null,
          awaitingLatest:
            authorRole === "patient"
              ? sql`greatest(${messageThreads.awaitingLatest}, excluded.awaiting_latest)`
              : null,
        },
      });
    await markThreadRead(tx, actor.id, message.patientId);
    await recordAudit(tx, {
      actor,
      action: authorRole === "patient" ? "message.send" : "message.reply",
      outcome: "success",
      targetType: "message",
      targetId: row.id,
      patientId: message.patientId,
      ip,
      details: message.changes?.length ? { change: message.changes } : undefined,
    });
    const emails =
      authorRole === "patient"
        ? await tellCareTeam(tx, actor, row.id, clinic)
        : await tellPatient(tx, message.patientId, row.id, clinic);
    return { id: row.id, emails };
  });
  if (inserted) {
    if (inserted.emails > 0) await wakeMailDelivery();
    return { id: inserted.id, created: true };
  }
  const retried = await byClientId(db, actor.id, message.clientId);
  if (retried) return { id: retried.id, created: false };
  throw new Error("message neither stored nor found");
}

type Clinic = { clinicName: string | null; clinicPhone: string | null; publicUrl: string };

/** Bell for every active provider of the care team; an email (no text) for those who opted in. */
async function tellCareTeam(tx: Tx, patient: Actor, messageId: string, clinic: Clinic) {
  const team = await tx
    .select({
      id: users.id,
      email: users.email,
      wantsEmail: notificationPreferences.patientMessageEmail,
    })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.providerId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(careTeam.patientId, patient.id), eq(users.active, true)));
  await notify(
    tx,
    team.map((p) => ({
      userId: p.id,
      kind: "patient_message",
      key: `message:${messageId}`,
      title: `New message from ${patient.name}`,
      href: staffThreadHref(patient.id),
    })),
  );
  let emails = 0;
  for (const p of team) {
    if (!p.wantsEmail) continue;
    await queueEmail(tx, {
      kind: "staff_patient_message",
      userId: p.id,
      to: p.email,
      email: patientMessageEmail({
        url: `${clinic.publicUrl}/provider/messages`,
        clinic: { name: clinic.clinicName, phone: clinic.clinicPhone },
      }),
    });
    emails++;
  }
  return emails;
}

/** Bell for the patient, and an email without the reply's text unless they turned it off. */
async function tellPatient(tx: Tx, patientId: string, messageId: string, clinic: Clinic) {
  await notify(tx, [
    {
      userId: patientId,
      kind: "care_team_reply",
      key: `message:${messageId}`,
      title: "Your care team replied",
      href: PATIENT_THREAD_HREF,
    },
  ]);
  const [patient] = await tx
    .select({ email: users.email, active: users.active, wants: notificationPreferences.replyEmail })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, patientId))
    .limit(1);
  if (!patient?.active || patient.wants === false) return 0;
  await queueEmail(tx, {
    kind: "message_reply",
    userId: patientId,
    to: patient.email,
    email: replyEmail({
      url: `${clinic.publicUrl}${PATIENT_THREAD_HREF}`,
      clinic: { name: clinic.clinicName, phone: clinic.clinicPhone },
    }),
  });
  return 1;
}

/** A patient reports a change (docs/decisions/020-messages.md) in their own thread. */
export async function reportChange(
  db: Db,
  actor: Actor,
  input: ReportChange,
  now: Date = new Date(),
) {
  const stored = await byClientId(db, actor.id, input.clientId);
  if (stored) return { id: stored.id, created: false };
  let diaryEntryId: string | null = null;
  if (input.attachTodaysEntry) {
    const entry = await todaysEntry(db, actor, now);
    if (!entry) {
      throw badRequest("Please correct the highlighted fields.", {
        attachTodaysEntry: [NO_ENTRY_TODAY],
      });
    }
    diaryEntryId = entry.id;
  }
  return post(
    db,
    actor,
    {
      patientId: actor.id,
      clientId: input.clientId,
      body: input.body,
      changes: [...new Set(input.changes)],
      painNow: input.painNow,
      locations: [...new Set(input.locations)],
      diaryEntryId,
    },
    null,
  );
}

/** A patient writes in their own thread (plain text). */
export async function sendAsPatient(db: Db, actor: Actor, input: SendMessage) {
  return post(db, actor, { patientId: actor.id, clientId: input.clientId, body: input.body }, null);
}

/** A provider of the patient's care team replies (plain text). */
export async function reply(
  db: Db,
  actor: Actor,
  input: SendMessage & { patientId: string },
  ip: string | null = null,
) {
  const patient = await managedPatient(db, actor, input.patientId);
  return post(db, actor, { patientId: patient.id, clientId: input.clientId, body: input.body }, ip);
}

// ---- Reads ----

/** The patient's live diary entry of the clinic's today, if any (to attach to a report). */
export async function todaysEntry(db: DbOrTx, actor: Actor, now: Date = new Date()) {
  const today = await clinicToday(db, now);
  const [row] = await db
    .select({
      id: diaryEntries.id,
      entryDate: diaryEntries.entryDate,
      painAverage: diaryEntries.painAverage,
    })
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.patientId, actor.id),
        eq(diaryEntries.entryDate, today),
        isNull(diaryEntries.deletedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Moves the reader's receipt to the newest message of the thread (never backwards). */
async function markThreadRead(db: DbOrTx, readerId: string, patientId: string) {
  await db.execute(sql`
    insert into ${messageReads} (patient_id, reader_id, read_up_to)
    select ${patientId}, ${readerId}, max(${messages.createdAt}) from ${messages}
    where ${messages.patientId} = ${patientId}
    having max(${messages.createdAt}) is not null
    on conflict (patient_id, reader_id) do update
      set read_up_to = greatest(${messageReads}.read_up_to, excluded.read_up_to)`);
}

/** What a report names: its changes, or the one change of a report from before there could be several. */
const reportedChanges = (changes: string[] | null, change: string | null): Change[] =>
  (changes?.length ? changes : change ? [change] : []) as Change[];

/** The thread's newest messages, oldest first, each with who on the other side has read it. */
async function threadMessages(db: DbOrTx, readerId: string, patientId: string) {
  const readBy = sql<string[]>`array(
    select u.name from ${messageReads} r join ${users} u on u.id = r.reader_id
    where r.patient_id = ${messages.patientId} and r.read_up_to >= ${messages.createdAt}
      and u.role::text <> ${messages.authorRole}
    order by u.name)`;
  const rows = await db
    .select({
      id: messages.id,
      authorId: messages.authorId,
      authorRole: messages.authorRole,
      authorName: users.name,
      change: messages.change,
      changes: messages.changes,
      painNow: messages.painNow,
      locations: messages.locations,
      diaryEntryId: diaryEntries.id,
      diaryEntryDate: diaryEntries.entryDate,
      diaryEntryPain: diaryEntries.painAverage,
      body: messages.body,
      createdAt: messages.createdAt,
      readBy,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .leftJoin(diaryEntries, eq(diaryEntries.id, messages.diaryEntryId))
    .where(eq(messages.patientId, patientId))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(THREAD_LIMIT);
  return rows.reverse().map(
    (m): ThreadMessage => ({
      id: m.id,
      authorRole: m.authorRole,
      authorName: m.authorName,
      mine: m.authorId === readerId,
      changes: reportedChanges(m.changes, m.change),
      painNow: m.painNow,
      locations: m.locations as Location[],
      diaryEntry:
        m.diaryEntryId && m.diaryEntryDate !== null && m.diaryEntryPain !== null
          ? { id: m.diaryEntryId, entryDate: m.diaryEntryDate, painAverage: m.diaryEntryPain }
          : null,
      body: m.body,
      createdAt: m.createdAt,
      readBy: m.readBy,
    }),
  );
}

/** Opening a thread reads it: the receipt moves, and the bell's notifications of it are read. */
async function openThread(db: Db, reader: Actor, patientId: string, notificationKind: string) {
  await db.transaction(async (tx) => {
    await markThreadRead(tx, reader.id, patientId);
    await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, reader.id),
          eq(notifications.kind, notificationKind),
          eq(
            notifications.href,
            reader.role === "patient" ? PATIENT_THREAD_HREF : staffThreadHref(patientId),
          ),
          isNull(notifications.readAt),
        ),
      );
  });
  return threadMessages(db, reader.id, patientId);
}

/** The patient's own thread (opening it marks it read). */
export async function ownThread(db: Db, actor: Actor) {
  return {
    messages: await openThread(db, actor, actor.id, "care_team_reply"),
    limit: THREAD_LIMIT,
  };
}

/** A thread of a patient on the provider's care team; audited, and marked read. */
export async function careTeamThread(db: Db, actor: Actor, patientId: string, ip: string | null) {
  const patient = await managedPatient(db, actor, patientId);
  await recordAudit(db, {
    actor,
    action: "message.read",
    outcome: "success",
    targetType: "user",
    targetId: patient.id,
    patientId: patient.id,
    ip,
  });
  const [thread] = await db
    .select({ awaitingSince: messageThreads.awaitingSince })
    .from(messageThreads)
    .where(eq(messageThreads.patientId, patient.id))
    .limit(1);
  return {
    patient: { id: patient.id, name: patient.name },
    awaitingSince: thread?.awaitingSince ?? null,
    messages: await openThread(db, actor, patient.id, "patient_message"),
    limit: THREAD_LIMIT,
  };
}

/**
 * The provider's inbox: the threads of their care team's patients, those waiting longest for a
 * reply first, then the most recent. Each row shown is audited with its patient's id.
 */
export async function inbox(
  db: Db,
  actor: Actor,
  input: { page: number },
  ip: string | null = null,
) {
  const read = sql`coalesce((select r.read_up_to from ${messageReads} r where r.patient_id = ${messageThreads.patientId} and r.reader_id = ${actor.id}), '-infinity'::timestamptz)`;
  const scope = and(eq(careTeam.providerId, actor.id), eq(users.role, "patient"));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        patientId: messageThreads.patientId,
        name: users.name,
        awaitingSince: messageThreads.awaitingSince,
        lastMessageAt: messageThreads.lastMessageAt,
        unread: sql<number>`(select count(*)::int from ${messages} m where m.patient_id = ${messageThreads.patientId} and m.author_role = 'patient' and m.created_at > ${read})`,
        lastChange: sql<Change | null>`(select m.change from ${messages} m where m.patient_id = ${messageThreads.patientId} and m.author_role = 'patient' order by m.created_at desc limit 1)`,
      })
      .from(careTeam)
      .innerJoin(messageThreads, eq(messageThreads.patientId, careTeam.patientId))
      .innerJoin(users, eq(users.id, careTeam.patientId))
      .where(scope)
      .orderBy(
        sql`${messageThreads.awaitingSince} asc nulls last`,
        desc(messageThreads.lastMessageAt),
        asc(messageThreads.patientId),
      )
      .limit(INBOX_PAGE_SIZE)
      .offset((input.page - 1) * INBOX_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(careTeam)
      .innerJoin(messageThreads, eq(messageThreads.patientId, careTeam.patientId))
      .innerJoin(users, eq(users.id, careTeam.patientId))
      .where(scope),
  ]);
  await recordAudits(
    db,
    rows.map((r) => ({
      actor,
      action: "message.list",
      outcome: "success" as const,
      targetType: "user",
      targetId: r.patientId,
      patientId: r.patientId,
      ip,
    })),
  );
  return { rows, total: total?.n ?? 0, page: input.page, pageSize: INBOX_PAGE_SIZE };
}

/**
 * What the navigation's "Messages" shows: for a patient, the care team's messages they have not
 * read; for a provider, how many of their care team's threads have a patient message they have
 * not read. Counts only; not audited.
 */
export async function unreadMessages(db: DbOrTx, actor: Actor): Promise<number> {
  const read = sql`coalesce((select r.read_up_to from ${messageReads} r where r.patient_id = ${messages.patientId} and r.reader_id = ${actor.id}), '-infinity'::timestamptz)`;
  if (actor.role === "patient") {
    const [row] = await db
      .select({ n: count() })
      .from(messages)
      .where(
        and(
          eq(messages.patientId, actor.id),
          eq(messages.authorRole, "provider"),
          gt(messages.createdAt, read),
        ),
      );
    return row?.n ?? 0;
  }
  if (actor.role !== "provider") return 0;
  const [row] = await db
    .select({ n: count() })
    .from(careTeam)
    .where(
      and(
        eq(careTeam.providerId, actor.id),
        sql`exists (select 1 from ${messages} where ${messages.patientId} = ${careTeam.patientId}
          and ${messages.authorRole} = 'patient' and ${messages.createdAt} > ${read})`,
      ),
    );
  return row?.n ?? 0;
}

/** The oldest and newest unanswered message of a patient, as the review state takes them. */
export type AwaitingReply = { oldest: string; newest: string };

/**
 * Unanswered messages as the review state reads them (docs/clinical-rules.md#review-states); null:
 * none.
 */
export const awaitingReply = (row: {
  since: Date | null;
  latest: Date | null;
}): AwaitingReply | null =>
  row.since && row.latest
    ? { oldest: row.since.toISOString(), newest: row.latest.toISOString() }
    : null;

/** The unanswered messages of each of these patients; patients without any are absent. */
export async function awaitingReplies(
  db: DbOrTx,
  patientIds: readonly string[],
): Promise<Map<string, AwaitingReply>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({
      patientId: messageThreads.patientId,
      since: messageThreads.awaitingSince,
      latest: messageThreads.awaitingLatest,
    })
    .from(messageThreads)
    .where(
      and(
        inArray(messageThreads.patientId, [...patientIds]),
        sql`${messageThreads.awaitingSince} is not null`,
      ),
    );
  return new Map(
    rows.flatMap((r) => {
      const awaiting = awaitingReply(r);
      return awaiting ? [[r.patientId, awaiting] as const] : [];
    }),
  );
}
