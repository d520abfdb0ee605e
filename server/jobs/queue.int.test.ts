/**
 * The job queue (pg-boss on our own database, both drivers) and the outbox's delivery: jobs run
 * once across two queue instances, and a failing mail server is retried with back-off.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outbox, sentMarks } from "@/db/schema";
import {
  deliverDue,
  MAX_ATTEMPTS,
  type MailTransport,
  mailDelivery,
  queueEmail,
  retryDelayMs,
} from "@/server/services/outbox";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { createUser } from "@/server/testing/fixtures";
import { startTestSmtp } from "@/server/testing/smtp";
import { type JobDefinition, type Queue, startQueue } from "./queue";

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
};

describe("job queue", () => {
  it("a job sent twice with the same key runs once, on one of two queue instances", async () => {
    let runs = 0;
    const jobs: JobDefinition[] = [
      {
        name: "test.once",
        handler: async () => {
          runs++;
          await t.db.insert(sentMarks).values({ key: `run:${runs}` });
        },
      },
    ];
    const queues: Queue[] = [];
    try {
      queues.push(await startQueue(t.database, jobs, { timeZone: "UTC" }));
      queues.push(await startQueue(t.database, jobs, { timeZone: "UTC" }));
      const [a, b] = queues as [Queue, Queue];
      expect(await a.send("test.once", "day-1")).toEqual(expect.any(String));
      expect(await b.send("test.once", "day-1")).toBeNull();
      await until(async () => runs > 0);
      // a further second for a duplicate to show up, if there were one
      await new Promise((r) => setTimeout(r, 3_000));
      expect(runs).toBe(1);
      // another key is another job
      expect(await b.send("test.once", "day-2")).toEqual(expect.any(String));
      await until(async () => runs === 2);
    } finally {
      for (const q of queues) await q.stop();
    }
  }, 60_000);
});

/** The outbox's job with only email configured. */
const deliverDueMail = (db: Db, transport: MailTransport, now?: () => Date) =>
  deliverDue(db, { email: mailDelivery(db, transport) }, now);

describe("outbox delivery", () => {
  it("sends waiting emails through SMTP and records them as sent", async () => {
    const user = await createUser(t.db, "patient");
    await queueEmail(t.db, {
      kind: "reminder_daily",
      userId: user.id,
      to: user.email,
      email: { subject: "Time for today's diary entry", text: "Hello there", html: "<p>Hi</p>" },
    });
    const result = await deliverDueMail(t.db, smtp.transport());
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to === user.email);
    expect(mail?.subject).toBe("Time for today's diary entry");
    expect(mail?.text).toContain("Hello there");
    const [row] = await t.db.select().from(outbox).where(eq(outbox.userId, user.id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    // delivered once: a second run finds nothing to send
    expect(await deliverDueMail(t.db, smtp.transport())).toEqual({ sent: 0, failed: 0 });
  });

  it("retries a failing mail server with back-off and records the error", async () => {
    const user = await createUser(t.db, "patient");
    const id = await queueEmail(t.db, {
      kind: "reminder_daily",
      userId: user.id,
      to: user.email,
      email: { subject: "Retry me", text: "Hello", html: "<p>Hello</p>" },
    });
    let clock = Date.now();
    const now = () => new Date(clock);
    smtp.failNext(2);
    expect(await deliverDueMail(t.db, smtp.transport(), now)).toEqual({ sent: 0, failed: 1 });
    let [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe("pending");
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toContain("Mailbox busy");
    expect(row?.nextAttemptAt.getTime()).toBe(clock + retryDelayMs(1));

    // not yet due: nothing is tried
    expect(await deliverDueMail(t.db, smtp.transport(), now)).toEqual({ sent: 0, failed: 0 });
    clock += retryDelayMs(1);
    expect(await deliverDueMail(t.db, smtp.transport(), now)).toEqual({ sent: 0, failed: 1 });
    [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.nextAttemptAt.getTime()).toBe(clock + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    clock += retryDelayMs(2);
    expect(await deliverDueMail(t.db, smtp.transport(), now)).toEqual({ sent: 1, failed: 0 });
    [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(smtp.received.filter((m) => m.subject === "Retry me")).toHaveLength(1);
  });

  it("gives up after the last attempt and keeps the error", async () => {
    const user = await createUser(t.db, "patient");
    const id = await queueEmail(t.db, {
      kind: "reminder_daily",
      userId: user.id,
      to: user.email,
      email: { subject: "Never arrives", text: "Hello", html: "<p>Hello</p>" },
    });
    let clock = Date.now();
    // The server refuses every message of this test, whatever else is due in the outbox (the
    // fresh-clone run met a mail of another test taking one of a counted number of refusals).
    smtp.failNext(1_000);
    const current = async () => (await t.db.select().from(outbox).where(eq(outbox.id, id)))[0];
    for (let i = 0; i < MAX_ATTEMPTS * 2 && (await current())?.status !== "failed"; i++) {
      await deliverDueMail(t.db, smtp.transport(), () => new Date(clock));
      clock += retryDelayMs(MAX_ATTEMPTS);
    }
    const row = await current();
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row?.lastError).toContain("Mailbox busy");
    // A failed email is not tried again.
    await deliverDueMail(
      t.db,
      smtp.transport(),
      () => new Date(clock + retryDelayMs(MAX_ATTEMPTS)),
    );
    expect(await current()).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    smtp.failNext(0);
  });
});
