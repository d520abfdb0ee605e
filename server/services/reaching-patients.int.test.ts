// Reaching patients through the year (docs/decisions/040-push-and-texts.md,
// docs/clinical-rules.md#tiered-outreach), both drivers: a due check-in's push on its day, a text
// two days later, the queue's call on day 5, each once with two queue instances; the push as a
// phone reads it (a push service on 127.0.0.1, the payload decrypted with the subscription's own
// keys, RFC 8291); 410 removes the subscription; texts through Twilio's SDK; STOP from the signed
// webhook turns texts off (a later reminder goes by email); unsigned webhooks are refused.
import { and, eq } from "drizzle-orm";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditEvents,
  clinicSettings,
  diaryEntries,
  notificationPreferences,
  outbox,
  pushSubscriptions,
  sentMarks,
  users,
} from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { TEXT_WEBHOOK_PATH, textWebhookRoute } from "@/server/http/text-webhook";
import { type JobDefinition, type Queue, startQueue } from "@/server/jobs/queue";
import { treatmentWordsIn } from "@/server/mail/treatment-words";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { startTestPushService } from "@/server/testing/push-service";
import { type TwilioHttpClient, twilioSender } from "@/server/texts/twilio";
import { deliverDue } from "./outbox";
import { pushDelivery } from "./push";
import { sendDueReminders } from "./reminders";
import { clinicToday, getClinicSettings } from "./settings";
import { queueText, textDelivery } from "./texts";

let t: TestDatabase;
let db: Db;
let today: string;
let push: Awaited<ReturnType<typeof startTestPushService>>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db
    .update(clinicSettings)
    .set({ timeZone: "UTC", clinicName: "Riverside Clinic", clinicPhone: "+1 555 010 2030" });
  today = await clinicToday(db);
  push = await startTestPushService();
});
afterAll(async () => {
  await push?.close();
  await t?.close();
});

/** Twilio's API as the SDK sees it: every message it was asked to send. */
function fakeTwilio() {
  const sent: Record<string, string>[] = [];
  const httpClient = {
    request: async (opts: { data?: Record<string, string> }) => {
      sent.push(opts.data ?? {});
      return { statusCode: 201, body: { sid: `SM${sent.length}`, status: "queued" }, headers: {} };
    },
  } as unknown as TwilioHttpClient;
  const send = twilioSender(
    { accountSid: "ACtest", authToken: "test-token", from: "+15550100000" },
    httpClient,
  );
  return { sent, send };
}

const DOB = "1958-09-30";
/** The clinic's 18:30 on day `k` after the check-in's day `checkInDate`. */
const at = (checkInDate: string, k: number) => new Date(`${addDays(checkInDate, k)}T18:30:00Z`);

/**
 * A patient whose 2-week check-in's day was `daysAgo` days ago (unanswered; the diary kept until
 * the day before), on a provider's care team; with a device and texts when asked.
 */
async function patientWithCheckIn(options: { device?: boolean; phone?: string; daysAgo?: number }) {
  const provider = await createUser(db, "provider");
  const patient = await createUser(db, "patient", { name: "Rosa Reach" });
  await db.update(users).set({ dateOfBirth: DOB }).where(eq(users.id, patient.id));
  await assignPatient(db, provider, patient);
  const checkInDate = addDays(today, -(options.daysAgo ?? 5));
  const procedure = await insertProcedure(db, patient, provider, addDays(checkInDate, -14), {
    baselinePain: 6,
  });
  await insertEntries(
    db,
    procedure,
    dailyEntries(0, 13, () => 3),
  );
  const api = callerFor(db, patient);
  const device = options.device ? push.subscription() : null;
  if (device)
    await api.notifications.subscribePush({
      endpoint: device.endpoint,
      p256dh: device.p256dh,
      auth: device.auth,
      device: "Rosa's phone",
    });
  if (options.phone) await api.notifications.textsOn({ phone: options.phone, consent: true });
  return { patient, provider, procedure, checkInDate, device, api };
}

const outboxOf = async (patient: Actor) =>
  (await db.select().from(outbox).where(eq(outbox.userId, patient.id))).filter((m) =>
    m.kind.startsWith("reminder_"),
  );
const channels = async (patient: Actor) => (await outboxOf(patient)).map((m) => m.channel).sort();

/** The reminder job on two queue instances and twice more at once, at `now`. */
async function reminderJobEverywhere(now: Date) {
  let runs = 0;
  const jobs: JobDefinition[] = [
    {
      name: "test.reach",
      handler: async () => {
        await sendDueReminders(db, now);
        runs++;
      },
    },
  ];
  const queues: Queue[] = [];
  try {
    queues.push(await startQueue(t.database, jobs, { timeZone: "UTC" }));
    queues.push(await startQueue(t.database, jobs, { timeZone: "UTC" }));
    await Promise.all(queues.map((q) => q.send("test.reach")));
    await Promise.all([sendDueReminders(db, now), sendDueReminders(db, now)]);
    const end = Date.now() + 20_000;
    while (runs < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(2);
  } finally {
    for (const q of queues) await q.stop();
  }
}

describe("a shared phone", () => {
  it("moves to the patient who turns reminders on last; the first one's trail says their device left", async () => {
    const first = await patientWithCheckIn({ device: true });
    const device = first.device;
    if (!device) throw new Error("device");
    const second = await createUser(db, "patient");
    await callerFor(db, second).notifications.subscribePush({
      endpoint: device.endpoint,
      p256dh: device.p256dh,
      auth: device.auth,
      device: "Family tablet",
    });
    expect(await first.api.notifications.pushDevices()).toEqual([]);
    expect(await callerFor(db, second).notifications.pushDevices()).toMatchObject([
      { device: "Family tablet" },
    ]);
    const trail = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.patientId, first.patient.id),
          eq(auditEvents.action, "push.unsubscribe"),
        ),
      );
    expect(trail).toMatchObject([
      {
        actorId: second.id,
        outcome: "success",
        details: { reason: "device_taken" },
      },
    ]);
  });
});

describe("tiered outreach for a due check-in", () => {
  it("push on its day, a text two days later, the queue's call on day 5: each once, with two queue instances", async () => {
    const { patient, provider, checkInDate, device } = await patientWithCheckIn({
      device: true,
      phone: "+44 7700 900123",
    });
    const expected: Record<number, string[]> = {
      0: ["push"],
      1: ["push"],
      2: ["push", "text"],
      3: ["push", "text"],
      4: ["push", "text"],
    };
    for (const [k, want] of Object.entries(expected)) {
      await reminderJobEverywhere(at(checkInDate, Number(k)));
      expect(await channels(patient), `day ${k}`).toEqual(want);
    }
    const [pushRow] = (await outboxOf(patient)).filter((m) => m.channel === "push");
    const [textRow] = (await outboxOf(patient)).filter((m) => m.channel === "text");
    expect(textRow?.toAddress).toBe("+447700900123");

    // Day 5: nothing more is sent; the care team's queue asks for a call.
    await reminderJobEverywhere(at(checkInDate, 5));
    expect(await channels(patient)).toEqual(["push", "text"]);
    const row = (await callerFor(db, provider).caseload.list({})).rows.find(
      (r) => r.patientId === patient.id,
    );
    expect(row).toMatchObject({ state: "follow_up_due", reasons: ["check_in_missed"] });

    // Delivery: the push service gets the push, Twilio the text.
    const twilioApi = fakeTwilio();
    expect(
      await deliverDue(db, {
        push: pushDelivery(db, push.agent),
        text: textDelivery(twilioApi.send),
      }),
    ).toMatchObject({ failed: 0 });
    const received = push.received.filter((r) => r.path === device?.path);
    expect(received).toHaveLength(1);
    const request = received[0];
    if (!request || !device) throw new Error("no push received");
    expect(request.headers["content-encoding"]).toBe("aes128gcm");
    expect(request.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(request.headers.ttl).toBe("86400");
    // What the phone shows: the clinic, what to do, the one-tap link; nothing of the patient.
    const shown = JSON.parse(device.decrypt(request.body));
    expect(shown).toEqual({
      title: "Riverside Clinic",
      body: "A check-in is waiting for you. It takes about a minute.",
      url: pushRow?.link,
    });
    expect(shown.url).toMatch(/\/c\/[\w-]{43}$/);
    const payload = JSON.stringify(shown);
    for (const secret of [patient.name, "Rosa", patient.email, DOB, "2-week"])
      expect(payload).not.toContain(secret);
    expect(treatmentWordsIn(payload)).toEqual([]);

    const [text] = twilioApi.sent;
    expect(text).toMatchObject({ To: "+447700900123", From: "+15550100000" });
    expect(text?.Body).toMatch(
      /^Riverside Clinic: a check-in is waiting for you\. .*\/c\/[\w-]{43} Reply STOP/,
    );
    expect(text?.Body).not.toContain("Rosa");
    expect(treatmentWordsIn(text?.Body ?? "")).toEqual([]);
    const sent = await outboxOf(patient);
    expect(sent.map((m) => m.status)).toEqual(["sent", "sent"]);

    // The patient answers through the push's link: the engagement figures count the push.
    const token = shown.url.split("/c/")[1];
    await callerFor(db, null).checkInLink.answer({
      token,
      dateOfBirth: DOB,
      clientId: crypto.randomUUID(),
      pgic: "minimally_improved",
      painAverage: 3,
      siteSoreness: false,
    });
    const [answer] = await db
      .select({ channel: diaryEntries.checkInChannel })
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, patient.id), eq(diaryEntries.entryDate, today)));
    expect(answer?.channel).toBe("push");
  }, 120_000);

  it("without a device or texts, the same two steps go by email; quiet hours move a step to 08:00", async () => {
    const { patient, checkInDate } = await patientWithCheckIn({});
    await db
      .insert(notificationPreferences)
      .values({ userId: patient.id, reminderHour: 22 })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { reminderHour: 22 } });
    // 22:30 on the check-in's day is a quiet hour: nothing; 08:00 the next morning: the first step.
    await sendDueReminders(db, new Date(`${checkInDate}T22:30:00Z`));
    expect(await channels(patient)).toEqual([]);
    await sendDueReminders(db, new Date(`${addDays(checkInDate, 1)}T07:59:00Z`));
    expect(await channels(patient)).toEqual([]);
    await sendDueReminders(db, new Date(`${addDays(checkInDate, 1)}T08:00:00Z`));
    expect(await channels(patient)).toEqual(["email"]);
    await sendDueReminders(db, new Date(`${addDays(checkInDate, 2)}T08:00:00Z`));
    expect(await channels(patient)).toEqual(["email", "email"]);
    await sendDueReminders(db, new Date(`${addDays(checkInDate, 3)}T08:00:00Z`));
    expect(await channels(patient)).toEqual(["email", "email"]);
  });

  it("a push service's 410 removes the subscription, and the push is not retried", async () => {
    const { patient, checkInDate, device } = await patientWithCheckIn({ device: true });
    await sendDueReminders(db, at(checkInDate, 0));
    push.answer(410);
    try {
      await deliverDue(db, { push: pushDelivery(db, push.agent) });
    } finally {
      push.answer(201);
    }
    expect(push.received.filter((r) => r.path === device?.path)).toHaveLength(1);
    expect(
      await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, patient.id)),
    ).toEqual([]);
    const [row] = await outboxOf(patient);
    expect(row).toMatchObject({ channel: "push", status: "failed" });
    expect(row?.lastError).toMatch(/410/);
    expect(await callerFor(db, patient).notifications.pushDevices()).toEqual([]);
    // Two days later the patient has no device and no texts: the second step is an email.
    await sendDueReminders(db, at(checkInDate, 2));
    expect(await channels(patient)).toEqual(["email", "push"]);
  });
});

describe("the job's marks", () => {
  it("forgets the day's, the text's, the check-in's and the reminder-now marks after a week, and keeps others", async () => {
    const old = new Date(Date.now() - 8 * 86_400_000);
    const keys = [
      `reminder:${crypto.randomUUID()}:2026-01-01`,
      `text:${crypto.randomUUID()}:2026-01-01`,
      `check_in:${crypto.randomUUID()}:14:first`,
      `outreach:${crypto.randomUUID()}:2026-01-01`,
      `run:${crypto.randomUUID()}`,
    ];
    await db.insert(sentMarks).values(keys.map((key) => ({ key, createdAt: old })));
    const fresh = `check_in:${crypto.randomUUID()}:42:second`;
    await db.insert(sentMarks).values({ key: fresh });
    await sendDueReminders(db, new Date(`${today}T12:00:00Z`));
    const left = (await db.select({ key: sentMarks.key }).from(sentMarks)).map((m) => m.key);
    expect(keys.filter((k) => left.includes(k))).toEqual([keys[4]]);
    expect(left).toContain(fresh);
  });
});

describe("texts: STOP and HELP from the signed webhook", () => {
  const authToken = "webhook-test-token";
  const webhook = async (params: Record<string, string>, signature?: string | null) => {
    const url = `${(await getClinicSettings(db)).publicUrl}${TEXT_WEBHOOK_PATH}`;
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
    };
    const signed =
      signature === undefined
        ? twilio.getExpectedTwilioSignature(authToken, url, params)
        : signature;
    if (signed) headers["x-twilio-signature"] = signed;
    return textWebhookRoute(
      { db, ip: "203.0.113.7" },
      new Request(`http://127.0.0.1${TEXT_WEBHOOK_PATH}`, {
        method: "POST",
        headers,
        body: new URLSearchParams(params),
      }),
      authToken,
    );
  };

  it("STOP turns texts off and is confirmed; a later reminder goes by email", async () => {
    const { patient, checkInDate, api } = await patientWithCheckIn({ phone: "+447700900456" });
    await sendDueReminders(db, at(checkInDate, 0));
    expect(await channels(patient)).toEqual(["email"]);

    const answer = await webhook({ From: "+447700900456", Body: " stop ", To: "+15550100000" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/xml");
    expect(await answer.text()).toContain(
      "<Message>Riverside Clinic: you will get no more texts from us.",
    );
    expect((await api.notifications.texts()).stoppedAt).not.toBeNull();
    const [stop] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "texts.stop")));
    expect(stop).toMatchObject({ outcome: "success", actorId: patient.id });

    await sendDueReminders(db, at(checkInDate, 2));
    expect(await channels(patient)).toEqual(["email", "email"]);
  });

  it("HELP answers with the clinic's name and phone", async () => {
    const answer = await webhook({ From: "+447700900999", Body: "HELP" });
    expect(await answer.text()).toContain(
      "Riverside Clinic: reminders from your patient portal. Call us on +1 555 010 2030.",
    );
  });

  it("an unsigned or wrongly signed request is refused, audited, and changes nothing", async () => {
    const { api } = await patientWithCheckIn({ phone: "+447700900789" });
    const denialsBefore = (
      await db.select().from(auditEvents).where(eq(auditEvents.action, "request.denied"))
    ).length;
    const params = { From: "+447700900789", Body: "STOP" };
    expect((await webhook(params, null)).status).toBe(403);
    expect((await webhook(params, "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ==")).status).toBe(403);
    // Signed for other fields than those sent.
    const url = `${(await getClinicSettings(db)).publicUrl}${TEXT_WEBHOOK_PATH}`;
    const other = twilio.getExpectedTwilioSignature(authToken, url, { ...params, Body: "HELP" });
    expect((await webhook(params, other)).status).toBe(403);
    expect((await api.notifications.texts()).stoppedAt).toBeNull();
    const denials = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "request.denied"));
    expect(denials.length).toBe(denialsBefore + 3);
    // Without a text provider configured, there is no webhook at all.
    const none = await textWebhookRoute(
      { db, ip: null },
      new Request(`http://127.0.0.1${TEXT_WEBHOOK_PATH}`, { method: "POST", body: "" }),
      undefined,
    );
    expect(none.status).toBe(404);
  });

  it("at most one text per patient per day, and opting in records the number and the consent", async () => {
    const { patient, api } = await patientWithCheckIn({ phone: "+1 (555) 010-7788" });
    expect(await api.notifications.texts()).toMatchObject({
      phone: "+15550107788",
      stoppedAt: null,
    });
    expect((await api.notifications.texts()).consentAt).toBeInstanceOf(Date);
    await expect(
      api.notifications.textsOn({ phone: "555 0107", consent: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const one = {
      kind: "reminder_check_in",
      userId: patient.id,
      phone: "+15550107788",
      subject: "A check-in is waiting for you",
    };
    const first = await queueText(db, { ...one, body: "a", link: "x", today: "2030-01-01" });
    const second = await queueText(db, { ...one, body: "b", link: "x", today: "2030-01-01" });
    const next = await queueText(db, { ...one, body: "c", link: "x", today: "2030-01-02" });
    expect([first, second, next]).toEqual([true, false, true]);
    await api.notifications.textsOff();
    expect(await api.notifications.texts()).toEqual({
      phone: null,
      consentAt: null,
      stoppedAt: null,
    });
  });
});
