import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { type Db, type DbOrTx, rowsOf } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { env } from "@/server/env";
import { notFound } from "@/server/errors";
import { wakeJob } from "@/server/jobs/wake";
import { senderOf } from "@/server/mail/sender";
import type { Email, EmailKind } from "@/server/mail/templates";
import { recordAudit } from "./audit";
import { getClinicSettings } from "./settings";

/** After this many failed attempts an email is marked failed and no longer retried. */
export const MAX_ATTEMPTS = 8;
/** How long a claimed email is reserved for the worker that claimed it. */
const LEASE_MS = 5 * 60_000;

/** Back-off after the nth failed attempt: 1, 2, 4, 8 ... minutes, at most 6 hours. */
export const retryDelayMs = (attempts: number) =>
  Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);

/**
 * Writes an email to the outbox, inside the caller's transaction (so it exists exactly when what
 * caused it does). Call `wakeMailDelivery()` after the transaction commits.
 */
export async function queueEmail(
  tx: DbOrTx,
  input: { kind: EmailKind; userId: string | null; to: string; email: Email },
): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({
      kind: input.kind,
      userId: input.userId,
      toAddress: input.to,
      subject: input.email.subject,
      textBody: input.email.text,
      htmlBody: input.email.html,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned nothing");
  return row.id;
}

/**
 * Asks the job queue to deliver now instead of at its next minute (no-op without a queue): emails,
 * pushes and texts alike.
 */
export const wakeMailDelivery = () => wakeJob("mail.deliver");

export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<unknown>;
};

export type Channel = "email" | "push" | "text";

/** One claimed outbox row, as a sender gets it. */
export type OutboxMessage = {
  id: string;
  channel: Channel;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  link: string | null;
  attempts: number;
};

/** How each configured channel sends; a channel without a sender stays in the outbox. */
export type Senders = Partial<Record<Channel, (message: OutboxMessage) => Promise<void>>>;

/** A failure that no retry mends (the device was removed): marked failed at once. */
export class Undeliverable extends Error {}

/** Email through the SMTP transport, from the clinic's sender (senderOf). */
export function mailDelivery(db: Db, transport: MailTransport) {
  return async (message: OutboxMessage) => {
    const from = senderOf(env.MAIL_FROM, (await getClinicSettings(db)).clinicName);
    await transport.sendMail({
      from,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
    });
  };
}

type Claimed = {
  id: string;
  channel: Channel;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  link: string | null;
  attempts: number;
};

/**
 * Delivers every due message of the channels that have a sender: claims a batch (rows locked by
 * another worker are skipped; a claim left by a crashed worker expires after the lease), sends
 * each, and records the result. A failure is retried with exponential back-off up to
 * MAX_ATTEMPTS, keeping the error's message; an Undeliverable one is not retried.
 */
export async function deliverDue(
  db: Db,
  senders: Senders,
  now: () => Date = () => new Date(),
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const channels = (Object.keys(senders) as Channel[]).filter((c) => senders[c]);
  if (channels.length === 0) return { sent, failed };
  for (;;) {
    const at = now();
    const rows = rowsOf<Claimed>(
      await db.execute(sql`
      update outbox set status = 'sending', attempts = attempts + 1,
        next_attempt_at = ${new Date(at.getTime() + LEASE_MS).toISOString()}::timestamptz
      where id in (
        select id from outbox
        where status in ('pending', 'sending') and next_attempt_at <= ${at.toISOString()}::timestamptz
          and channel in (${sql.join(
            channels.map((c) => sql`${c}`),
            sql`, `,
          )})
        order by next_attempt_at limit 20 for update skip locked)
      returning id, channel, to_address, subject, text_body, html_body, link, attempts`),
    );
    if (rows.length === 0) return { sent, failed };
    for (const row of rows) {
      try {
        const send = senders[row.channel];
        if (!send) throw new Undeliverable(`no sender for ${row.channel}`);
        await send({
          id: row.id,
          channel: row.channel,
          toAddress: row.to_address,
          subject: row.subject,
          textBody: row.text_body,
          htmlBody: row.html_body,
          link: row.link,
          attempts: row.attempts,
        });
        await db
          .update(outbox)
          .set({ status: "sent", sentAt: now(), lastError: null })
          .where(eq(outbox.id, row.id));
        sent++;
      } catch (error) {
        const giveUp = error instanceof Undeliverable || row.attempts >= MAX_ATTEMPTS;
        await db
          .update(outbox)
          .set({
            status: giveUp ? "failed" : "pending",
            nextAttemptAt: new Date(now().getTime() + retryDelayMs(row.attempts)),
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          })
          .where(eq(outbox.id, row.id));
        failed++;
      }
    }
  }
}

/** The outbox for admins: newest first, without bodies. */
export async function listOutbox(db: Db, _actor: Actor, input: { page: number; pageSize: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: outbox.id,
        kind: outbox.kind,
        channel: outbox.channel,
        toAddress: outbox.toAddress,
        subject: outbox.subject,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
      })
      .from(outbox)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(outbox),
  ]);
  return {
    rows,
    total: total?.value ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    smtpConfigured: Boolean(env.SMTP_URL),
    timeZone: (await getClinicSettings(db)).timeZone,
  };
}

/** One email as it was (or would be) sent; reading it is audited (it may hold a sign-in link). */
export async function getOutboxEmail(db: Db, actor: Actor, id: string, ip: string | null) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!row) throw notFound("email");
  await recordAudit(db, {
    actor,
    action: "outbox.read",
    outcome: "success",
    targetType: "outbox",
    targetId: row.id,
    ip,
  });
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    toAddress: row.toAddress,
    subject: row.subject,
    textBody: row.textBody,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    timeZone: (await getClinicSettings(db)).timeZone,
  };
}
