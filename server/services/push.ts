// Web push (docs/decisions/040-push-and-texts.md, SPEC 12): "Reminders on this phone" subscribes
// the patient's installed portal; one subscription per device, listed and removable; each push is
// an outbox row (channel `push`, to one subscription) delivered by the outbox's job, so a push is
// written in the same transaction as what caused it and retried like an email. A push carries the
// clinic, what to do and a link: no patient data.
import "server-only";
import type { Agent } from "node:https";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { clinicSettings, outbox, pushSubscriptions } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { dataKeyring, env } from "@/server/env";
import { badRequest, notFound } from "@/server/errors";
import type { Push } from "@/server/mail/templates";
import {
  generateVapidKeys,
  type SendPush,
  SubscriptionGone,
  type VapidKeys,
  webPushSender,
} from "@/server/push/web-push";
import { recordAudit } from "./audit";
import { type OutboxMessage, Undeliverable } from "./outbox";

/** A patient keeps at most this many devices (an old phone is removed by hand). */
export const MAX_DEVICES = 10;

/** The VAPID contact: VAPID_SUBJECT, or mailto: with MAIL_FROM's address. */
function vapidSubject(): string {
  if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
  const address = env.MAIL_FROM.match(/<([^>]+)>/)?.[1] ?? env.MAIL_FROM.trim();
  return `mailto:${address}`;
}

/**
 * The VAPID keys: from the environment, else the pair kept in the database, made at first use
 * (two instances making one at once keep the first one written).
 */
export async function vapidKeys(db: DbOrTx): Promise<VapidKeys> {
  const subject = vapidSubject();
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  const read = async () => {
    const [row] = await db
      .select({ pub: clinicSettings.vapidPublicKey, priv: clinicSettings.vapidPrivateKey })
      .from(clinicSettings)
      .limit(1);
    return row?.pub && row.priv
      ? { publicKey: row.pub, privateKey: decryptSecret(dataKeyring(), row.priv), subject }
      : null;
  };
  const kept = await read();
  if (kept) return kept;
  const made = generateVapidKeys();
  await db
    .insert(clinicSettings)
    .values({ id: true })
    .onConflictDoNothing({ target: clinicSettings.id });
  await db
    .update(clinicSettings)
    .set({
      vapidPublicKey: made.publicKey,
      vapidPrivateKey: encryptSecret(dataKeyring(), made.privateKey),
    })
    .where(and(eq(clinicSettings.id, true), isNull(clinicSettings.vapidPublicKey)));
  const now = await read();
  if (!now) throw new Error("the VAPID keys could not be kept");
  return now;
}

export type NewSubscription = { endpoint: string; p256dh: string; auth: string; device: string };

/** "Reminders on this phone": the device's subscription, kept once (a second press renews it). */
export async function subscribePush(
  db: Db,
  actor: Actor,
  input: NewSubscription,
  ip: string | null,
) {
  if (actor.role !== "patient")
    throw badRequest("Reminders on a phone are for patients: staff get theirs by email.");
  return db.transaction(async (tx) => {
    const own = await tx
      .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, actor.id));
    if (own.length >= MAX_DEVICES && !own.some((s) => s.endpoint === input.endpoint))
      throw badRequest(
        `Reminders can go to ${MAX_DEVICES} devices at most: remove one you no longer use first.`,
      );
    // The endpoint is the device's: another account that had it (a shared phone) gives it up,
    // and that account's trail says so.
    const taken = await tx
      .delete(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, input.endpoint))
      .returning({ id: pushSubscriptions.id, userId: pushSubscriptions.userId });
    for (const gone of taken.filter((g) => g.userId !== actor.id)) {
      await recordAudit(tx, {
        actor,
        action: "push.unsubscribe",
        outcome: "success",
        targetType: "push_subscription",
        targetId: gone.id,
        patientId: gone.userId,
        ip,
        details: { reason: "device_taken" },
      });
    }
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ userId: actor.id, ...input })
      .returning({ id: pushSubscriptions.id });
    if (!row) throw new Error("push subscription insert returned nothing");
    await recordAudit(tx, {
      actor,
      action: "push.subscribe",
      outcome: "success",
      targetType: "push_subscription",
      targetId: row.id,
      patientId: actor.id,
      ip,
      details: { device: input.device },
    });
    return { id: row.id };
  });
}

/** The patient's devices, oldest first; never the endpoint or keys. */
export async function listPushDevices(db: Db, actor: Actor) {
  return db
    .select({
      id: pushSubscriptions.id,
      device: pushSubscriptions.device,
      createdAt: pushSubscriptions.createdAt,
      lastSentAt: pushSubscriptions.lastSentAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, actor.id))
    .orderBy(asc(pushSubscriptions.createdAt));
}

/** Removes one of the patient's own devices; another person's is "not found". */
export async function removePushDevice(db: Db, actor: Actor, id: string, ip: string | null) {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, actor.id)))
      .returning({ id: pushSubscriptions.id });
    if (!gone) throw notFound("device");
    await recordAudit(tx, {
      actor,
      action: "push.unsubscribe",
      outcome: "success",
      targetType: "push_subscription",
      targetId: id,
      patientId: actor.id,
      ip,
    });
  });
  return { removed: true as const };
}

/** How many devices the patient gets pushes on. */
export async function pushDeviceCount(tx: DbOrTx, userId: string): Promise<number> {
  const rows = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
  return rows.length;
}

/**
 * Queues `push` to every device of the patient, in the caller's transaction; returns how many
 * (0: the patient has no device, the caller falls back to email).
 */
export async function queuePush(
  tx: DbOrTx,
  input: { kind: string; userId: string; push: Push },
): Promise<number> {
  const devices = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, input.userId));
  // The payload as the phone gets it; the admins' outbox lists it by what it says.
  for (const d of devices)
    await tx.insert(outbox).values({
      kind: input.kind,
      channel: "push",
      userId: input.userId,
      toAddress: d.id,
      subject: input.push.body,
      textBody: JSON.stringify(input.push),
      htmlBody: "",
      link: input.push.url,
    });
  return devices.length;
}

/**
 * The outbox's sender of push rows (`agent`: tests' push service on 127.0.0.1): the subscription is read at sending time (a device removed
 * since is not pushed to); a subscription the push service says is gone is removed.
 */
export function pushDelivery(db: Db, agent?: Agent) {
  // The keys never change once made: read once, at the first push (not a query per push).
  let send: SendPush | null = null;
  return async (message: OutboxMessage) => {
    send ??= webPushSender(await vapidKeys(db), agent);
    const [target] = await db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.id, message.toAddress))
      .limit(1);
    if (!target) throw new Undeliverable("the device was removed");
    try {
      await send(target, message.textBody);
    } catch (error) {
      if (!(error instanceof SubscriptionGone)) throw error;
      await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, target.id));
      throw new Undeliverable(`${error.message}: the device's subscription was removed`);
    }
    await db
      .update(pushSubscriptions)
      .set({ lastSentAt: new Date() })
      .where(eq(pushSubscriptions.id, target.id));
  };
}
