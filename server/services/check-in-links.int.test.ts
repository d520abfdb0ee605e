// One-tap check-in links (docs/decisions/038-one-tap-check-ins.md): the reminder's link opens one
// check-in after the date of birth; single use, 7 days, stored hashed, five wrong dates end it,
// every step audited, nothing else granted.
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, checkInLinks, diaryEntries, outbox, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { hourInZone } from "@/server/outcomes/reminders";
import { renderVisitReport } from "@/server/reports/visit-report-pdf";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser, deactivate } from "@/server/testing/fixtures";
import { todayInZone } from "@/server/time";
import { hashToken } from "./invitations";
import { sendDueReminders } from "./reminders";
import { visitReport } from "./reports";
import { clinicToday, getClinicSettings } from "./settings";

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

const DOB = "1961-04-12";
const anonymous = () => callerFor(db, null, "198.51.100.9");

/**
 * A patient 16 days after a procedure (the 2-week check-in due, unanswered), with a date of birth;
 * the care team sends a reminder now: returns the link's token from the email.
 */
async function linkFor(options: { entryToday?: boolean } = {}) {
  const provider = await createUser(db, "provider");
  const patient = await createUser(db, "patient", { name: "Tilda Tap" });
  await db.update(users).set({ dateOfBirth: DOB }).where(eq(users.id, patient.id));
  await assignPatient(db, provider, patient);
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -16), {
    baselinePain: 6,
  });
  await insertEntries(
    db,
    procedure,
    dailyEntries(0, options.entryToday ? 16 : 15, () => 3),
  );
  await callerFor(db, provider).outreach.remindNow({ patientId: patient.id });
  const [mail] = await db.select().from(outbox).where(eq(outbox.userId, patient.id));
  const token = mail?.textBody.match(/\/c\/([\w-]{43})\b/)?.[1];
  if (!token) throw new Error("no link in the reminder");
  return { patient, provider, procedure, token, mail };
}

const auditsOf = (patient: Actor) =>
  db
    .select({
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actor: auditEvents.actorId,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.patientId, patient.id), like(auditEvents.action, "check_in_link.%")))
    .orderBy(auditEvents.at);

describe("one-tap check-in links", () => {
  it("opens the check-in after the date of birth, stores the answer through the link, and works once", async () => {
    const { patient, token, mail } = await linkFor();
    expect(`${mail?.subject} ${mail?.textBody}`).not.toContain("Tilda");
    // Stored hashed: the token itself is nowhere in the database.
    const [stored] = await db
      .select()
      .from(checkInLinks)
      .where(eq(checkInLinks.patientId, patient.id));
    expect(stored).toMatchObject({ tokenHash: hashToken(token), checkInDay: 14, sentBy: "email" });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored && stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 86_400_000);

    const api = anonymous();
    expect(await api.checkInLink.confirm({ token, dateOfBirth: DOB })).toEqual({
      day: 14,
      name: "2-week",
      askPain: true,
    });
    // Today's pain is asked (no entry today yet): without it, field errors, and the link still works.
    await expect(
      api.checkInLink.answer({
        token,
        dateOfBirth: DOB,
        clientId: crypto.randomUUID(),
        pgic: "much_improved",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await api.checkInLink.answer({
        token,
        dateOfBirth: DOB,
        clientId: crypto.randomUUID(),
        pgic: "much_improved",
        painAverage: 2,
        siteSoreness: false,
      }),
    ).toEqual({ done: true });
    const [entry] = await db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, patient.id), eq(diaryEntries.entryDate, today)));
    expect(entry).toMatchObject({
      pgic: "much_improved",
      checkInDay: 14,
      checkInChannel: "email", // the email that carried the link brought the answer
      painAverage: 2,
    });

    // Used up: the same link again is refused, whatever is sent.
    await expect(api.checkInLink.confirm({ token, dateOfBirth: DOB })).rejects.toThrow(
      /already been used/,
    );
    await expect(
      api.checkInLink.answer({
        token,
        dateOfBirth: DOB,
        clientId: crypto.randomUUID(),
        pgic: "no_change",
      }),
    ).rejects.toThrow(/already been used/);
    expect(await auditsOf(patient)).toEqual([
      { action: "check_in_link.confirm", outcome: "success", actor: null },
      { action: "check_in_link.answer", outcome: "success", actor: null },
      { action: "check_in_link.confirm", outcome: "failure", actor: null },
      { action: "check_in_link.confirm", outcome: "failure", actor: null },
    ]);
  });

  it("asks only the check-in question when today's diary is already written", async () => {
    const { token } = await linkFor({ entryToday: true });
    expect(await anonymous().checkInLink.confirm({ token, dateOfBirth: DOB })).toMatchObject({
      askPain: false,
    });
  });

  it("ends the link at the fifth wrong date of birth, even when the right one follows", async () => {
    const { patient, token } = await linkFor();
    const api = anonymous();
    for (const left of [4, 3, 2, 1]) {
      const wrong = await api.checkInLink
        .confirm({ token, dateOfBirth: "1961-04-13" })
        .catch((e: unknown) => e);
      expect(wrong).toMatchObject({ code: "BAD_REQUEST" });
      expect(JSON.stringify(wrong)).toContain(`${left} ${left === 1 ? "try" : "tries"} left`);
    }
    await expect(api.checkInLink.confirm({ token, dateOfBirth: "2000-01-01" })).rejects.toThrow(
      /wrong too many times/,
    );
    await expect(api.checkInLink.confirm({ token, dateOfBirth: DOB })).rejects.toThrow(
      /wrong too many times/,
    );
    await expect(
      api.checkInLink.answer({
        token,
        dateOfBirth: DOB,
        clientId: crypto.randomUUID(),
        pgic: "much_improved",
        painAverage: 2,
        siteSoreness: false,
      }),
    ).rejects.toThrow(/wrong too many times/);
    const audits = await auditsOf(patient);
    expect(audits.filter((a) => a.action === "check_in_link.end")).toHaveLength(1);
    expect(audits.filter((a) => a.outcome === "failure")).toHaveLength(7);
    const entries = await db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, patient.id), eq(diaryEntries.entryDate, today)));
    expect(entries).toHaveLength(0);
  });

  it("refuses an expired link, an unknown one, and a deactivated patient's", async () => {
    const api = anonymous();
    const expired = await linkFor();
    await db
      .update(checkInLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkInLinks.tokenHash, hashToken(expired.token)));
    await expect(
      api.checkInLink.confirm({ token: expired.token, dateOfBirth: DOB }),
    ).rejects.toThrow(/expired/);

    await expect(
      api.checkInLink.confirm({ token: "x".repeat(43), dateOfBirth: DOB }),
    ).rejects.toThrow(/not valid/);

    const gone = await linkFor();
    await deactivate(db, gone.patient);
    await expect(api.checkInLink.confirm({ token: gone.token, dateOfBirth: DOB })).rejects.toThrow(
      /not valid/,
    );
  });

  it("says so when the check-in was answered in the portal meanwhile", async () => {
    const { patient, token } = await linkFor();
    await callerFor(db, patient).diary.checkIn({
      clientId: crypto.randomUUID(),
      pgic: "much_improved",
      painAverage: 3,
      siteSoreness: false,
    });
    await expect(anonymous().checkInLink.confirm({ token, dateOfBirth: DOB })).rejects.toThrow(
      /already answered/,
    );
  });

  it("the daily reminder job's check-in email carries a one-tap link too", async () => {
    const patient = await createUser(db, "patient");
    const provider = await createUser(db, "provider");
    await assignPatient(db, provider, patient);
    const procedure = await insertProcedure(db, patient, provider, addDays(today, -15), {
      baselinePain: 6,
    });
    await insertEntries(
      db,
      procedure,
      dailyEntries(0, 14, () => 3),
    );
    // 18:30 of the clinic's today in its time zone (the patient's default hour, not a quiet one).
    const { timeZone } = await getClinicSettings(db);
    const evening = Array.from(
      { length: 48 },
      (_, h) => new Date(Date.parse(`${today}T00:30:00Z`) + (h - 24) * 3_600_000),
    ).find((d) => hourInZone(timeZone, d) === 18 && todayInZone(timeZone, d) === today);
    if (!evening) throw new Error("no 18:00 in the clinic's today");
    await sendDueReminders(db, evening);
    const [mail] = await db.select().from(outbox).where(eq(outbox.userId, patient.id));
    expect(mail?.kind).toBe("reminder_check_in");
    const token = mail?.textBody.match(/\/c\/([\w-]{43})\b/)?.[1] ?? "";
    const [link] = await db
      .select()
      .from(checkInLinks)
      .where(eq(checkInLinks.tokenHash, hashToken(token)));
    expect(link).toMatchObject({ patientId: patient.id, checkInDay: 14, sentBy: "email" });
  });
});

describe("the check-in QR code (in the clinic)", () => {
  it("gives the care team a QR code of a new link to the open check-in; nobody else", async () => {
    const { patient, provider } = await linkFor();
    const mine = callerFor(db, provider);
    const shown = await mine.outreach.checkInQr({ patientId: patient.id });
    expect(shown.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(shown.checkInName).toBe("2-week");
    const links = await db
      .select()
      .from(checkInLinks)
      .where(and(eq(checkInLinks.patientId, patient.id), eq(checkInLinks.sentBy, "qr")));
    expect(links).toHaveLength(1);
    const [issued] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "check_in_link.issue"), eq(auditEvents.patientId, patient.id)),
      );
    expect(issued).toMatchObject({ actorId: provider.id, outcome: "success" });

    const stranger = await createUser(db, "provider");
    await expect(
      callerFor(db, stranger).outreach.checkInQr({ patientId: patient.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerFor(db, patient).outreach.checkInQr({ patientId: patient.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // No date of birth on record: the link could not be opened, so none is made.
    await db.update(users).set({ dateOfBirth: null }).where(eq(users.id, patient.id));
    await expect(mine.outreach.checkInQr({ patientId: patient.id })).rejects.toThrow(
      /date of birth/,
    );
    // No check-in open (answered): none either.
    await db.update(users).set({ dateOfBirth: DOB }).where(eq(users.id, patient.id));
    await callerFor(db, patient).diary.checkIn({
      clientId: crypto.randomUUID(),
      pgic: "much_improved",
      painAverage: 3,
      siteSoreness: false,
    });
    await expect(mine.outreach.checkInQr({ patientId: patient.id })).rejects.toThrow(
      /No check-in is open/,
    );
  });

  it("prints it on the visit report a provider of the care team makes; not on the patient's own copy", async () => {
    const { patient, provider } = await linkFor();
    const report = await visitReport(db, provider, { patientId: patient.id });
    expect(report.checkInQr).toMatchObject({
      png: expect.stringMatching(/^data:image\/png;base64,/),
      checkInName: "2-week",
    });
    const pdf = await renderVisitReport(report);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const qrLinks = await db
      .select()
      .from(checkInLinks)
      .where(and(eq(checkInLinks.patientId, patient.id), eq(checkInLinks.sentBy, "qr")));
    expect(qrLinks).toHaveLength(1);

    const own = await visitReport(db, patient, { patientId: patient.id });
    expect(own.checkInQr).toBeNull();
  });
});
