/**
 * Reminders (docs/decisions/014-invitations-reminders-notifications.md), both drivers: at the
 * patient's hour in the clinic's time zone (a fake clock), at most one a day even with two workers,
 * an unsubscribe link that turns off only its own kind; the caseload round's high-flag
 * notifications and digest.
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clinicSettings, notificationPreferences, notifications, outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { type JobDefinition, type Queue, startQueue } from "@/server/jobs/queue";
import { addDays } from "@/server/outcomes";
import { insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { unsubscribeInput } from "@/server/testing/world";
import { sendDueReminders } from "./reminders";
import { caseloadRound } from "./staff-notifications";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db
    .update(clinicSettings)
    .set({ timeZone: "America/New_York", clinicName: "Riverside Pain Clinic" });
});
afterAll(async () => {
  await t.close();
});

/** A patient who wants only the daily reminder, at `hour`; nothing else is due for them. */
async function dailyPatient(hour = 18) {
  const patient = await createUser(t.db, "patient");
  await t.db
    .insert(notificationPreferences)
    .values({ userId: patient.id, reminderHour: hour, dailyDiary: true });
  return patient;
}
const remindersTo = (patient: Actor) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.userId, patient.id), like(outbox.kind, "reminder_%")));

// Each test owns its patients; the others' reminders are left in the database.
let patient: Actor;
beforeEach(async () => {
  patient = await dailyPatient();
});

describe("reminders", () => {
  it("18:00 in New York: 23:00 UTC in winter, 22:00 UTC in summer", async () => {
    await sendDueReminders(t.db, new Date("2026-01-15T22:59:00Z"));
    expect(await remindersTo(patient)).toHaveLength(0);
    await sendDueReminders(t.db, new Date("2026-01-15T23:00:00Z"));
    expect(await remindersTo(patient)).toHaveLength(1);
    // later the same (New York) day: nothing more
    await sendDueReminders(t.db, new Date("2026-01-16T03:00:00Z"));
    expect(await remindersTo(patient)).toHaveLength(1);

    await sendDueReminders(t.db, new Date("2026-07-15T21:59:00Z"));
    expect(await remindersTo(patient)).toHaveLength(1);
    await sendDueReminders(t.db, new Date("2026-07-15T22:00:00Z"));
    expect(await remindersTo(patient)).toHaveLength(2);
  });

  it("quiet hours: a reminder chosen for 22:00 goes at 08:00 the next morning; nothing is sent at night", async () => {
    const night = await dailyPatient(22);
    // 22:30 in New York (winter): quiet, nothing, not even for the 18:00 patient not yet reached.
    const late = await dailyPatient(18);
    const quiet = await sendDueReminders(t.db, new Date("2026-01-20T03:30:00Z"));
    expect(quiet.considered).toBe(0);
    expect(await remindersTo(night)).toHaveLength(0);
    expect(await remindersTo(late)).toHaveLength(0);
    // 07:59 the next morning: still quiet.
    await sendDueReminders(t.db, new Date("2026-01-20T12:59:00Z"));
    expect(await remindersTo(night)).toHaveLength(0);
    // 08:00: the 22:00 patient's reminder goes; the 18:00 patient waits for 18:00.
    await sendDueReminders(t.db, new Date("2026-01-20T13:00:00Z"));
    expect(await remindersTo(night)).toHaveLength(1);
    expect(await remindersTo(late)).toHaveLength(0);
  });

  it("sends one reminder a day to a patient across two workers (two queue instances)", async () => {
    const now = new Date("2026-02-10T23:30:00Z");
    let runs = 0;
    const jobs: JobDefinition[] = [
      {
        name: "test.reminders",
        handler: async () => {
          await sendDueReminders(t.db, now);
          runs++;
        },
      },
    ];
    const queues: Queue[] = [];
    try {
      queues.push(await startQueue(t.database, jobs, { timeZone: "UTC" }));
      queues.push(await startQueue(t.database, jobs, { timeZone: "UTC" }));
      await Promise.all(queues.map((q) => q.send("test.reminders")));
      await Promise.all([sendDueReminders(t.db, now), sendDueReminders(t.db, now)]);
      const end = Date.now() + 20_000;
      while (runs < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      expect(runs).toBe(2);
    } finally {
      for (const q of queues) await q.stop();
    }
    const sent = await remindersTo(patient);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.kind).toBe("reminder_daily");
  }, 60_000);

  it("a due check-in comes first; the email holds no patient data and an unsubscribe link", async () => {
    const provider = await createUser(t.db, "provider");
    const today = "2026-03-02";
    const procedure = await insertProcedure(t.db, patient, provider, addDays(today, -14));
    await insertEntries(t.db, procedure, [{ day: 13, pain: 4 }]);
    await sendDueReminders(t.db, new Date(`${today}T23:30:00Z`));
    const [mail] = await remindersTo(patient);
    expect(mail?.kind).toBe("reminder_check_in");
    expect(mail?.subject).toBe("A check-in is waiting for you");
    const body = `${mail?.subject}\n${mail?.textBody}\n${mail?.htmlBody}`;
    expect(body).not.toContain(patient.name);
    expect(body).not.toMatch(/cryo|radiofrequency|knee|lumbar|pain score/i);
    expect(mail?.textBody).toMatch(/\/unsubscribe\?u=/);
    expect(mail?.textBody).toContain("Riverside Pain Clinic");
    // the bell too
    const bell = await callerFor(t.db, patient).notifications.list();
    expect(bell.map((n) => n.title)).toContain("A check-in is waiting for you");
  });

  it("a documentation week asks for three entries when the last 28 days document no week", async () => {
    const provider = await createUser(t.db, "provider");
    const today = "2026-05-04";
    const procedure = await insertProcedure(t.db, patient, provider, addDays(today, -60));
    // The 6-week check-in answered; then an entry every 4 days: never 3 in a week, never lapsed.
    await insertEntries(t.db, procedure, [
      { day: 42, pain: 3, pgic: "much_improved" },
      ...[46, 50, 54, 58].map((day) => ({ day, pain: 3 })),
    ]);
    await sendDueReminders(t.db, new Date(`${today}T23:30:00Z`));
    const [mail] = await remindersTo(patient);
    expect(mail?.kind).toBe("reminder_documentation");
    expect(mail?.subject).toBe("Three diary entries this week, please");
    expect(mail?.textBody).toMatch(/\/unsubscribe\?u=.*k=diary_lapsed/);
  });

  it("an unsubscribe link turns off its own kind only, and a forged one is refused", async () => {
    const anonymous = callerFor(t.db, null);
    await anonymous.notifications.unsubscribe(unsubscribeInput(patient.id, "diary_lapsed"));
    expect(await callerFor(t.db, patient).notifications.preferences()).toMatchObject({
      diaryLapsed: false,
      checkInDue: true,
      dailyDiary: true,
      reminderHour: 18,
    });
    const other = await dailyPatient();
    // another patient's signature does not fit this patient
    const forged = {
      ...unsubscribeInput(other.id, "daily_diary"),
      userId: patient.id,
    };
    await expect(anonymous.notifications.unsubscribe(forged)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // nor does one of another kind
    const otherKind = {
      ...unsubscribeInput(patient.id, "check_in_due"),
      kind: "daily_diary",
    };
    await expect(anonymous.notifications.unsubscribe(otherKind)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await callerFor(t.db, patient).notifications.preferences()).toMatchObject({
      dailyDiary: true,
      checkInDue: true,
    });
    await anonymous.notifications.unsubscribe(unsubscribeInput(patient.id, "daily_diary"));
    await sendDueReminders(t.db, new Date("2026-04-01T23:30:00Z"));
    expect(await remindersTo(patient)).toHaveLength(0);
  });

  it("a patient chooses their hour and kinds on their account", async () => {
    const api = callerFor(t.db, patient);
    await api.notifications.updatePreferences({ reminderHour: 9, dailyDiary: true });
    await sendDueReminders(t.db, new Date("2026-05-05T12:59:00Z")); // 08:59 in New York (EDT)
    expect(await remindersTo(patient)).toHaveLength(0);
    await sendDueReminders(t.db, new Date("2026-05-05T13:00:00Z"));
    expect(await remindersTo(patient)).toHaveLength(1);
    // staff fields are not theirs to set
    await api.notifications.updatePreferences({ highFlagEmail: true });
    expect((await api.notifications.preferences()).highFlagEmail).toBe(false);
  });
});

describe("the caseload round", () => {
  it("notifies a new high flag once (bell, and email when opted in) and sends one digest a day", async () => {
    const provider = await createUser(t.db, "provider");
    await callerFor(t.db, provider).notifications.updatePreferences({ highFlagEmail: true });
    await assignPatient(t.db, provider, patient);
    const today = "2026-06-10";
    const procedure = await insertProcedure(t.db, patient, provider, addDays(today, -25), {
      baselinePain: 6,
    });
    // worse than baseline on the last three days: a high flag
    await insertEntries(
      t.db,
      procedure,
      [22, 23, 24].map((day) => ({ day, pain: 9 })),
    );
    const now = new Date(`${today}T15:00:00Z`); // 11:00 in New York: after the digest hour
    const first = await caseloadRound(t.db, now);
    expect(first.flagged).toBeGreaterThan(0);
    const bell = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, provider.id));
    expect(bell.some((n) => n.kind === "high_flag")).toBe(true);
    expect(await callerFor(t.db, provider).notifications.unreadCount()).toBe(bell.length);

    await caseloadRound(t.db, now);
    const mails = await t.db.select().from(outbox).where(eq(outbox.userId, provider.id));
    expect(mails.filter((m) => m.kind === "staff_high_flag")).toHaveLength(1);
    const digests = mails.filter((m) => m.kind === "staff_digest");
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe("1 patient needs review");
    for (const m of mails) expect(`${m.subject} ${m.textBody}`).not.toContain(patient.name);

    await callerFor(t.db, provider).notifications.markAllRead();
    expect(await callerFor(t.db, provider).notifications.unreadCount()).toBe(0);
  });
});
