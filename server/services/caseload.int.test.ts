import { and, eq } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { auditEvents, diaryEntries, flagAcknowledgements } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays, type Quality, type Region } from "@/server/outcomes";
import {
  dailyEntries,
  insertEntries,
  insertProcedure,
  type TestEntry,
} from "@/server/testing/clinical";
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

/** mulberry32, so the "random" diaries are the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A varied diary: relief, recurrence, worsening, gaps, new places, burning, soreness, PGIC. */
function variedDiary(seed: number, days: number): TestEntry[] {
  const rand = random(seed);
  const shape = seed % 5;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const out: TestEntry[] = [];
  for (let day = 0; day <= days; day++) {
    if (rand() < 0.2) continue;
    const base =
      shape === 0
        ? 3
        : shape === 1
          ? day < days - 20
            ? 3
            : 7
          : shape === 2
            ? 8
            : shape === 3
              ? 5
              : 6;
    const locations: Region[] = rand() < 0.15 ? ["lumbar", pick(["hip", "knee"])] : ["lumbar"];
    const qualities: Quality[] =
      rand() < 0.1 ? ["aching", pick(["burning", "tingling"])] : ["aching"];
    out.push({
      day,
      pain: Math.max(0, Math.min(10, base + Math.floor(rand() * 3) - 1)),
      enjoyment: rand() < 0.1 ? null : Math.floor(rand() * 11),
      activity: Math.floor(rand() * 11),
      locations,
      qualities,
      siteSoreness: rand() < 0.2,
      pgic: [14, 42, 90].includes(day) ? pick(["much_improved", "no_change"] as const) : null,
    });
  }
  return out;
}

async function provider() {
  return createUser(db, "provider");
}

async function patientOf(p: Actor, name: string) {
  const patient = await createUser(db, "patient", { name });
  await assignPatient(db, p, patient);
  return patient;
}

describe("caseload", () => {
  it("agrees, patient by patient, with the review's full assessment (flags and acknowledgements too)", async () => {
    const me = await provider();
    const ids: string[] = [];
    for (let i = 0; i < 14; i++) {
      const patient = await patientOf(me, `Varied ${String(i).padStart(2, "0")}`);
      ids.push(patient.id);
      const daysAgo = [5, 12, 16, 25, 40, 75, 120, 200, 260, 370][i % 10] ?? 30;
      if (i % 7 === 3) {
        // an earlier procedure, whose diary must not count
        const old = await insertProcedure(db, patient, me, addDays(today, -daysAgo - 400));
        await insertEntries(
          db,
          old,
          dailyEntries(0, 30, () => 9),
        );
      }
      const procedure = await insertProcedure(db, patient, me, addDays(today, -daysAgo), {
        region: i % 2 ? "lumbar" : "knee",
        baselineQualities: i % 3 ? ["aching"] : ["aching", "burning"],
        baselineInterference: i % 4 ? 6 : null,
      });
      await insertEntries(db, procedure, variedDiary(i + 1, daysAgo));
      if (i % 4 === 1) {
        // a deleted entry does not count
        await db
          .update(diaryEntries)
          .set({ deletedAt: new Date() })
          .where(
            and(
              eq(diaryEntries.procedureId, procedure.id),
              eq(diaryEntries.entryDate, addDays(today, -1)),
            ),
          );
      }
      if (i % 3 === 2) {
        // flags reviewed a while ago: their episodes are judged day by day
        for (const code of [
          "NO_IMPROVEMENT",
          "PAIN_SHIFT",
          "DIARY_LAPSED",
          "WORSE_THAN_BASELINE",
        ]) {
          await db.insert(flagAcknowledgements).values({
            procedureId: procedure.id,
            patientId: patient.id,
            code,
            asOf: addDays(today, -(i % 9) - 1),
            acknowledgedBy: me.id,
          });
        }
      }
    }
    await patientOf(me, "Varied no procedure");
    const planned = await patientOf(me, "Varied planned");
    await insertProcedure(db, planned, me, addDays(today, 20));

    const api = callerFor(db, me);
    const list = await api.caseload.list({ pageSize: 100 });
    expect(list.caseloadSize).toBe(16);
    expect(list.rows.map((r) => r.patientId).sort()).toEqual(
      [
        ...ids,
        planned.id,
        list.rows.find((r) => r.name === "Varied no procedure")?.patientId,
      ].sort(),
    );
    let acknowledged = 0;
    for (const row of list.rows) {
      const review = await api.caseload.review({ patientId: row.patientId });
      const a = review.selected?.assessment ?? null;
      expect(row.category, row.name).toBe(a?.category ?? null);
      expect(row.day).toBe(a?.day ?? null);
      expect(row.phase).toBe(a?.phase ?? null);
      expect(row.success).toBe(a?.success ?? null);
      expect(row.currentPain).toBe(a?.currentPain ?? null);
      expect(row.reductionPct).toBe(a?.reductionPct ?? null);
      expect(row.lastEntryDate).toBe(a?.lastEntryDate ?? null);
      expect(row.overdueCheckIns).toEqual(
        a?.checkIns.filter((c) => c.status === "overdue").map((c) => c.day) ?? [],
      );
      expect(row.flags, row.name).toEqual(
        (review.selected?.flags ?? []).map((f) => ({
          code: f.code,
          severity: f.severity,
          sentence: f.sentence,
          acknowledged: f.acknowledged,
        })),
      );
      acknowledged += row.flags.filter((f) => f.acknowledged).length;
    }
    // the data exercises what it should
    expect(new Set(list.rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(6);
    expect(acknowledged).toBeGreaterThan(0);
    expect(list.rows.some((r) => r.flags.some((f) => f.code === "PAIN_SHIFT"))).toBe(true);
    expect(list.rows.some((r) => r.flags.some((f) => f.code === "NEW_NEUROPATHIC_SYMPTOMS"))).toBe(
      true,
    );
  });

  it("sorts by urgency, filters by category and flag, searches by name and pages", async () => {
    const me = await provider();
    const make = async (name: string, daysAgo: number, pain: number) => {
      const patient = await patientOf(me, name);
      const procedure = await insertProcedure(db, patient, me, addDays(today, -daysAgo), {
        baselinePain: 6,
      });
      await insertEntries(
        db,
        procedure,
        dailyEntries(0, daysAgo, (d) => (d < 3 ? 6 : pain)),
      );
      return patient;
    };
    const worse = await make("Wanda Worse", 30, 8); // WORSE_THAN_BASELINE (high) alone
    const same = await make("Sam Same", 30, 6); // NO_IMPROVEMENT (warning)
    const good = await make("Gina Good", 30, 2); // substantial, no flags
    const early = await make("Eddie Early", 5, 5); // too early
    const none = await patientOf(me, "Nora None");
    const api = callerFor(db, me);

    const all = await api.caseload.list({});
    // Needs review: a high flag, a warning, then no open flag by how long they waited (Gina's
    // day-14 check-in has been overdue since day 21, Nora joined today); then monitoring.
    expect(all.rows.map((r) => r.name)).toEqual([
      "Wanda Worse",
      "Sam Same",
      "Gina Good",
      "Nora None",
      "Eddie Early",
    ]);
    expect(all.counts.state).toEqual({ needs_review: 4, monitoring: 1 });
    expect(all.rows[0]).toMatchObject({ patientId: worse.id, urgency: "high", category: "worse" });
    expect(all.rows[1]).toMatchObject({ patientId: same.id, urgency: "warning" });
    expect(all.counts.category).toMatchObject({
      worse: 1,
      no_change: 1,
      substantial: 1,
      too_early: 1,
      no_procedure: 1,
    });
    expect(all.counts.flag).toMatchObject({ WORSE_THAN_BASELINE: 1, NO_IMPROVEMENT: 1 });

    expect(
      (await api.caseload.list({ category: "substantial" })).rows.map((r) => r.patientId),
    ).toEqual([good.id]);
    expect(
      (await api.caseload.list({ category: "no_procedure" })).rows.map((r) => r.patientId),
    ).toEqual([none.id]);
    expect(
      (await api.caseload.list({ flag: "NO_IMPROVEMENT" })).rows.map((r) => r.patientId),
    ).toEqual([same.id]);
    expect((await api.caseload.list({ search: "eDDie" })).rows.map((r) => r.patientId)).toEqual([
      early.id,
    ]);
    expect((await api.caseload.list({ search: "100%_" })).rows).toEqual([]);

    const page2 = await api.caseload.list({ page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Gina Good", "Nora None"]);
  });

  it("searches by name or MRN (whole, partial, any case) across every state, and the state counts follow the search", async () => {
    const me = await provider();
    const make = async (name: string, daysAgo: number, pain: number, mrn: string | null) => {
      const patient = await patientOf(me, name);
      await db.update(schema.users).set({ mrn }).where(eq(schema.users.id, patient.id));
      const procedure = await insertProcedure(db, patient, me, addDays(today, -daysAgo), {
        baselinePain: 6,
      });
      await insertEntries(
        db,
        procedure,
        dailyEntries(0, daysAgo, (d) => (d < 3 ? 6 : pain)),
      );
      return patient;
    };
    const worse = await make("Wanda Worse", 30, 8, "MRN-700845"); // needs review (a high flag)
    const rosa = await make("Rosa Early", 5, 5, "MRN-700912"); // monitoring (too early)
    const rosalind = await make("Rosalind Early", 5, 5, null); // monitoring, no MRN
    await patientOf(me, "Nora None"); // needs review (no procedure)
    const api = callerFor(db, me);
    const ids = async (input: Parameters<typeof api.caseload.list>[0]) =>
      (await api.caseload.list(input)).rows.map((r) => r.patientId);

    // The whole MRN, in any case; the row carries it.
    const byMrn = await api.caseload.list({ search: "MRN-700845" });
    expect(byMrn.rows.map((r) => [r.patientId, r.mrn])).toEqual([[worse.id, "MRN-700845"]]);
    expect(await ids({ search: "mrn-700845" })).toEqual([worse.id]);
    // A part of it: the digits alone, or its start.
    expect(await ids({ search: "700912" })).toEqual([rosa.id]);
    expect(await ids({ search: "MRN-7008" })).toEqual([worse.id]);
    expect(await ids({ search: "  700845 " })).toEqual([worse.id]);
    // Name and MRN together, from every state; a patient without an MRN is found by name.
    expect(await ids({ search: "700" })).toEqual([worse.id, rosa.id]);
    expect(await ids({ search: "rosa" })).toEqual([rosa.id, rosalind.id]);
    expect(await ids({ search: "MRN-999" })).toEqual([]);

    // The state counts are those of the search (and the other filters), not of the care team.
    const all = await api.caseload.list({});
    expect(all.counts.state).toEqual({ needs_review: 2, monitoring: 2 });
    expect((await api.caseload.list({ search: "700" })).counts.state).toEqual({
      needs_review: 1,
      monitoring: 1,
    });
    expect((await api.caseload.list({ search: "700", category: "worse" })).counts.state).toEqual({
      needs_review: 1,
    });
    // On a tab without a match, the counts say where the search's patients are.
    const elsewhere = await api.caseload.list({ search: "rosa", state: "needs_review" });
    expect(elsewhere).toMatchObject({ rows: [], total: 0, caseloadSize: 4 });
    expect(elsewhere.counts.state).toEqual({ monitoring: 2 });
    expect(await ids({ search: "rosa", state: "monitoring" })).toEqual([rosa.id, rosalind.id]);
    expect(await ids({ search: "MRN-700845", state: "monitoring" })).toEqual([]);
  });

  it("searches by email and by date of birth however it is typed, across every state, and counts per state", async () => {
    const me = await provider();
    const other = await provider();
    const make = async (
      name: string,
      daysAgo: number | null,
      identity: { email: string; dateOfBirth: string | null; mrn?: string },
    ) => {
      const patient = await patientOf(me, name);
      await db
        .update(schema.users)
        .set({ ...identity, mrn: identity.mrn ?? null })
        .where(eq(schema.users.id, patient.id));
      if (daysAgo !== null) {
        const procedure = await insertProcedure(db, patient, me, addDays(today, -daysAgo), {
          baselinePain: 6,
        });
        await insertEntries(
          db,
          procedure,
          dailyEntries(0, daysAgo, (d) => (d < 3 ? 6 : 8)),
        );
      }
      return patient;
    };
    // Needs review (a high flag), monitoring (too early), needs review (no procedure).
    const worse = await make("Walter Worse", 30, {
      email: "w.worse@search.test",
      dateOfBirth: "1958-01-31",
    });
    const early = await make("Edith Early", 5, {
      email: "edith@search.test",
      dateOfBirth: "1958-01-31",
    });
    const none = await make("Nils None", null, {
      email: "nils.n@elsewhere.test",
      dateOfBirth: "1962-04-03",
    });
    // Another provider's patient with the same date of birth and email domain: never found.
    const stranger = await createUser(db, "patient", { name: "Sam Stranger" });
    await db
      .update(schema.users)
      .set({ email: "sam@search.test", dateOfBirth: "1958-01-31" })
      .where(eq(schema.users.id, stranger.id));
    await assignPatient(db, other, stranger);

    const api = callerFor(db, me);
    const ids = async (search: string, state?: "needs_review" | "monitoring") =>
      (await api.caseload.list({ search, state })).rows.map((r) => r.patientId).sort();
    const sorted = (...xs: Actor[]) => xs.map((x) => x.id).sort();

    // Email: whole, a part, any case.
    expect(await ids("w.worse@search.test")).toEqual(sorted(worse));
    expect(await ids("EDITH@")).toEqual(sorted(early));
    expect(await ids("@search.test")).toEqual(sorted(worse, early));
    // Date of birth: as the clinic shows it, ISO, day first with slashes or dots, a short year,
    // month first; only the provider's own patients.
    for (const typed of [
      "31 Jan 1958",
      "31 January 1958",
      "1958-01-31",
      "31/01/1958",
      "31.1.58",
      "01/31/1958",
      "Jan 31, 1958",
    ])
      expect(await ids(typed), typed).toEqual(sorted(worse, early));
    // 03/04/1962 could be either; 3 Apr 1962 is Nils'.
    expect(await ids("03/04/1962")).toEqual(sorted(none));
    expect(await ids("3 Apr 1962")).toEqual(sorted(none));
    expect(await ids("1 Feb 1958")).toEqual([]);

    // Across every state: the tabs count the search's patients, whichever tab is open.
    const byDate = await api.caseload.list({ search: "31/01/1958", state: "monitoring" });
    expect(byDate.rows.map((r) => r.patientId)).toEqual([early.id]);
    expect(byDate.counts.state).toEqual({ needs_review: 1, monitoring: 1 });
    expect(byDate.caseloadSize).toBe(3);
    expect(await ids("31/01/1958", "needs_review")).toEqual(sorted(worse));
    const byEmail = await api.caseload.list({ search: "search.test" });
    expect(byEmail.total).toBe(2);
    expect(byEmail.counts.state).toEqual({ needs_review: 1, monitoring: 1 });
    expect((await api.caseload.list({ search: "nils.n@" })).counts.state).toEqual({
      needs_review: 1,
    });
    // The other provider finds their own patient and none of these.
    expect(
      (await callerFor(db, other).caseload.list({ search: "31 Jan 1958" })).rows.map(
        (r) => r.patientId,
      ),
    ).toEqual([stranger.id]);
  });

  it("shows only the provider's own care team; other patients are not found, and reads are audited", async () => {
    const me = await provider();
    const other = await provider();
    const mine = await patientOf(me, "Mine Only");
    const theirs = await patientOf(other, "Theirs Only");
    await insertProcedure(db, theirs, other, addDays(today, -20));
    const api = callerFor(db, me);

    const list = await api.caseload.list({});
    expect(list.rows.map((r) => r.patientId)).toEqual([mine.id]);
    await expect(api.caseload.review({ patientId: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.caseload.review({ patientId: me.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      api.caseload.review({ patientId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.caseload.list({ category: "nonsense" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(callerFor(db, mine).caseload.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // an admin reads a patient for support through an access opened with a reason (decision
    // 036); the read is audited
    const admin = await createUser(db, "admin");
    await expect(
      callerFor(db, admin).caseload.review({ patientId: theirs.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(db, admin).support.open({ patientId: theirs.id, reason: "Login trouble" });
    const review = await callerFor(db, admin).caseload.review({ patientId: theirs.id });
    expect(review).toMatchObject({ canManage: false, patient: { id: theirs.id } });
    const reads = await db.select().from(auditEvents).where(eq(auditEvents.actorId, admin.id));
    expect(reads).toContainEqual(
      expect.objectContaining({ action: "patient.read", patientId: theirs.id }),
    );
    await expect(callerFor(db, admin).caseload.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("runs the same number of queries for 2 patients as for 12", async () => {
    const counted = (): { db: Db; count: () => number } => {
      let n = 0;
      const options = {
        schema,
        casing: "snake_case" as const,
        logger: { logQuery: () => void n++ },
      };
      const client = (db as unknown as { $client: never }).$client;
      const counting =
        t.driver === "pglite"
          ? (drizzlePglite(client, options) as unknown as Db)
          : drizzlePostgres(client, options);
      return { db: counting, count: () => n };
    };
    const queriesFor = async (patients: number) => {
      const me = await provider();
      for (let i = 0; i < patients; i++) {
        const patient = await patientOf(me, `Count ${i}`);
        const procedure = await insertProcedure(db, patient, me, addDays(today, -40));
        await insertEntries(
          db,
          procedure,
          dailyEntries(0, 40, () => 5),
        );
      }
      const c = counted();
      await callerFor(c.db, me).caseload.list({});
      return c.count();
    };
    const small = await queriesFor(2);
    expect(await queriesFor(12)).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });
});
