// Outreach from the care team (docs/decisions/035-outreach.md): a reminder now (one a day, through
// the outbox, no patient data, audited) and call tasks that keep the patient in "Follow-up due"
// until closed.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, notificationPreferences, outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
});
afterAll(async () => {
  await t?.close();
});

/** A patient on a new provider's care team, `daysAgo` days after a procedure with daily entries. */
async function team(daysAgo: number, name = "Olive Outreach") {
  const provider = await createUser(db, "provider");
  const patient = await createUser(db, "patient", { name });
  await assignPatient(db, provider, patient);
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -daysAgo), {
    baselinePain: 6,
  });
  // Check-ins answered on their day, except one still due (day 14 while it is days 14-20).
  await insertEntries(
    db,
    procedure,
    dailyEntries(
      0,
      daysAgo - 1,
      () => 3,
      (day) => ({ pgic: [14, 42].includes(day) && daysAgo > 20 ? "much_improved" : null }),
    ),
  );
  return { provider, patient, api: callerFor(db, provider) };
}

const mailsTo = (patient: Actor) => db.select().from(outbox).where(eq(outbox.userId, patient.id));

describe("Send a reminder now", () => {
  it("puts one email in the outbox, without patient data; a second the same day is refused", async () => {
    const { patient, api } = await team(16); // check-in 14 due, unanswered
    const first = await api.outreach.remindNow({ patientId: patient.id });
    expect(first).toEqual({ kind: "check_in_due", sentOn: today });
    const [mail, ...more] = await mailsTo(patient);
    expect(more).toHaveLength(0);
    expect(mail?.kind).toBe("reminder_check_in");
    // The check-in opens in one tap (check-in-links.int.test.ts).
    expect(mail?.textBody).toMatch(/\/c\/[\w-]{43}\b/);
    expect(`${mail?.subject} ${mail?.textBody}`).not.toContain("Olive");

    await expect(api.outreach.remindNow({ patientId: patient.id })).rejects.toThrow(
      /already went to this patient today/,
    );
    // Another provider on the same care team is refused too: one a day per patient.
    const colleague = await createUser(db, "provider");
    await assignPatient(db, colleague, patient);
    await expect(
      callerFor(db, colleague).outreach.remindNow({ patientId: patient.id }),
    ).rejects.toThrow(/already went/);
    expect(await mailsTo(patient)).toHaveLength(1);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "outreach.reminder"), eq(auditEvents.patientId, patient.id)),
      );
    expect(audits).toHaveLength(1);
  });

  it("asks for the diary when no check-in is waiting, and respects a patient's opt-out", async () => {
    const { patient, api } = await team(30);
    await db.insert(notificationPreferences).values({ userId: patient.id, diaryLapsed: false });
    await expect(api.outreach.remindNow({ patientId: patient.id })).rejects.toThrow(
      /turned these reminder emails off/,
    );
    await db
      .update(notificationPreferences)
      .set({ diaryLapsed: true })
      .where(eq(notificationPreferences.userId, patient.id));
    expect((await api.outreach.remindNow({ patientId: patient.id })).kind).toBe("diary_lapsed");
  });

  it("is not found for a provider outside the care team", async () => {
    const { patient } = await team(20);
    const stranger = callerFor(db, await createUser(db, "provider"));
    await expect(stranger.outreach.remindNow({ patientId: patient.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await mailsTo(patient)).toHaveLength(0);
  });
});

describe("Call the patient", () => {
  it("keeps the patient in Follow-up due with its reason until it is closed", async () => {
    const { patient, api } = await team(30, "Carla Call");
    const before = await api.caseload.list({ search: "Carla Call" });
    expect(before.rows[0]?.state).toBe("monitoring");

    const task = await api.outreach.openCall({
      patientId: patient.id,
      reason: "Asked for an earlier appointment",
      dueOn: addDays(today, 2),
    });
    const open = await api.caseload.list({ search: "Carla Call" });
    expect(open.rows[0]).toMatchObject({ state: "follow_up_due", reasons: ["call_patient"] });
    expect(await api.outreach.calls({ patientId: patient.id })).toMatchObject([
      { id: task.id, reason: "Asked for an earlier appointment", dueOn: addDays(today, 2) },
    ]);

    await api.outreach.closeCall({ taskId: task.id, outcome: "left_message", note: "" });
    const after = await api.caseload.list({ search: "Carla Call" });
    expect(after.rows[0]?.state).toBe("monitoring");
    expect(await api.outreach.calls({ patientId: patient.id })).toEqual([]);
    await expect(
      api.outreach.closeCall({ taskId: task.id, outcome: "reached", note: "" }),
    ).rejects.toThrow(/already closed/);
  });

  it("refuses a due day in the past and an empty reason, with field messages", async () => {
    const { patient, api } = await team(30);
    await expect(
      api.outreach.openCall({ patientId: patient.id, reason: "Call", dueOn: addDays(today, -1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.outreach.openCall({ patientId: patient.id, reason: "  ", dueOn: today }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await api.outreach.calls({ patientId: patient.id })).toEqual([]);
  });

  it("cannot be opened or closed by a provider outside the care team", async () => {
    const { patient, api } = await team(30);
    const task = await api.outreach.openCall({
      patientId: patient.id,
      reason: "Call",
      dueOn: today,
    });
    const stranger = callerFor(db, await createUser(db, "provider"));
    await expect(
      stranger.outreach.openCall({ patientId: patient.id, reason: "x", dueOn: today }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      stranger.outreach.closeCall({ taskId: task.id, outcome: "reached", note: "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await api.outreach.calls({ patientId: patient.id })).toHaveLength(1);
  });
});
