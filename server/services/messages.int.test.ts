// Messages between a patient and their care team (docs/decisions/020-messages.md), through the API
// on both drivers: who may read and write which thread, idempotent reports, field messages for bad
// text, read receipts, the review state (docs/clinical-rules.md#review-states), notifications and
// emails without the text (docs/decisions/014-invitations-reminders-notifications.md), the audit of
// every staff read and write, and messages that cannot be changed.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, messages, notificationPreferences, notifications, outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { fieldErrors } from "@/server/testing/field-errors";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;
let admin: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  admin = await createUser(db, "admin");
});
afterAll(async () => {
  await t?.close();
});

/** A patient on `provider`'s care team, 30 days after a procedure, doing well (no flags). */
async function patientOf(provider: Actor, name = "Pat Example") {
  const patient = await createUser(db, "patient", { name });
  await assignPatient(db, provider, patient);
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -30), {
    baselinePain: 7,
  });
  await insertEntries(
    db,
    procedure,
    dailyEntries(
      0,
      29,
      () => 2,
      (day) => ({ pgic: day === 14 ? "much_improved" : null }),
    ),
  );
  return { patient, procedure };
}

const report = (over: Record<string, unknown> = {}) => ({
  clientId: crypto.randomUUID(),
  changes: ["pain_returned" as const],
  painNow: 6,
  locations: ["lumbar" as const],
  body: "The ache in my lower back came back yesterday.",
  ...over,
});

async function caseloadRow(provider: Actor, patientId: string) {
  const page = await callerFor(db, provider).caseload.list({});
  return page.rows.find((r) => r.patientId === patientId);
}

describe("who may read and write a thread", () => {
  it("a patient reads and writes only their own thread", async () => {
    const provider = await createUser(db, "provider");
    const { patient: a } = await patientOf(provider);
    const { patient: b } = await patientOf(provider);
    await callerFor(db, a).message.report(report({ body: "Only for my care team." }));
    await callerFor(db, b).message.send({ clientId: crypto.randomUUID(), body: "Hello." });

    const mineA = await callerFor(db, a).message.mine();
    const mineB = await callerFor(db, b).message.mine();
    expect(mineA.messages.map((m) => m.body)).toEqual(["Only for my care team."]);
    expect(mineB.messages.map((m) => m.body)).toEqual(["Hello."]);
    // A patient cannot reach the staff procedures, whatever the id.
    await expect(callerFor(db, b).message.thread({ patientId: a.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a provider reads only the threads of assigned patients; others are not found", async () => {
    const provider = await createUser(db, "provider");
    const stranger = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    await callerFor(db, patient).message.report(report());

    const thread = await callerFor(db, provider).message.thread({ patientId: patient.id });
    expect(thread.messages).toHaveLength(1);
    await expect(
      callerFor(db, stranger).message.thread({ patientId: patient.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerFor(db, stranger).message.reply({
        patientId: patient.id,
        clientId: crypto.randomUUID(),
        body: "Hi",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An id that is not a patient at all answers the same.
    await expect(
      callerFor(db, stranger).message.thread({ patientId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "That patient was not found." });
    expect((await callerFor(db, stranger).message.inbox({})).rows).toEqual([]);
  });

  it("an admin is refused every message procedure, and each refusal is audited", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    await callerFor(db, patient).message.report(report());
    const denials = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(and(eq(auditEvents.actorId, admin.id), eq(auditEvents.outcome, "denied")))
      )[0]?.n ?? 0;
    const before = await denials();
    const api = callerFor(db, admin).message;
    for (const call of [
      () => api.thread({ patientId: patient.id }),
      () => api.inbox({}),
      () => api.mine(),
      () => api.unreadCount(),
      () => api.reply({ patientId: patient.id, clientId: crypto.randomUUID(), body: "x" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await denials()).toBe(before + 5);
  });

  it("unassigning a provider cuts their access at once", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    await callerFor(db, patient).message.report(report());
    const api = callerFor(db, provider).message;
    await api.thread({ patientId: patient.id });
    expect((await api.inbox({})).rows.map((r) => r.patientId)).toEqual([patient.id]);

    await callerFor(db, admin).careTeam.unassign({
      patientId: patient.id,
      providerId: provider.id,
    });
    await expect(api.thread({ patientId: patient.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      api.reply({ patientId: patient.id, clientId: crypto.randomUUID(), body: "Still there?" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.inbox({})).rows).toEqual([]);
    expect(await api.unreadCount()).toBe(0);
  });
});

describe("writing", () => {
  it("a double-submitted report is stored once", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    const input = report();
    const api = callerFor(db, patient).message;
    const [first, second] = await Promise.all([api.report(input), api.report(input)]);
    const again = await api.report(input);
    expect(new Set([first.id, second.id, again.id]).size).toBe(1);
    expect([first.created, second.created, again.created].filter(Boolean)).toHaveLength(1);
    const stored = await db.select().from(messages).where(eq(messages.patientId, patient.id));
    expect(stored).toHaveLength(1);
    // One notification for the care team, not two.
    const bell = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, provider.id), eq(notifications.kind, "patient_message")));
    expect(bell).toHaveLength(1);
  });

  it("a double-submitted reply is stored once", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    const input = { patientId: patient.id, clientId: crypto.randomUUID(), body: "Call us today." };
    const api = callerFor(db, provider).message;
    await Promise.all([api.reply(input), api.reply(input)]);
    expect(await db.select().from(messages).where(eq(messages.patientId, patient.id))).toHaveLength(
      1,
    );
  });

  it("NUL bytes, over-long text and a missing text get a 400 with a field message", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    const api = callerFor(db, patient).message;
    expect(await fieldErrors(api.report(report({ body: "pain\u0000" })))).toHaveProperty("body");
    expect(await fieldErrors(api.report(report({ body: "x".repeat(2001) })))).toEqual({
      body: ["A message has at most 2,000 characters."],
    });
    expect(
      await fieldErrors(api.send({ clientId: crypto.randomUUID(), body: "\ud800" })),
    ).toHaveProperty("body");
    expect(await fieldErrors(api.send({ clientId: crypto.randomUUID(), body: "  " }))).toEqual({
      body: ["Write your message."],
    });
    expect(
      await fieldErrors(api.report(report({ changes: ["pain_worse", "question"], body: "" }))),
    ).toEqual({
      body: ["Tell your care team what changed."],
    });
    expect(await fieldErrors(api.report(report({ changes: [] })))).toEqual({
      changes: ["Choose what changed: one or more."],
    });
    expect(await fieldErrors(api.report(report({ painNow: 11 })))).toHaveProperty("painNow");
    expect(await fieldErrors(api.report(report({ changes: ["fine"] })))).toHaveProperty("changes");
    expect(
      await fieldErrors(
        callerFor(db, provider).message.reply({
          patientId: patient.id,
          clientId: crypto.randomUUID(),
          body: "y".repeat(2001),
        }),
      ),
    ).toEqual({ body: ["A message has at most 2,000 characters."] });
    // 2,000 characters exactly are fine.
    await expect(api.report(report({ body: "z".repeat(2000) }))).resolves.toMatchObject({
      created: true,
    });
    expect(await db.select().from(messages).where(eq(messages.patientId, patient.id))).toHaveLength(
      1,
    );
  });

  it("today's diary entry is attached only when there is one", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    const api = callerFor(db, patient).message;
    expect(await fieldErrors(api.report(report({ attachTodaysEntry: true })))).toEqual({
      attachTodaysEntry: ["You have no diary entry for today yet."],
    });
    const { entry } = await callerFor(db, patient).diary.add({
      clientId: crypto.randomUUID(),
      entryDate: today,
      painAverage: 6,
      enjoyment: 5,
      activity: 5,
      locations: ["lumbar"],
      qualities: ["aching"],
      siteSoreness: false,
    });
    await api.report(report({ attachTodaysEntry: true }));
    const [message] = (await api.mine()).messages;
    expect(message?.diaryEntry).toEqual({ id: entry.id, entryDate: today, painAverage: 6 });
    expect(message).toMatchObject({
      changes: ["pain_returned"],
      painNow: 6,
      locations: ["lumbar"],
    });
  });

  it("a report names several changes, each once; one from before several could be named reads the same", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    const api = callerFor(db, patient).message;
    await api.report(
      report({ changes: ["pain_returned", "burning_or_tingling", "pain_returned"] }),
    );
    // A report kept on a phone since before: one change.
    await api.report(report({ changes: undefined, change: "site_problem" }));
    // A report stored before: one change, no list.
    await db.insert(messages).values({
      patientId: patient.id,
      authorId: patient.id,
      authorRole: "patient",
      clientId: crypto.randomUUID(),
      change: "new_location",
      body: "Stored before.",
      createdAt: new Date(Date.now() - 60_000),
    });
    const thread = (await api.mine()).messages;
    expect(thread.map((m) => m.changes)).toEqual([
      ["new_location"],
      ["pain_returned", "burning_or_tingling"],
      ["site_problem"],
    ]);
    const inbox = await callerFor(db, provider).message.inbox();
    expect(inbox.rows.find((r) => r.patientId === patient.id)).toMatchObject({
      lastChange: "site_problem",
    });
  });

  it("messages are never edited or deleted: the database refuses both", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    const { id } = await callerFor(db, patient).message.report(report());
    await expect(
      db.update(messages).set({ body: "changed" }).where(eq(messages.id, id)),
    ).rejects.toThrow();
    await expect(db.delete(messages).where(eq(messages.id, id))).rejects.toThrow();
    const [stored] = await db.select().from(messages).where(eq(messages.id, id));
    expect(stored?.body).toBe(report().body);
  });
});

describe("reading", () => {
  it("read receipts per reader, and unread counts on both sides", async () => {
    const provider = await createUser(db, "provider", { name: "Dr. Rivera" });
    const colleague = await createUser(db, "provider", { name: "Dr. Okafor" });
    const { patient } = await patientOf(provider, "Pat Receipt");
    await assignPatient(db, colleague, patient);
    const asPatient = callerFor(db, patient).message;
    await asPatient.report(report());
    expect(await callerFor(db, provider).message.unreadCount()).toBe(1);
    expect(await callerFor(db, colleague).message.unreadCount()).toBe(1);
    expect((await asPatient.mine()).messages[0]?.readBy).toEqual([]);

    await callerFor(db, provider).message.thread({ patientId: patient.id });
    expect(await callerFor(db, provider).message.unreadCount()).toBe(0);
    expect(await callerFor(db, colleague).message.unreadCount()).toBe(1);
    expect((await asPatient.mine()).messages[0]?.readBy).toEqual(["Dr. Rivera"]);

    await callerFor(db, colleague).message.thread({ patientId: patient.id });
    expect((await asPatient.mine()).messages[0]?.readBy).toEqual(["Dr. Okafor", "Dr. Rivera"]);

    await callerFor(db, provider).message.reply({
      patientId: patient.id,
      clientId: crypto.randomUUID(),
      body: "Thanks, we will call you.",
    });
    expect(await asPatient.unreadCount()).toBe(1);
    const staffView = await callerFor(db, provider).message.thread({ patientId: patient.id });
    expect(staffView.messages.map((m) => [m.authorRole, m.mine, m.readBy])).toEqual([
      ["patient", false, ["Dr. Okafor", "Dr. Rivera"]],
      ["provider", true, []],
    ]);
    await asPatient.mine();
    expect(await asPatient.unreadCount()).toBe(0);
    const after = await callerFor(db, provider).message.thread({ patientId: patient.id });
    expect(after.messages[1]?.readBy).toEqual(["Pat Receipt"]);
  });

  it("the inbox lists the care team's threads, longest waiting first, with unread counts", async () => {
    const provider = await createUser(db, "provider");
    const { patient: first } = await patientOf(provider, "Ada First");
    const { patient: second } = await patientOf(provider, "Bo Second");
    const { patient: answered } = await patientOf(provider, "Cy Answered");
    await callerFor(db, first).message.report(report());
    await callerFor(db, answered).message.send({ clientId: crypto.randomUUID(), body: "Hi" });
    await callerFor(db, second).message.report(report({ changes: ["new_location"] }));
    await callerFor(db, second).message.send({ clientId: crypto.randomUUID(), body: "Also..." });
    await callerFor(db, provider).message.reply({
      patientId: answered.id,
      clientId: crypto.randomUUID(),
      body: "Hello",
    });

    const inbox = await callerFor(db, provider).message.inbox({});
    expect(
      inbox.rows.map((r) => [r.name, r.unread, r.lastChange, r.awaitingSince !== null]),
    ).toEqual([
      ["Ada First", 1, "pain_returned", true],
      ["Bo Second", 2, null, true],
      ["Cy Answered", 0, null, false],
    ]);
    expect(inbox.total).toBe(3);
  });
});

describe("the work queue (docs/clinical-rules.md#review-states)", () => {
  it("an unanswered message puts the patient in Needs review; a reply clears it", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    expect(await caseloadRow(provider, patient.id)).toMatchObject({ state: "monitoring" });

    await callerFor(db, patient).message.report(report());
    expect(await caseloadRow(provider, patient.id)).toMatchObject({
      state: "needs_review",
      reasons: ["unread_message"],
      since: today,
    });
    const review = await callerFor(db, provider).caseload.review({ patientId: patient.id });
    expect(review).toMatchObject({ state: "needs_review", reasons: ["unread_message"] });
    // Reading alone does not answer it.
    await callerFor(db, provider).message.thread({ patientId: patient.id });
    expect(await caseloadRow(provider, patient.id)).toMatchObject({ state: "needs_review" });

    await callerFor(db, provider).message.reply({
      patientId: patient.id,
      clientId: crypto.randomUUID(),
      body: "We will see you on Monday.",
    });
    expect(await caseloadRow(provider, patient.id)).toMatchObject({
      state: "monitoring",
      reasons: [],
    });
  });

  it("a decision recorded after the message clears it too; a newer message reopens it", async () => {
    const provider = await createUser(db, "provider");
    const { patient, procedure } = await patientOf(provider);
    await callerFor(db, patient).message.report(report());
    await callerFor(db, provider).decision.record({
      procedureId: procedure.id,
      strategies: [{ strategy: "re_evaluation", note: "" }],
    });
    expect(await caseloadRow(provider, patient.id)).toMatchObject({ state: "plan_recorded" });

    await callerFor(db, patient).message.send({
      clientId: crypto.randomUUID(),
      body: "It is worse again.",
    });
    expect(await caseloadRow(provider, patient.id)).toMatchObject({
      state: "needs_review",
      reasons: ["unread_message"],
    });
  });
});

describe("notifications and emails (docs/decisions/014-invitations-reminders-notifications.md)", () => {
  const emailsTo = (userId: string) =>
    db
      .select({ kind: outbox.kind, subject: outbox.subject, text: outbox.textBody })
      .from(outbox)
      .where(eq(outbox.userId, userId));

  it("the other side is notified; emails never carry the message or clinical details", async () => {
    const provider = await createUser(db, "provider");
    const quiet = await createUser(db, "provider");
    await db
      .insert(notificationPreferences)
      .values({ userId: provider.id, patientMessageEmail: true });
    const { patient } = await patientOf(provider, "Pat Notified");
    await assignPatient(db, quiet, patient);
    const secret = "My left knee burns at night";
    await callerFor(db, patient).message.report(report({ body: secret }));

    const [bell] = await callerFor(db, provider).notifications.list();
    expect(bell).toMatchObject({
      kind: "patient_message",
      title: "New message from Pat Notified",
      href: `/provider/patients/${patient.id}#messages`,
      read: null,
    });
    expect((await callerFor(db, quiet).notifications.list())[0]?.kind).toBe("patient_message");
    const staffMail = await emailsTo(provider.id);
    expect(staffMail.map((m) => m.kind)).toEqual(["staff_patient_message"]);
    expect(await emailsTo(quiet.id)).toEqual([]); // did not opt in (the default)

    await callerFor(db, provider).message.reply({
      patientId: patient.id,
      clientId: crypto.randomUUID(),
      body: "Ice it and rest; if the burning spreads, call us today.",
    });
    expect((await callerFor(db, patient).notifications.list())[0]).toMatchObject({
      kind: "care_team_reply",
      href: "/patient/messages",
    });
    const patientMail = await emailsTo(patient.id);
    expect(patientMail.map((m) => m.kind)).toEqual(["message_reply"]);
    for (const mail of [...staffMail, ...patientMail]) {
      const all = `${mail.subject}\n${mail.text}`;
      for (const leak of [secret, "Ice it", "knee", "6", "pain_returned", "Pat Notified"]) {
        expect(all).not.toContain(leak);
      }
    }

    // Opening the thread reads its notifications.
    await callerFor(db, provider).message.thread({ patientId: patient.id });
    expect((await callerFor(db, provider).notifications.list())[0]?.read).not.toBeNull();
    await callerFor(db, patient).message.mine();
    expect((await callerFor(db, patient).notifications.list())[0]?.read).not.toBeNull();
  });

  it("a patient who turned reply emails off gets the bell only", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    await callerFor(db, patient).notifications.updatePreferences({ replyEmail: false });
    expect(await callerFor(db, patient).notifications.preferences()).toMatchObject({
      replyEmail: false,
    });
    await callerFor(db, provider).message.reply({
      patientId: patient.id,
      clientId: crypto.randomUUID(),
      body: "Hello",
    });
    expect(await emailsTo(patient.id)).toEqual([]);
    expect(await callerFor(db, patient).notifications.unreadCount()).toBe(1);
  });
});

describe("audit", () => {
  it("every staff read and write of a thread is audited with the patient's id", async () => {
    const provider = await createUser(db, "provider");
    const { patient } = await patientOf(provider);
    await callerFor(db, patient).message.report(report());
    await callerFor(db, provider).message.inbox({});
    await callerFor(db, provider).message.thread({ patientId: patient.id });
    await callerFor(db, provider).message.reply({
      patientId: patient.id,
      clientId: crypto.randomUUID(),
      body: "Noted.",
    });
    const rows = await db
      .select({ action: auditEvents.action, patientId: auditEvents.patientId })
      .from(auditEvents)
      .where(eq(auditEvents.actorId, provider.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: "message.list", patientId: patient.id },
        { action: "message.read", patientId: patient.id },
        { action: "message.reply", patientId: patient.id },
      ]),
    );
    const [sent] = await db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, patient.id), eq(auditEvents.action, "message.send")));
    // Codes only in the audit trail, never the text.
    expect(sent?.details).toEqual({ change: ["pain_returned"] });
  });
});
