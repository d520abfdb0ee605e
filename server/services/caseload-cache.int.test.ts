// The caseload's assessment cache (docs/decisions/008-caseload-assessment-cache.md): every write
// path raises the procedure's data_version, and the caseload never shows an assessment older than
// the data, the clinic's criteria or the day. Each case reads the caseload first (which stores the
// assessments), writes, and reads again: with a cache that is not invalidated, the second read
// would show the first one's assessment.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { assessmentCache, diaryEntries, flagAcknowledgements, procedures } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { log } from "@/server/log";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { ASSESSMENT_VERSION } from "./assessments";
import { type CaseloadRow, caseload } from "./caseload";
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

/** A provider with one patient: a procedure 40 days ago, baseline 6, daily pain up to yesterday. */
async function team(name: string, pain: (day: number) => number = () => 4) {
  const provider = await createUser(db, "provider");
  const patient = await createUser(db, "patient", { name });
  await assignPatient(db, provider, patient);
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -40), {
    baselinePain: 6,
  });
  await insertEntries(db, procedure, dailyEntries(0, 39, pain));
  return { provider, patient, procedure };
}

async function rowOf(provider: Actor, patientId: string): Promise<CaseloadRow> {
  const list = await callerFor(db, provider).caseload.list({ pageSize: 100 });
  const row = list.rows.find((r) => r.patientId === patientId);
  if (!row) throw new Error("patient not in the caseload");
  return row;
}

/** The caseload row says what the review's full assessment (never cached) says. */
async function expectCurrent(provider: Actor, row: CaseloadRow) {
  const review = await callerFor(db, provider).caseload.review({ patientId: row.patientId });
  const a = review.selected?.assessment;
  expect(row).toMatchObject({
    category: a?.category,
    day: a?.day,
    success: a?.success,
    baselinePain: a?.baselinePain,
    currentPain: a?.currentPain,
    reductionPct: a?.reductionPct,
    lastEntryDate: a?.lastEntryDate,
  });
  expect(row.flags).toEqual(
    (review.selected?.flags ?? []).map((f) => ({
      code: f.code,
      severity: f.severity,
      sentence: f.sentence,
      acknowledged: f.acknowledged,
    })),
  );
}

async function dataVersion(procedureId: string) {
  const [row] = await db
    .select({ v: procedures.dataVersion })
    .from(procedures)
    .where(eq(procedures.id, procedureId));
  if (!row) throw new Error("no procedure");
  return row.v;
}

const entryFields = (pain: number) => ({
  painAverage: pain,
  enjoyment: pain,
  activity: pain,
  locations: ["lumbar" as const],
  qualities: ["aching" as const],
  siteSoreness: false,
});

describe("procedures.data_version", () => {
  it("is raised by every write that can change an assessment, on any code path", async () => {
    const { provider, patient, procedure } = await team("Version Writes");
    const other = await insertProcedure(db, patient, provider, addDays(today, -400));
    const raised = async (id: string, write: () => Promise<unknown>) => {
      const before = await dataVersion(id);
      await write();
      return (await dataVersion(id)) > before;
    };
    const entry = (day: number) => ({
      patientId: patient.id,
      procedureId: procedure.id,
      clientId: randomUUID(),
      entryDate: addDays(today, -day),
      painAverage: 5,
    });
    const [fresh] = await db.insert(diaryEntries).values(entry(80)).returning();
    if (!fresh) throw new Error("no entry");

    expect(await raised(procedure.id, () => db.insert(diaryEntries).values(entry(81)))).toBe(true);
    expect(
      await raised(procedure.id, () =>
        db.update(diaryEntries).set({ painAverage: 6 }).where(eq(diaryEntries.id, fresh.id)),
      ),
    ).toBe(true);
    expect(
      await raised(procedure.id, () =>
        db.update(diaryEntries).set({ deletedAt: new Date() }).where(eq(diaryEntries.id, fresh.id)),
      ),
    ).toBe(true);
    // moved to another procedure: both are raised
    const otherBefore = await dataVersion(other.id);
    expect(
      await raised(procedure.id, () =>
        db.update(diaryEntries).set({ procedureId: other.id }).where(eq(diaryEntries.id, fresh.id)),
      ),
    ).toBe(true);
    expect(await dataVersion(other.id)).toBeGreaterThan(otherBefore);
    expect(
      await raised(other.id, () => db.delete(diaryEntries).where(eq(diaryEntries.id, fresh.id))),
    ).toBe(true);

    const ack = {
      procedureId: procedure.id,
      patientId: patient.id,
      code: "NO_IMPROVEMENT",
      asOf: today,
      acknowledgedBy: provider.id,
    };
    expect(await raised(procedure.id, () => db.insert(flagAcknowledgements).values(ack))).toBe(
      true,
    );
    const ackOf = eq(flagAcknowledgements.procedureId, procedure.id);
    expect(
      await raised(procedure.id, () =>
        db.update(flagAcknowledgements).set({ note: "edited" }).where(ackOf),
      ),
    ).toBe(true);
    expect(await raised(procedure.id, () => db.delete(flagAcknowledgements).where(ackOf))).toBe(
      true,
    );

    // the procedure's own row, whatever changes (or nothing does)
    const own = eq(procedures.id, procedure.id);
    expect(
      await raised(procedure.id, () => db.update(procedures).set({ baselinePain: 7 }).where(own)),
    ).toBe(true);
    expect(
      await raised(procedure.id, () => db.update(procedures).set({ notes: sql`notes` }).where(own)),
    ).toBe(true);
    // a set-based write raises each procedure it touches
    await insertEntries(db, other, [{ day: 0, pain: 5 }]);
    const both = [procedure.id, other.id];
    const before = await Promise.all(both.map(dataVersion));
    await db
      .update(diaryEntries)
      .set({ note: "bulk" })
      .where(inArray(diaryEntries.procedureId, both));
    const after = await Promise.all(both.map(dataVersion));
    expect(after.every((v, i) => v > (before[i] ?? v))).toBe(true);

    // writes elsewhere leave it alone
    const unrelated = await team("Version Unrelated");
    const mine = await dataVersion(procedure.id);
    await insertEntries(db, unrelated.procedure, [{ day: 40, pain: 3 }]);
    await db
      .update(procedures)
      .set({ notes: "x" })
      .where(eq(procedures.id, unrelated.procedure.id));
    expect(await dataVersion(procedure.id)).toBe(mine);
  });
});

describe("caseload assessment cache", () => {
  it("serves the stored assessment while its key holds, and stores one row per procedure", async () => {
    const { provider, patient, procedure } = await team("Cache Served");
    const first = await rowOf(provider, patient.id);
    const [stored] = await db
      .select()
      .from(assessmentCache)
      .where(
        and(eq(assessmentCache.procedureId, procedure.id), eq(assessmentCache.kind, "caseload")),
      );
    expect(stored).toMatchObject({
      dataVersion: await dataVersion(procedure.id),
      asOf: today,
      criteria: "strict",
      engineVersion: ASSESSMENT_VERSION,
    });
    // a row changed behind the caseload's back is what it shows: the cache is really read, so
    // the cases below would fail if it were not invalidated
    await db
      .update(assessmentCache)
      .set({ value: sql`jsonb_set(value, '{currentPain}', '9.5')` })
      .where(
        and(eq(assessmentCache.procedureId, procedure.id), eq(assessmentCache.kind, "caseload")),
      );
    expect((await rowOf(provider, patient.id)).currentPain).toBe(9.5);
    // another engine version is not valid
    await db
      .update(assessmentCache)
      .set({ engineVersion: ASSESSMENT_VERSION + 1 })
      .where(
        and(eq(assessmentCache.procedureId, procedure.id), eq(assessmentCache.kind, "caseload")),
      );
    expect(await rowOf(provider, patient.id)).toEqual(first);
  });

  it("shows a diary entry added and corrected by the patient", async () => {
    const { provider, patient } = await team("Cache Diary");
    const before = await rowOf(provider, patient.id);
    expect(before.lastEntryDate).toBe(addDays(today, -1));

    const { entry } = await callerFor(db, patient).diary.add({
      clientId: randomUUID(),
      entryDate: today,
      ...entryFields(9),
    });
    const added = await rowOf(provider, patient.id);
    expect(added.lastEntryDate).toBe(today);
    expect(added.currentPain).not.toBe(before.currentPain);
    await expectCurrent(provider, added);

    await callerFor(db, patient).diary.correct({ id: entry.id, version: 1, ...entryFields(1) });
    const corrected = await rowOf(provider, patient.id);
    expect(corrected.currentPain).not.toBe(added.currentPain);
    await expectCurrent(provider, corrected);
  });

  it("shows a procedure edit", async () => {
    const { provider, patient, procedure } = await team("Cache Procedure");
    const before = await rowOf(provider, patient.id);
    expect(before).toMatchObject({ baselinePain: 6, category: "moderate" });
    const { id, version, performedOn, target, baselineInterference, notes } = procedure;
    await callerFor(db, provider).procedure.update({
      id,
      version,
      performedOn,
      modality: "radiofrequency",
      region: "lumbar",
      side: "bilateral",
      target,
      baselinePain: 9,
      baselineInterference,
      baselineLocations: ["lumbar"],
      baselineQualities: ["aching"],
      blockReliefPct: null,
      notes,
    });
    const after = await rowOf(provider, patient.id);
    expect(after).toMatchObject({ baselinePain: 9, category: "substantial" });
    await expectCurrent(provider, after);
  });

  it("shows a flag acknowledgement", async () => {
    const { provider, patient, procedure } = await team("Cache Ack", () => 8);
    const before = await rowOf(provider, patient.id);
    expect(before.urgency).toBe("high");
    await callerFor(db, provider).caseload.acknowledgeFlag({
      procedureId: procedure.id,
      code: "WORSE_THAN_BASELINE",
      note: "",
    });
    const after = await rowOf(provider, patient.id);
    expect(after.flags.find((f) => f.code === "WORSE_THAN_BASELINE")?.acknowledged).toBe(true);
    expect(after.urgency).toBeNull(); // the reviewed flag was the only one
    await expectCurrent(provider, after);
  });

  it("shows the clinic's success criteria as soon as an admin changes them", async () => {
    const { provider, patient } = await team("Cache Criteria"); // 6 -> 4: moderate
    const admin = await createUser(db, "admin");
    const settings = (successCriteria: "strict" | "lenient") =>
      callerFor(db, admin).settings.update({ successCriteria, timeZone: null });
    expect(await rowOf(provider, patient.id)).toMatchObject({
      category: "moderate",
      success: false,
    });
    await settings("lenient");
    try {
      const lenient = await rowOf(provider, patient.id);
      expect(lenient.success).toBe(true);
      await expectCurrent(provider, lenient);
    } finally {
      await settings("strict");
    }
    expect((await rowOf(provider, patient.id)).success).toBe(false);
  });

  it("assesses again when the day changes", async () => {
    const { provider, patient } = await team("Cache Day", () => 8);
    const input = { page: 1, pageSize: 100 };
    const rowOn = async (now: Date) =>
      (await caseload(db, provider, input, { now })).rows.find((r) => r.patientId === patient.id);
    const now = new Date();
    const todayRow = await rowOn(now);
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const tomorrowRow = await rowOn(tomorrow);
    expect(tomorrowRow?.day).toBe((todayRow?.day ?? 0) + 1);
    expect(tomorrowRow?.flags.map((f) => f.sentence)).not.toEqual(
      todayRow?.flags.map((f) => f.sentence),
    );
    // and back (a time zone moved the clinic's day back): today's assessment again
    expect(await rowOn(now)).toEqual(todayRow);
  });

  it("reads no diary when every assessment is stored, and a fixed number of queries when not", async () => {
    const { provider } = await team("Cache Queries");
    const client = (db as unknown as { $client: never }).$client;
    let n = 0;
    const options = { schema, casing: "snake_case" as const, logger: { logQuery: () => void n++ } };
    const counting =
      t.driver === "pglite"
        ? (drizzlePglite(client, options) as unknown as Db)
        : drizzlePostgres(client, options);
    const count = async () => {
      n = 0;
      await callerFor(counting, provider).caseload.list({});
      return n;
    };
    const cold = await count();
    const warm = await count();
    expect(warm).toBeLessThan(cold);
    expect(warm).toBeLessThanOrEqual(4); // settings, care team with the cache, plans, audit
  });

  it("takes concurrent requests, and writes racing with them, in its stride", async () => {
    const warn = vi.spyOn(log, "warn");
    const provider = await createUser(db, "provider");
    const patients = [];
    for (let i = 0; i < 8; i++) {
      const patient = await createUser(db, "patient", { name: `Cache Race ${i}` });
      await assignPatient(db, provider, patient);
      const procedure = await insertProcedure(db, patient, provider, addDays(today, -40), {
        baselinePain: 6,
      });
      await insertEntries(
        db,
        procedure,
        dailyEntries(0, 39, (d) => (d + i) % 9),
      );
      patients.push({ patient, procedure });
    }
    const api = callerFor(db, provider);
    const lists = await Promise.all(Array.from({ length: 6 }, () => api.caseload.list({})));
    for (const list of lists) expect(list.rows).toEqual(lists[0]?.rows);

    // requests while patients write their diaries
    await Promise.all([
      ...patients.slice(0, 4).map(({ patient }) =>
        callerFor(db, patient).diary.add({
          clientId: randomUUID(),
          entryDate: today,
          ...entryFields(10),
        }),
      ),
      api.caseload.list({}),
      api.caseload.list({}),
    ]);
    const list = await api.caseload.list({ pageSize: 100 });
    for (const row of list.rows) await expectCurrent(provider, row);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();

    // one valid row per procedure now
    const ids = patients.map((p) => p.procedure.id);
    const rows = await db
      .select({ id: assessmentCache.procedureId })
      .from(assessmentCache)
      .innerJoin(procedures, eq(procedures.id, assessmentCache.procedureId))
      .where(
        and(
          inArray(assessmentCache.procedureId, ids),
          eq(assessmentCache.kind, "caseload"),
          eq(assessmentCache.dataVersion, procedures.dataVersion),
          eq(assessmentCache.asOf, today),
        ),
      );
    expect(rows).toHaveLength(ids.length);
  });
});
