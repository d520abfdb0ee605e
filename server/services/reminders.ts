import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, like, lt, or, sql } from "drizzle-orm";
import { type Db, type DbOrTx, rowsOf } from "@/db/client";
import { notificationPreferences, sentMarks } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { resolveAuthSecret } from "@/server/env";
import { badRequest } from "@/server/errors";
import { checkInPush, checkInText, reminderEmail } from "@/server/mail/templates";
import { dueCheckIn } from "@/server/outcomes/check-ins";
import {
  checkInOutreachStep,
  hourInZone,
  isQuietHour,
  type OutreachStep,
  QUIET_FROM_HOUR,
  QUIET_UNTIL_HOUR,
  type ReminderKind,
  reminderFor,
} from "@/server/outcomes/reminders";
import { todayInZone } from "@/server/time";
import { recordAudit } from "./audit";
import { issueCheckInLink, type LinkSentBy } from "./check-in-links";
import { notify } from "./notifications";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { pushDeviceCount, queuePush } from "./push";
import { getClinicSettings } from "./settings";
import { queueText, textNumber } from "./texts";

export type Preferences = {
  reminderHour: number;
  checkInDue: boolean;
  diaryLapsed: boolean;
  dailyDiary: boolean;
  highFlagEmail: boolean;
  dailyDigest: boolean;
  replyEmail: boolean;
  patientMessageEmail: boolean;
};
export const DEFAULT_PREFERENCES: Preferences = {
  reminderHour: 18,
  checkInDue: true,
  diaryLapsed: true,
  dailyDiary: false,
  highFlagEmail: false,
  dailyDigest: true,
  replyEmail: true,
  patientMessageEmail: false,
};

/** The preference column of each reminder kind. */
const PREFERENCE_OF: Record<ReminderKind, "checkInDue" | "diaryLapsed" | "dailyDiary"> = {
  check_in_due: "checkInDue",
  diary_lapsed: "diaryLapsed",
  daily_diary: "dailyDiary",
};

export async function getPreferences(db: DbOrTx, actor: Actor): Promise<Preferences> {
  // The email choices only: the text opt-in is read on its own (texts.ts getTextSettings).
  const p = notificationPreferences;
  const [row] = await db
    .select({
      reminderHour: p.reminderHour,
      checkInDue: p.checkInDue,
      diaryLapsed: p.diaryLapsed,
      dailyDiary: p.dailyDiary,
      highFlagEmail: p.highFlagEmail,
      dailyDigest: p.dailyDigest,
      replyEmail: p.replyEmail,
      patientMessageEmail: p.patientMessageEmail,
    })
    .from(p)
    .where(eq(p.userId, actor.id))
    .limit(1);
  return row ?? DEFAULT_PREFERENCES;
}

/** Patients choose their reminders; staff their emails. Fields of the other role are ignored. */
export async function updatePreferences(
  db: Db,
  actor: Actor,
  input: Partial<Preferences>,
  ip: string | null,
): Promise<Preferences> {
  const own =
    actor.role === "patient"
      ? {
          reminderHour: input.reminderHour,
          checkInDue: input.checkInDue,
          diaryLapsed: input.diaryLapsed,
          dailyDiary: input.dailyDiary,
          replyEmail: input.replyEmail,
        }
      : {
          highFlagEmail: input.highFlagEmail,
          dailyDigest: input.dailyDigest,
          patientMessageEmail: input.patientMessageEmail,
        };
  const values = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.id, ...values })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: { ...values, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor,
      action: "notifications.preferences",
      outcome: "success",
      targetType: "user",
      targetId: actor.id,
      ip,
      details: values,
    });
  });
  return getPreferences(db, actor);
}

/** The signature of an unsubscribe link: only this person's own kind of reminder. */
function unsubscribeSignature(userId: string, kind: ReminderKind): string {
  return createHmac("sha256", resolveAuthSecret())
    .update(`unsubscribe:${userId}:${kind}`)
    .digest("base64url");
}

/** `base`: the portal's public address (ClinicSettings.publicUrl). */
export function unsubscribeUrl(base: string, userId: string, kind: ReminderKind): string {
  const query = new URLSearchParams({ u: userId, k: kind, s: unsubscribeSignature(userId, kind) });
  return `${base}/unsubscribe?${query}`;
}

/**
 * The unsubscribe link of a reminder (no sign-in): turns off that kind for that patient, and
 * nothing else. A link whose signature does not match is refused.
 */
export async function unsubscribe(
  db: Db,
  input: { userId: string; kind: ReminderKind; signature: string },
  ip: string | null,
): Promise<{ kind: ReminderKind }> {
  const expected = Buffer.from(unsubscribeSignature(input.userId, input.kind));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw badRequest(
      "This unsubscribe link is not valid. Change your reminders on your account page.",
    );
  const column = PREFERENCE_OF[input.kind];
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: input.userId, [column]: false })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: { [column]: false, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor: { id: input.userId, role: "patient" },
      action: "notifications.unsubscribe",
      outcome: "success",
      targetType: "user",
      targetId: input.userId,
      patientId: input.userId,
      ip,
      details: { kind: input.kind },
    });
  });
  return { kind: input.kind };
}

type Candidate = {
  id: string;
  email: string;
  check_in_due: boolean;
  diary_lapsed: boolean;
  daily_diary: boolean;
  procedure_id: string | null;
  performed_on: string | null;
  last_entry: string | null;
  answered: string | null;
  recent: string | null;
};

/** The outbox's kind of each reminder email. */
const EMAIL_KIND = {
  check_in_due: "reminder_check_in",
  diary_lapsed: "reminder_diary",
  documentation_week: "reminder_documentation",
  daily_diary: "reminder_daily",
} as const;

/**
 * How long the job's marks are kept: a day's "already considered" (`reminder:`), a day's text
 * (`text:`), a check-in's outreach steps (`check_in:`, sent within the check-in's week) and the
 * care team's "Send a reminder now" of a day (`outreach:`, server/services/outreach.ts).
 */
const MARK_DAYS = 7;

/**
 * A due check-in's reminder of the day (docs/clinical-rules.md#tiered-outreach): the first step
 * by push where the patient has a device, the second by text where they opted in, else each by
 * email; every one carries a one-tap link (docs/decisions/038-one-tap-check-ins.md) that records
 * which channel brought the answer. Each step once per check-in (its mark), in the caller's
 * transaction.
 */
async function checkInOutreach(
  tx: DbOrTx,
  input: {
    patient: { id: string; email: string };
    procedureId: string;
    checkInDay: number;
    step: OutreachStep | null;
    today: string;
    settings: Awaited<ReturnType<typeof getClinicSettings>>;
    now: Date;
  },
): Promise<boolean> {
  const { patient, settings, step, now } = input;
  if (!step) return false;
  const [mark] = await tx
    .insert(sentMarks)
    .values({ key: `check_in:${input.procedureId}:${input.checkInDay}:${step}` })
    .onConflictDoNothing()
    .returning({ key: sentMarks.key });
  if (!mark) return false;
  const clinic = { name: settings.clinicName, phone: settings.clinicPhone };
  const link = (sentBy: LinkSentBy) =>
    issueCheckInLink(
      tx,
      {
        patientId: patient.id,
        checkInDay: input.checkInDay,
        sentBy,
        publicUrl: settings.publicUrl,
      },
      now,
    );
  if (step === "first" && (await pushDeviceCount(tx, patient.id)) > 0) {
    const url = await link("push");
    await queuePush(tx, {
      kind: EMAIL_KIND.check_in_due,
      userId: patient.id,
      push: checkInPush({ url, clinic }),
    });
    return true;
  }
  const phone = step === "second" ? await textNumber(tx, patient.id) : null;
  if (phone) {
    const url = await link("text");
    const body = checkInText({ url, clinic });
    if (
      await queueText(tx, {
        kind: EMAIL_KIND.check_in_due,
        userId: patient.id,
        phone,
        subject: "A check-in is waiting for you",
        body,
        link: url,
        today: input.today,
      })
    )
      return true;
  }
  await queueEmail(tx, {
    kind: EMAIL_KIND.check_in_due,
    userId: patient.id,
    to: patient.email,
    email: reminderEmail({
      kind: "check_in_due",
      url: await link("email"),
      unsubscribeUrl: unsubscribeUrl(settings.publicUrl, patient.id, "check_in_due"),
      clinic,
    }),
  });
  return true;
}

/**
 * The reminder job (every 15 minutes): every active patient whose chosen hour has come in the
 * clinic's time zone, and who was not considered yet today, is considered once: the day's mark
 * and the reminder email (if one is due, docs/decisions/014-invitations-reminders-notifications.md)
 * are written in one transaction, so that two workers never send a patient two reminders in a day.
 * A due check-in also goes to the bell.
 */
export async function sendDueReminders(db: Db, now: Date = new Date()) {
  const settings = await getClinicSettings(db);
  const today = todayInZone(settings.timeZone, now);
  const hour = hourInZone(settings.timeZone, now);
  const clinic = { name: settings.clinicName, phone: settings.clinicPhone };
  let sent = 0;
  let considered = 0;
  // Quiet hours: nobody is considered; a chosen hour within them waits for 08:00 (sendingHour).
  if (isQuietHour(hour)) return { today, hour, considered, sent };
  for (;;) {
    const candidates = rowsOf<Candidate>(
      await db.execute(sql`
        select u.id, u.email,
          coalesce(p.check_in_due, true) as check_in_due,
          coalesce(p.diary_lapsed, true) as diary_lapsed,
          coalesce(p.daily_diary, false) as daily_diary,
          pr.id as procedure_id, pr.performed_on::text as performed_on,
          (select max(e.entry_date)::text from diary_entries e
            where e.patient_id = u.id and e.deleted_at is null and e.entry_date <= ${today}::date
          ) as last_entry,
          (select string_agg(e.entry_date::text, ',') from diary_entries e
            where e.procedure_id = pr.id and e.pgic is not null and e.deleted_at is null
          ) as answered,
          (select string_agg(e.entry_date::text, ',') from diary_entries e
            where e.patient_id = u.id and e.deleted_at is null
              and e.entry_date > ${today}::date - 35 and e.entry_date <= ${today}::date
          ) as recent
        from users u
        left join notification_preferences p on p.user_id = u.id
        left join lateral (
          select id, performed_on from procedures
          where patient_id = u.id and deleted_at is null and performed_on <= ${today}::date
          order by performed_on desc, created_at desc limit 1) pr on true
        where u.role = 'patient' and u.active
          and (case when coalesce(p.reminder_hour, 18) >= ${QUIET_FROM_HOUR}
                      or coalesce(p.reminder_hour, 18) < ${QUIET_UNTIL_HOUR}
                    then ${QUIET_UNTIL_HOUR} else coalesce(p.reminder_hour, 18) end) <= ${hour}
          and not exists (select 1 from sent_marks m where m.key = 'reminder:' || u.id || ':' || ${today})
        order by u.id limit 200`),
    );
    if (candidates.length === 0) break;
    for (const c of candidates) {
      const kind = reminderFor({
        today,
        performedOn: c.performed_on,
        lastEntryDate: c.last_entry,
        answeredDates: c.answered ? c.answered.split(",") : [],
        recentEntryDates: c.recent ? c.recent.split(",") : [],
        wants: {
          check_in_due: c.check_in_due,
          diary_lapsed: c.diary_lapsed,
          daily_diary: c.daily_diary,
        },
      });
      const wrote = await db.transaction(async (tx) => {
        const [mark] = await tx
          .insert(sentMarks)
          .values({ key: `reminder:${c.id}:${today}` })
          .onConflictDoNothing()
          .returning({ key: sentMarks.key });
        if (!mark) return false; // another worker has it
        if (kind === "check_in_due" && c.procedure_id)
          await notify(tx, [
            {
              userId: c.id,
              kind: "check_in_due",
              key: `check_in:${c.procedure_id}:${today}`,
              title: "A check-in is waiting for you",
              href: "/patient/check-in",
            },
          ]);
        if (!kind) return false;
        const checkIn =
          kind === "check_in_due" && c.performed_on
            ? dueCheckIn(c.performed_on, today, c.answered ? c.answered.split(",") : [])
            : null;
        if (checkIn && c.procedure_id)
          return checkInOutreach(tx, {
            patient: c,
            procedureId: c.procedure_id,
            checkInDay: checkIn.day,
            step: checkInOutreachStep(checkIn.date, today),
            today,
            settings,
            now,
          });
        await queueEmail(tx, {
          kind: EMAIL_KIND[kind],
          userId: c.id,
          to: c.email,
          email: reminderEmail({
            kind,
            url: `${settings.publicUrl}/patient/diary/new`,
            // Documentation weeks go with the diary reminders: the same link turns both off.
            unsubscribeUrl: unsubscribeUrl(
              settings.publicUrl,
              c.id,
              kind === "documentation_week" ? "diary_lapsed" : kind,
            ),
            clinic,
          }),
        });
        return true;
      });
      considered++;
      if (wrote) sent++;
    }
  }
  await db
    .delete(sentMarks)
    .where(
      and(
        or(
          like(sentMarks.key, "reminder:%"),
          like(sentMarks.key, "text:%"),
          like(sentMarks.key, "check_in:%"),
          like(sentMarks.key, "outreach:%"),
        ),
        lt(sentMarks.createdAt, new Date(now.getTime() - MARK_DAYS * 86_400_000)),
      ),
    );
  if (sent > 0) await wakeMailDelivery();
  return { today, hour, considered, sent };
}
