// Text messages (docs/decisions/040-push-and-texts.md, SPEC 12): opt-in with the number and the
// consent recorded; at most one text per patient per day; STOP turns texts off (and is answered),
// HELP answers with the clinic's name and phone. A text is an outbox row (channel `text`) sent by
// the outbox's job through the configured provider, or kept in the outbox without one.
import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { notificationPreferences, outbox, sentMarks } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest } from "@/server/errors";
import { textHelpReply, textStoppedReply } from "@/server/mail/templates";
import type { SendText } from "@/server/texts/twilio";
import { recordAudit } from "./audit";
import type { OutboxMessage } from "./outbox";
import { getClinicSettings } from "./settings";

export type TextSettings = { phone: string | null; consentAt: Date | null; stoppedAt: Date | null };

/** The patient's text settings (their own). */
export async function getTextSettings(db: DbOrTx, actor: Actor): Promise<TextSettings> {
  const [row] = await db
    .select({
      phone: notificationPreferences.textPhone,
      consentAt: notificationPreferences.textConsentAt,
      stoppedAt: notificationPreferences.textStoppedAt,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.id))
    .limit(1);
  return row ?? { phone: null, consentAt: null, stoppedAt: null };
}

/** Texts on, to `phone` (E.164, checked at the boundary), with the consent recorded now. */
export async function optInTexts(db: Db, actor: Actor, phone: string, ip: string | null) {
  if (actor.role !== "patient")
    throw badRequest("Text reminders are for patients: staff get theirs by email.");
  const now = new Date();
  const values = { textPhone: phone, textConsentAt: now, textStoppedAt: null };
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.id, ...values })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: { ...values, updatedAt: now },
      });
    await recordAudit(tx, {
      actor,
      action: "texts.opt_in",
      outcome: "success",
      targetType: "user",
      targetId: actor.id,
      patientId: actor.id,
      ip,
      // The number's last digits only: enough to tell two numbers apart in the trail.
      details: { number: `…${phone.slice(-2)}` },
    });
  });
  return getTextSettings(db, actor);
}

/** Texts off (the number and the consent are forgotten). */
export async function optOutTexts(db: Db, actor: Actor, ip: string | null) {
  await db.transaction(async (tx) => {
    await tx
      .update(notificationPreferences)
      .set({ textPhone: null, textConsentAt: null, textStoppedAt: null, updatedAt: new Date() })
      .where(eq(notificationPreferences.userId, actor.id));
    await recordAudit(tx, {
      actor,
      action: "texts.opt_out",
      outcome: "success",
      targetType: "user",
      targetId: actor.id,
      patientId: actor.id,
      ip,
    });
  });
  return getTextSettings(db, actor);
}

/** The number to text the patient at: opted in and not stopped; null otherwise. */
export async function textNumber(tx: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ phone: notificationPreferences.textPhone })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.userId, userId),
        isNotNull(notificationPreferences.textConsentAt),
        isNull(notificationPreferences.textStoppedAt),
      ),
    )
    .limit(1);
  return row?.phone ?? null;
}

/**
 * Queues a text in the caller's transaction unless the patient had one today (`today`: the
 * clinic's day): at most one text per patient per day, across workers. Returns whether it was.
 */
export async function queueText(
  tx: DbOrTx,
  input: {
    kind: string;
    userId: string;
    phone: string;
    /** What the admins' outbox lists it as (a text has no subject of its own). */
    subject: string;
    body: string;
    link: string;
    today: string;
  },
): Promise<boolean> {
  const [mark] = await tx
    .insert(sentMarks)
    .values({ key: `text:${input.userId}:${input.today}` })
    .onConflictDoNothing()
    .returning({ key: sentMarks.key });
  if (!mark) return false;
  await tx.insert(outbox).values({
    kind: input.kind,
    channel: "text",
    userId: input.userId,
    toAddress: input.phone,
    subject: input.subject,
    textBody: input.body,
    htmlBody: "",
    link: input.link,
  });
  return true;
}

/** The outbox's sender of text rows. */
export const textDelivery = (send: SendText) => (message: OutboxMessage) =>
  send(message.toAddress, message.textBody);

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);

/**
 * A text a patient sent back (the provider's signed webhook, checked by the caller): STOP turns
 * texts off for every patient with that number and is confirmed; HELP, or anything else (this
 * number reads no messages), is answered with the clinic's name and phone.
 */
export async function receiveText(
  db: Db,
  input: { from: string; body: string },
  ip: string | null,
): Promise<{ reply: string }> {
  const settings = await getClinicSettings(db);
  const clinic = { name: settings.clinicName, phone: settings.clinicPhone };
  const word = input.body.trim().toUpperCase().split(/\s+/)[0] ?? "";
  if (!STOP_WORDS.has(word)) return { reply: textHelpReply(clinic) };
  const now = new Date();
  await db.transaction(async (tx) => {
    const stopped = await tx
      .update(notificationPreferences)
      .set({ textStoppedAt: now, updatedAt: now })
      .where(
        and(
          eq(notificationPreferences.textPhone, input.from),
          isNull(notificationPreferences.textStoppedAt),
        ),
      )
      .returning({ userId: notificationPreferences.userId });
    for (const { userId } of stopped)
      await recordAudit(tx, {
        actor: { id: userId, role: "patient" },
        action: "texts.stop",
        outcome: "success",
        targetType: "user",
        targetId: userId,
        patientId: userId,
        ip,
      });
  });
  return { reply: textStoppedReply(clinic) };
}
