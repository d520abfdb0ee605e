// The clinic's check-in station (docs/decisions/039-kiosk.md): staff unlock it with their sign-in
// (no session made), a patient identifies with name and date of birth (MRN's last 4 when two
// match), wrong identities are throttled per station and audited without what was typed, and the
// patient's grant (one check-in, or today's entry) works once, with the channel `kiosk`.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, checkInLinks, diaryEntries, sessions, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser, TEST_PASSWORD } from "@/server/testing/fixtures";
import { grantHash, STATION_HOURS, verifyStation, WRONG_IDENTITIES_ALLOWED } from "./kiosk";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;
let provider: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  provider = await createUser(db, "provider");
});
afterAll(async () => {
  await t?.close();
});

/** A station's browser: its cookie jar (the credential), and a caller through the kiosk's endpoint. */
function station(ip = "198.51.100.30") {
  const jar: { token: string | null } = { token: null };
  const api = createCaller({
    db,
    actor: null,
    ip,
    station: {
      get token() {
        return jar.token;
      },
      set: (token) => {
        jar.token = token;
      },
      clear: () => {
        jar.token = null;
      },
    },
  });
  return { jar, api };
}

/** The stored hash of a grant `token` handed out by station `s`. */
async function grantHashOf(s: ReturnType<typeof station>, token: string) {
  const unlockedStation = await verifyStation(db, s.jar.token);
  if (!unlockedStation) throw new Error("station locked");
  return grantHash(unlockedStation.id, token);
}

async function unlocked(ip?: string) {
  const s = station(ip);
  expect(await s.api.kiosk.unlock({ email: provider.email, password: TEST_PASSWORD })).toEqual({
    status: "unlocked",
    until: expect.any(Date),
  });
  return s;
}

/** A "no change" check-in sent through grant `token` on station `s`. */
const answerThrough = (s: ReturnType<typeof station>, token: string) =>
  s.api.kiosk.answerCheckIn({
    token,
    clientId: crypto.randomUUID(),
    pgic: "no_change",
    painAverage: 3,
    siteSoreness: false,
  });

let patientCount = 0;
/**
 * A patient with a date of birth (and an MRN) `performedDaysAgo` after a procedure, with daily
 * entries up to yesterday: at 16 days the 2-week check-in is open.
 */
async function patient(
  name: string,
  dateOfBirth: string,
  options: { performedDaysAgo?: number; mrn?: string; active?: boolean } = {},
) {
  patientCount += 1;
  const p = await createUser(db, "patient", { name });
  await db
    .update(users)
    .set({
      dateOfBirth,
      mrn: options.mrn ?? `K-${patientCount}-${Math.floor(Math.random() * 1e6)}`,
      active: options.active ?? true,
    })
    .where(eq(users.id, p.id));
  await assignPatient(db, provider, p);
  const ago = options.performedDaysAgo ?? 16;
  const procedure = await insertProcedure(db, p, provider, addDays(today, -ago));
  await insertEntries(
    db,
    procedure,
    dailyEntries(0, ago - 1, () => 3),
  );
  return p;
}

const audits = (action: string) =>
  db
    .select({
      outcome: auditEvents.outcome,
      actor: auditEvents.actorId,
      patient: auditEvents.patientId,
      targetType: auditEvents.targetType,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(auditEvents.seq);

describe("unlocking the station", () => {
  it("refuses a wrong password and a patient's own sign-in; staff unlock with no session made", async () => {
    const s = station("198.51.100.31");
    await expect(
      s.api.kiosk.unlock({ email: provider.email, password: "not the password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Invalid email or password" });
    expect(s.jar.token).toBeNull();
    expect((await audits("kiosk.unlock")).at(-1)).toMatchObject({
      outcome: "failure",
      details: { reason: "wrong_password" },
    });

    const someone = await createUser(db, "patient");
    await expect(
      s.api.kiosk.unlock({ email: someone.email, password: TEST_PASSWORD }),
    ).rejects.toThrow("Only clinic staff can unlock this station.");
    expect(s.jar.token).toBeNull();
    expect(await s.api.kiosk.status()).toMatchObject({ unlocked: false, until: null });

    const [before] = await db.select({ n: count() }).from(sessions);
    expect(await s.api.kiosk.unlock({ email: provider.email, password: TEST_PASSWORD })).toEqual({
      status: "unlocked",
      until: expect.any(Date),
    });
    const [after] = await db.select({ n: count() }).from(sessions);
    expect(after?.n).toBe(before?.n); // no session: the station's credential is its own
    expect(s.jar.token).toMatch(/^[\w-]+\.[\w-]+$/);
    const status = await s.api.kiosk.status();
    expect(status.unlocked).toBe(true);
    expect(status.until && status.until.getTime() - Date.now()).toBeGreaterThan(
      (STATION_HOURS - 0.1) * 3_600_000,
    );
    expect((await audits("kiosk.unlock")).at(-1)).toMatchObject({
      outcome: "success",
      actor: provider.id,
      targetType: "kiosk_station",
    });
    // Valid for the working day only.
    const twelveHours = new Date(Date.now() + STATION_HOURS * 3_600_000 + 1000);
    expect(await verifyStation(db, s.jar.token, twelveHours)).toBeNull();
    // Not through the portal's endpoint: no cookie could be set there.
    await expect(
      callerFor(db, null).kiosk.unlock({ email: provider.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("asks a staff member with an authenticator for their code, and counts a wrong one", async () => {
    const admin = await createUser(db, "admin");
    const own = callerFor(db, admin, "198.51.100.32");
    const { secret } = await own.mfa.startEnrolment();
    const code = (steps = 0) =>
      new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
        timestamp: Date.now() + steps * 30_000,
      });
    await own.mfa.confirmEnrolment({ code: code(-1) });
    const s = station("198.51.100.32");
    const creds = { email: admin.email, password: TEST_PASSWORD };
    expect(await s.api.kiosk.unlock(creds)).toEqual({ status: "code" });
    expect(s.jar.token).toBeNull();
    await expect(s.api.kiosk.unlock({ ...creds, code: "000000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await audits("kiosk.unlock")).at(-1)).toMatchObject({
      outcome: "failure",
      details: { reason: "wrong_code" },
    });
    expect(await s.api.kiosk.unlock({ ...creds, code: code() })).toMatchObject({
      status: "unlocked",
    });
    expect(s.jar.token).not.toBeNull();
  });

  it("locks: the credential stops at once, audited; and so does a change of the staff member's password", async () => {
    const s = await unlocked("198.51.100.33");
    const token = s.jar.token;
    expect(await s.api.kiosk.lock()).toEqual({ locked: true });
    expect(s.jar.token).toBeNull();
    expect((await audits("kiosk.lock")).at(-1)).toMatchObject({
      outcome: "success",
      targetType: "kiosk_station",
    });
    // The same credential, kept by someone: refused.
    s.jar.token = token;
    await expect(
      s.api.kiosk.identify({ firstName: "A", lastName: "B", dateOfBirth: "1960-01-01" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    // A staff member whose password changes (or who is deactivated): their stations lock too.
    const nurse = await createUser(db, "provider");
    const other = station("198.51.100.33");
    await other.api.kiosk.unlock({ email: nurse.email, password: TEST_PASSWORD });
    expect(await verifyStation(db, other.jar.token)).not.toBeNull();
    await callerFor(db, nurse).account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: "Lantern harbor quietly 2931",
    });
    expect(await verifyStation(db, other.jar.token)).toBeNull();
  });
});

describe("a patient at the station", () => {
  it("without an unlocked station, nothing: not even with a staff member signed in", async () => {
    const input = { firstName: "Tilda", lastName: "Tapping", dateOfBirth: "1961-04-12" };
    for (const api of [callerFor(db, null), callerFor(db, provider), station().api]) {
      await expect(api.kiosk.identify(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(
        api.kiosk.answerCheckIn({
          token: "x",
          clientId: crypto.randomUUID(),
          pgic: "no_change",
        }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("identifies by name and date of birth, answers the due check-in once, with the channel kiosk", async () => {
    const p = await patient("Zoë O'Brien-Tapping", "1961-04-12");
    const s = await unlocked();
    const found = await s.api.kiosk.identify({
      firstName: "  zoe ",
      lastName: "obrien tapping",
      dateOfBirth: "1961-04-12",
    });
    expect(found).toMatchObject({
      step: "check_in",
      firstName: "Zoë",
      day: 14,
      name: "2-week",
      askPain: true,
    });
    if (found.step !== "check_in") throw new Error(found.step);
    const [grant] = await db
      .select()
      .from(checkInLinks)
      .where(eq(checkInLinks.tokenHash, await grantHashOf(s, found.token)));
    expect(grant).toMatchObject({ patientId: p.id, sentBy: "kiosk", checkInDay: 14 });
    expect(grant && grant.expiresAt.getTime() - grant.createdAt.getTime()).toBe(10 * 60_000);
    expect((await audits("kiosk.identify")).at(-1)).toMatchObject({
      outcome: "success",
      actor: null,
      patient: p.id,
      details: { task: "check_in" },
    });
    // The grant is not a one-tap link: /c/<token> refuses it.
    expect((await callerFor(db, null).checkInLink.open({ token: found.token })).state).toBe(
      "invalid",
    );

    const answer = {
      token: found.token,
      clientId: crypto.randomUUID(),
      pgic: "much_improved" as const,
      painAverage: 2,
      siteSoreness: false,
    };
    // Another unlocked station holding the same token: refused (the grant is this station's).
    const elsewhere = await unlocked("198.51.100.31");
    await expect(
      elsewhere.api.kiosk.answerCheckIn({ ...answer, clientId: crypto.randomUUID() }),
    ).rejects.toThrow("timed out on the station");
    expect((await audits("kiosk.answer")).at(-1)).toMatchObject({
      outcome: "failure",
      details: { reason: "unknown" },
    });
    expect(await s.api.kiosk.answerCheckIn(answer)).toEqual({ done: true });
    const [entry] = await db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, p.id), eq(diaryEntries.entryDate, today)));
    expect(entry).toMatchObject({
      pgic: "much_improved",
      checkInDay: 14,
      checkInChannel: "kiosk",
      painAverage: 2,
    });
    // Single use: the same grant again is refused, whatever is sent.
    await expect(
      s.api.kiosk.answerCheckIn({ ...answer, clientId: crypto.randomUUID(), pgic: "no_change" }),
    ).rejects.toThrow("timed out on the station");
    expect((await audits("kiosk.answer")).slice(-2)).toMatchObject([
      { outcome: "success", patient: p.id, details: { checkInDay: 14 } },
      { outcome: "failure", patient: p.id, details: { reason: "used" } },
    ]);
    // Now nothing is due: the same patient again is offered nothing (today's entry is in).
    expect(
      await s.api.kiosk.identify({
        firstName: "Zoe",
        lastName: "O'Brien-Tapping",
        dateOfBirth: "1961-04-12",
      }),
    ).toEqual({ step: "nothing", firstName: "Zoë" });
  });

  it("asks for the MRN's last 4 when two patients match, and only active patients count", async () => {
    const dob = "1970-07-07";
    const first = await patient("Sam Same", dob, { mrn: "MRN-00-1234" });
    await patient("Sam Same", dob, { mrn: "MRN-00-9876" });
    await patient("Sam Same", dob, { mrn: "MRN-00-5555", active: false });
    const s = await unlocked("198.51.100.40");
    const who = { firstName: "Sam", lastName: "Same", dateOfBirth: dob };
    expect(await s.api.kiosk.identify(who)).toEqual({ step: "mrn" });
    // The deactivated one's MRN: no match.
    await expect(s.api.kiosk.identify({ ...who, mrnLastFour: "5555" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fieldErrors: {
          mrnLastFour: ["Those are not the last 4 characters of your record number."],
        },
      },
    });
    const found = await s.api.kiosk.identify({ ...who, mrnLastFour: "1234" });
    expect(found).toMatchObject({ step: "check_in", firstName: "Sam" });
    expect((await audits("kiosk.identify")).at(-1)?.patient).toBe(first.id);
  });

  it("throttles wrong identities per station (then: ask the front desk), audited without what was typed", async () => {
    const p = await patient("Gus Guessed", "1975-01-23");
    const s = await unlocked("198.51.100.50");
    const before = (await audits("kiosk.identify_failed")).length;
    for (let i = 1; i < WRONG_IDENTITIES_ALLOWED; i++) {
      await expect(
        s.api.kiosk.identify({ firstName: "Gus", lastName: "Guessed", dateOfBirth: "1975-01-24" }),
      ).rejects.toThrow("We could not find you with that name and date of birth.");
    }
    await expect(
      s.api.kiosk.identify({ firstName: "Gustav", lastName: "Guessed", dateOfBirth: "1975-01-23" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: /ask the front desk/ });
    // Now even the right identity waits for the front desk, on this station.
    await expect(
      s.api.kiosk.identify({ firstName: "Gus", lastName: "Guessed", dateOfBirth: "1975-01-23" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another station is not held up by this one.
    const other = await unlocked("198.51.100.51");
    expect(
      await other.api.kiosk.identify({
        firstName: "Gus",
        lastName: "Guessed",
        dateOfBirth: "1975-01-23",
      }),
    ).toMatchObject({ step: "check_in" });

    const failed = (await audits("kiosk.identify_failed")).slice(before);
    expect(failed.map((f) => [f.outcome, f.details?.reason])).toEqual([
      ...Array.from({ length: WRONG_IDENTITIES_ALLOWED }, () => ["failure", "no_match"]),
      ["denied", "throttled"],
    ]);
    expect(failed.every((f) => f.patient === null)).toBe(true);
    const recorded = JSON.stringify(failed);
    for (const typed of ["Gus", "Gustav", "Guessed", "1975-01-2", p.id]) {
      expect(recorded).not.toContain(typed);
    }
  });

  it("offers today's entry when no check-in is open; its grant works once", async () => {
    const p = await patient("Eva Entry", "1980-02-02", { performedDaysAgo: 3 });
    const s = await unlocked("198.51.100.60");
    const found = await s.api.kiosk.identify({
      firstName: "eva",
      lastName: "ENTRY",
      dateOfBirth: "1980-02-02",
    });
    expect(found).toMatchObject({ step: "entry", firstName: "Eva", date: today });
    if (found.step !== "entry") throw new Error(found.step);
    // A check-in's answer cannot go through an entry's grant.
    await expect(
      s.api.kiosk.answerCheckIn({
        token: found.token,
        clientId: crypto.randomUUID(),
        pgic: "no_change",
      }),
    ).rejects.toThrow("timed out");
    const entry = {
      token: found.token,
      clientId: crypto.randomUUID(),
      painAverage: 4,
      enjoyment: 3,
      activity: 5,
      locations: ["lumbar" as const],
      siteSoreness: true,
    };
    // Where it hurts is asked when in pain (the diary's rule).
    await expect(s.api.kiosk.addEntry({ ...entry, locations: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await s.api.kiosk.addEntry(entry)).toEqual({ done: true });
    const [stored] = await db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, p.id), eq(diaryEntries.entryDate, today)));
    expect(stored).toMatchObject({ painAverage: 4, enjoyment: 3, activity: 5, pgic: null });
    await expect(s.api.kiosk.addEntry({ ...entry, clientId: crypto.randomUUID() })).rejects.toThrow(
      "timed out",
    );
    const kinds = await db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.patientId, p.id),
          inArray(auditEvents.action, ["kiosk.identify", "kiosk.entry", "diary.add"]),
        ),
      )
      .orderBy(auditEvents.seq);
    expect(kinds).toEqual([
      { action: "kiosk.identify", outcome: "success" },
      { action: "diary.add", outcome: "success" },
      { action: "kiosk.entry", outcome: "success" },
      { action: "kiosk.entry", outcome: "failure" },
    ]);
  });

  it("a grant the page let go of (Start again, the idle reset) ends at once, on its own station only", async () => {
    await patient("Rita Reset", "1971-07-07");
    const s = await unlocked("198.51.100.71");
    const other = await unlocked("198.51.100.72");
    const found = await s.api.kiosk.identify({
      firstName: "Rita",
      lastName: "Reset",
      dateOfBirth: "1971-07-07",
    });
    if (found.step !== "check_in") throw new Error(found.step);
    // Another station holding the token cannot end it.
    expect(await other.api.kiosk.release({ token: found.token })).toEqual({ released: true });
    const hash = await grantHashOf(s, found.token);
    const [kept] = await db.select().from(checkInLinks).where(eq(checkInLinks.tokenHash, hash));
    expect(kept?.endedAt).toBeNull();
    // Its own station's page ends it: the answer through it is refused, well before 10 minutes.
    expect(await s.api.kiosk.release({ token: found.token })).toEqual({ released: true });
    await expect(answerThrough(s, found.token)).rejects.toThrow("timed out");
    // Ending it again, or a token nobody holds, says nothing more.
    expect(await s.api.kiosk.release({ token: found.token })).toEqual({ released: true });
    expect(await s.api.kiosk.release({ token: "no-such-grant" })).toEqual({ released: true });
    // A locked station cannot call it at all.
    await s.api.kiosk.lock();
    await expect(s.api.kiosk.release({ token: found.token })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("a grant expires after 10 minutes and never leaves the station's page", async () => {
    await patient("Otto Late", "1966-06-06");
    const s = await unlocked("198.51.100.70");
    const found = await s.api.kiosk.identify({
      firstName: "Otto",
      lastName: "Late",
      dateOfBirth: "1966-06-06",
    });
    if (found.step !== "check_in") throw new Error(found.step);
    await db
      .update(checkInLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkInLinks.tokenHash, await grantHashOf(s, found.token)));
    await expect(answerThrough(s, found.token)).rejects.toThrow("timed out");
    // The token is nowhere in the audit trail.
    const [trail] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(sql`${auditEvents.details}::text like ${`%${found.token}%`}`);
    expect(trail?.n).toBe(0);
  });
});
