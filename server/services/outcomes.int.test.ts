// The cohort rules of docs/decisions/017-outcome-statistics.md through the outcomes procedure,
// table-driven: which procedures are evaluable at each milestone, which enter the durability curve,
// event or censored, and at what time; the care-team scope; repeats paired across the date range;
// decisions after a failure; the cache; the aggregate audit.
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { assessmentCache, auditEvents, decisions, diaryEntries, procedures } from "@/db/schema";
import type { Milestone } from "@/server/analytics";
import type { Actor } from "@/server/authz/policy";
import { addDays, type Category } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { refreshOutcomeCache } from "./outcomes";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;
let admin: Actor;
let providerA: Actor;
let providerB: Actor;

/** Each case is recorded for COPIES patients with the same diary, so every figure is estimated. */
const COPIES = 5;

type Expect = {
  milestones: Record<Milestone, [Category, boolean] | null>;
  /** In the durability curve: [time, event]; null: not in it. */
  relief: [number, boolean] | null;
};
type Case = {
  name: string;
  daysAgo: number;
  pain: (day: number) => number;
  /** Diary days (inclusive). */
  days: [number, number];
  provider: "A" | "B";
  expect: Expect;
};

// Baseline pain 7, baseline interference 6 (server/testing/clinical.ts); interference follows pain.
const cases: Case[] = [
  {
    name: "lasting relief, diary kept to today",
    daysAgo: 200,
    pain: (d) => (d < 10 ? 6 : 3),
    days: [0, 200],
    provider: "A",
    expect: {
      milestones: {
        42: ["substantial", true],
        90: ["substantial", true],
        180: ["substantial", true],
      },
      relief: [200, false],
    },
  },
  {
    // Pain back from day 121: the last 7-day window with relief ends on day 123 (4 of 7 entries
    // still at 3), so relief lasted 123 days, and the recurrence is an event.
    name: "recurrence after four months",
    daysAgo: 210,
    pain: (d) => (d < 10 ? 6 : d <= 120 ? 3 : 7),
    days: [0, 210],
    provider: "A",
    expect: {
      milestones: {
        42: ["substantial", true],
        90: ["substantial", true],
        180: ["recurrence", false],
      },
      relief: [123, true],
    },
  },
  {
    name: "diary stopped at six weeks: not evaluable at 3 months, censored at 42 days",
    daysAgo: 100,
    pain: (d) => (d < 10 ? 6 : 3),
    days: [0, 42],
    provider: "A",
    expect: {
      milestones: { 42: ["substantial", true], 90: ["insufficient_data", false], 180: null },
      relief: [42, false],
    },
  },
  {
    name: "no relief: evaluable, not a success, not in the curve",
    daysAgo: 60,
    pain: () => 7,
    days: [0, 60],
    provider: "A",
    expect: { milestones: { 42: ["no_change", false], 90: null, 180: null }, relief: null },
  },
  {
    name: "too recent for any milestone, relief so far",
    daysAgo: 20,
    pain: (d) => (d < 10 ? 6 : 3),
    days: [0, 20],
    provider: "A",
    expect: { milestones: { 42: null, 90: null, 180: null }, relief: [20, false] },
  },
  {
    name: "worse, on another provider's care team",
    daysAgo: 95,
    pain: () => 8,
    days: [0, 95],
    provider: "B",
    expect: { milestones: { 42: ["worse", false], 90: ["worse", false], 180: null }, relief: null },
  },
];

/** The first procedures of the repeat case: no relief, then the diary moved to the repeat. */
const FIRST_DAYS_AGO = 150;
const REPEAT_DAYS_AGO = 50;
let firstIds: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  [admin, providerA, providerB] = await Promise.all([
    createUser(db, "admin"),
    createUser(db, "provider", { name: "Dr Ada A" }),
    createUser(db, "provider", { name: "Dr Ben B" }),
  ]);
  for (const c of cases) {
    const provider = c.provider === "A" ? providerA : providerB;
    for (let i = 0; i < COPIES; i++) {
      const patient = await createUser(db, "patient");
      await assignPatient(db, provider, patient);
      const p = await insertProcedure(db, patient, provider, addDays(today, -c.daysAgo));
      await insertEntries(db, p, dailyEntries(c.days[0], c.days[1], c.pain));
    }
  }
  // Repeats: a first procedure with no relief for 100 days, then a repeat with relief.
  for (let i = 0; i < COPIES; i++) {
    const patient = await createUser(db, "patient");
    await assignPatient(db, providerA, patient);
    const first = await insertProcedure(db, patient, providerA, addDays(today, -FIRST_DAYS_AGO), {
      modality: "cryoablation",
    });
    await insertEntries(
      db,
      first,
      dailyEntries(0, 99, () => 7),
    );
    const repeat = await insertProcedure(db, patient, providerA, addDays(today, -REPEAT_DAYS_AGO), {
      modality: "cryoablation",
      repeatsProcedureId: first.id,
    });
    await insertEntries(
      db,
      repeat,
      dailyEntries(0, REPEAT_DAYS_AGO, (d) => (d < 10 ? 6 : 3)),
    );
    firstIds.push(first.id);
    // The decision on the first: amended once (only the amendment counts).
    const [original] = await db
      .insert(decisions)
      .values({
        patientId: patient.id,
        procedureId: first.id,
        providerId: providerA.id,
        strategies: [{ strategy: "physical_therapy", note: "" }],
        suspectedFactors: ["inaccurate_diagnosis"],
        assessmentSnapshot: {},
      })
      .returning({ id: decisions.id });
    await db.insert(decisions).values({
      patientId: patient.id,
      procedureId: first.id,
      providerId: providerA.id,
      strategies: [
        { strategy: "repeat_ablation", note: "" },
        { strategy: "medication_adjustment", note: "" },
      ],
      suspectedFactors: ["incomplete_ablation"],
      assessmentSnapshot: {},
      supersedesId: original?.id ?? null,
    });
  }
  // Not counted anywhere: a deleted procedure and a planned one.
  const patient = await createUser(db, "patient");
  await assignPatient(db, providerA, patient);
  const deleted = await insertProcedure(db, patient, providerA, addDays(today, -200));
  await db
    .update(procedures)
    .set({ deletedAt: new Date(), deletedBy: providerA.id })
    .where(eq(procedures.id, deleted.id));
  await insertProcedure(db, patient, providerA, addDays(today, 10));
  firstIds = firstIds.sort();
});
afterAll(async () => {
  await t?.close();
});

const report = (actor: Actor, input: Record<string, unknown> = {}) =>
  callerFor(db, actor).outcomes.report({ groupBy: "modality", ...input });
const on = (daysAgo: number) => ({ from: addDays(today, -daysAgo), to: addDays(today, -daysAgo) });

describe("clinic outcomes: the cohort rules of docs/decisions/017-outcome-statistics.md", () => {
  it.each(cases)("$name", async (c) => {
    const viewer = c.provider === "A" ? providerA : providerB;
    const { report: r } = await report(viewer, on(c.daysAgo));
    expect(r.procedures).toBe(COPIES);
    for (const m of r.milestones) {
      const [group] = m.groups;
      const expected = c.expect.milestones[m.day];
      if (!expected) {
        expect(group?.reached, `day ${m.day}`).toBe(0);
        continue;
      }
      const [category, success] = expected;
      const evaluable = category !== "insufficient_data" && category !== "too_early";
      expect(group, `day ${m.day}`).toMatchObject({
        reached: COPIES,
        evaluable: evaluable ? COPIES : 0,
        notEvaluable: evaluable ? 0 : COPIES,
        successes: success ? COPIES : 0,
      });
      expect(group?.categories[category]).toBe(COPIES);
      expect(group?.rate?.estimate ?? null).toBe(evaluable ? (success ? 1 : 0) : null);
    }
    const [curve] = r.durability.groups;
    if (!c.expect.relief) {
      expect(curve).toMatchObject({ n: 0, curve: null });
      return;
    }
    const [time, event] = c.expect.relief;
    expect(curve).toMatchObject({
      n: COPIES,
      events: event ? COPIES : 0,
      censored: event ? 0 : COPIES,
    });
    expect(curve?.curve?.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [time, COPIES, event ? COPIES : 0, event ? 0 : COPIES, event ? 0 : 1],
    ]);
  });

  it("scopes a provider to their care team; an admin sees the clinic", async () => {
    const a = await report(providerA);
    const b = await report(providerB);
    const clinic = await report(admin);
    const inA = cases.filter((c) => c.provider === "A").length * COPIES + 2 * COPIES;
    expect(a.report.procedures).toBe(inA);
    expect(b.report.procedures).toBe(COPIES);
    expect(clinic.report.procedures).toBe(inA + COPIES);
    expect(a.scope).toBe("care_team");
    expect(clinic.scope).toBe("clinic");
    // The worse case is only on provider B's care team.
    expect((await report(providerA, on(95))).report.procedures).toBe(0);
    // A provider with nobody on their care team gets an empty report, not an error.
    const empty = await report(await createUser(db, "provider"));
    expect(empty.report).toMatchObject({ procedures: 0, groups: [] });
  });

  it("groups by modality, region or the provider who performed the procedure, and filters", async () => {
    const byModality = await report(admin);
    expect(byModality.report.groups.map((g) => [g.label, g.procedures])).toEqual([
      ["Cryoablation (cold)", 2 * COPIES],
      ["Radiofrequency (heat)", 6 * COPIES],
    ]);
    const byProvider = await report(admin, { groupBy: "provider" });
    expect(byProvider.report.groups.map((g) => [g.label, g.procedures])).toEqual([
      ["Dr Ada A", 7 * COPIES],
      ["Dr Ben B", COPIES],
    ]);
    expect(byProvider.providers.map((p) => p.label)).toEqual(["Dr Ada A", "Dr Ben B"]);
    const onlyB = await report(admin, { providerId: providerB.id, groupBy: "region" });
    expect(onlyB.report.groups).toEqual([
      { key: "lumbar", label: "Lumbar spine", procedures: COPIES },
    ]);
    expect((await report(admin, { modality: "cryoablation" })).report.procedures).toBe(2 * COPIES);
    expect((await report(admin, { region: "knee" })).report.procedures).toBe(0);
    expect(
      (await report(admin, { from: addDays(today, -100), to: addDays(today, -20) })).report
        .procedures,
    ).toBe(5 * COPIES); // 100, 95, 60, 50 and 20 days ago: both ends included

    // "By provider" is who performed the procedure, not who last wrote it.
    await db
      .update(procedures)
      .set({ performedBy: providerB.id })
      .where(eq(procedures.recordedBy, providerA.id));
    const byPerformer = await report(admin, { groupBy: "provider" });
    expect(byPerformer.report.groups.map((g) => [g.label, g.procedures])).toEqual([
      ["Dr Ben B", 8 * COPIES],
    ]);
    await db
      .update(procedures)
      .set({ performedBy: providerA.id })
      .where(eq(procedures.recordedBy, providerA.id));
  });

  it("pairs a repeat with the procedure it repeats, even when that one is outside the dates", async () => {
    const { report: r } = await report(providerA, on(REPEAT_DAYS_AGO));
    expect(r.procedures).toBe(COPIES);
    expect(r.repeats.total).toBe(COPIES);
    // The first never showed relief (0%); the repeat peaked at 3 of a baseline of 7 (57.1%).
    expect(
      r.repeats.pairs.map((p) => [p.earlierPeakPct, Math.round(p.repeatPeakPct * 10) / 10]),
    ).toEqual(Array.from({ length: COPIES }, () => [0, 57.1]));
    expect(r.repeats.difference?.mean).toBeCloseTo(400 / 7, 9);
  });

  it("counts what the current decisions recorded for procedures that are not a success", async () => {
    // The first procedures: no diary since the repeat, so insufficient data today, not a success.
    const { report: r } = await report(providerA, on(FIRST_DAYS_AGO));
    const [group] = r.afterFailure;
    expect(group).toMatchObject({ notSuccess: COPIES, decided: COPIES });
    expect(group?.strategies).toMatchObject({
      repeat_ablation: COPIES,
      medication_adjustment: COPIES,
      physical_therapy: 0,
    });
    expect(group?.factors).toMatchObject({ incomplete_ablation: COPIES, inaccurate_diagnosis: 0 });

    // Each count opens its patients (issue 23), in the same scope.
    const cell = { ...on(FIRST_DAYS_AGO), groupBy: "modality" as const, group: group?.key ?? "" };
    const members = await callerFor(db, providerA).outcomes.members({
      ...cell,
      cell: "strategy:repeat_ablation",
    });
    expect(members).toHaveLength(COPIES);
    expect(members.every((m) => m.performedOn === addDays(today, -FIRST_DAYS_AGO))).toBe(true);
    expect(
      await callerFor(db, providerA).outcomes.members({
        ...cell,
        cell: "strategy:physical_therapy",
      }),
    ).toEqual([]);
    const repeats = await callerFor(db, providerA).outcomes.members({
      ...on(REPEAT_DAYS_AGO),
      cell: "repeats",
      group: "",
    });
    expect(repeats).toHaveLength(COPIES);
    // Another provider's care team: none of these patients.
    expect(
      await callerFor(db, providerB).outcomes.members({ ...cell, cell: "not_success" }),
    ).toEqual([]);
    await expect(
      callerFor(db, providerA).outcomes.members({ ...cell, cell: "'; drop table users" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("serves outcomes from the cache and assesses again after a diary changes", async () => {
    const first = await report(providerA, on(100));
    const cached = await db
      .select()
      .from(assessmentCache)
      .where(eq(assessmentCache.kind, "outcome"));
    expect(cached.length).toBeGreaterThan(0);
    expect(await report(providerA, on(100))).toEqual(first);
    // One of the six-week diaries goes on to day 90 with relief: evaluable and a success at 90.
    const [p] = await db
      .select()
      .from(procedures)
      .where(
        and(
          eq(procedures.performedOn, addDays(today, -100)),
          eq(procedures.recordedBy, providerA.id),
        ),
      )
      .limit(1);
    if (!p) throw new Error("no procedure");
    await insertEntries(
      db,
      p,
      dailyEntries(84, 90, () => 3),
    );
    const after = await report(providerA, on(100));
    const at90 = after.report.milestones.find((m) => m.day === 90)?.groups[0];
    expect(at90).toMatchObject({ evaluable: 1, successes: 1, notEvaluable: COPIES - 1 });
    await db
      .delete(diaryEntries)
      .where(
        and(
          eq(diaryEntries.procedureId, p.id),
          eq(diaryEntries.entryDate, addDays(p.performedOn, 90)),
        ),
      );
  });

  it("the refresh job fills the cache for the whole clinic, so that the next read assesses nothing", async () => {
    await db.delete(assessmentCache).where(eq(assessmentCache.kind, "outcome"));
    const first = await refreshOutcomeCache(db);
    expect(first.asOf).toBe(today);
    // Every procedure performed to date (not the deleted one, not the planned one).
    const live = await db
      .select({ id: procedures.id })
      .from(procedures)
      .where(isNull(procedures.deletedAt));
    expect(first.assessed).toBe(live.length - 1);
    const stored = await db
      .select()
      .from(assessmentCache)
      .where(eq(assessmentCache.kind, "outcome"));
    expect(stored).toHaveLength(first.assessed);
    expect((await refreshOutcomeCache(db)).assessed).toBe(0);
    const before = stored.map((r) => r.computedAt.getTime()).sort();
    await report(admin);
    const after = (
      await db.select().from(assessmentCache).where(eq(assessmentCache.kind, "outcome"))
    )
      .map((r) => r.computedAt.getTime())
      .sort();
    expect(after).toEqual(before);
  });

  it("audits each read as an aggregate, with the filters and no patient", async () => {
    await report(providerA, { groupBy: "region", modality: "cryoablation" });
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "outcomes.read"), eq(auditEvents.actorId, providerA.id)))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    expect(row).toMatchObject({ patientId: null, targetType: "care_team", outcome: "success" });
    expect(row?.details).toMatchObject({
      groupBy: "region",
      modality: "cryoablation",
      procedures: 2 * COPIES,
    });
    expect(JSON.stringify(row?.details)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("refuses a date range that ends before it starts", async () => {
    await expect(report(admin, { from: today, to: addDays(today, -1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("groups by technique (radiofrequency by its variant) and by target set, with the same statistics", async () => {
    // Lasting relief with cooled RF, recurrence with conventional RF, both at L4 and L5 (listed in
    // either order); the other radiofrequency procedures have no technique recorded.
    const technique = async (daysAgo: number, set: Partial<typeof procedures.$inferInsert>) =>
      db
        .update(procedures)
        .set(set)
        .where(eq(procedures.performedOn, addDays(today, -daysAgo)));
    await technique(200, {
      rfVariant: "cooled",
      targets: ["medial_branch:L4", "medial_branch:L5"],
    });
    await technique(210, {
      rfVariant: "conventional",
      targets: ["medial_branch:L5", "medial_branch:L4"],
    });

    const byTechnique = await report(admin, { groupBy: "technique" });
    expect(byTechnique.report.groups.map((g) => [g.key, g.label, g.procedures])).toEqual([
      ["radiofrequency:conventional", "Conventional RF", COPIES],
      ["radiofrequency:cooled", "Cooled RF", COPIES],
      ["cryoablation", "Cryoablation (cold)", 2 * COPIES],
      ["radiofrequency", "RF, variant not recorded", 4 * COPIES],
    ]);
    const curve = (label: string) =>
      byTechnique.report.durability.groups.find((g) => g.label === label);
    expect(curve("Cooled RF")).toMatchObject({ n: COPIES, events: 0, censored: COPIES });
    expect(curve("Conventional RF")).toMatchObject({ n: COPIES, events: COPIES, censored: 0 });
    const at180 = byTechnique.report.milestones.find((m) => m.day === 180)?.groups;
    expect(at180?.find((g) => g.label === "Cooled RF")).toMatchObject({ successes: COPIES });
    expect(at180?.find((g) => g.label === "Conventional RF")).toMatchObject({ successes: 0 });

    const byTargets = await report(admin, { groupBy: "targets", modality: "radiofrequency" });
    expect(byTargets.report.groups.map((g) => [g.key, g.label, g.procedures])).toEqual([
      ["medial_branch:L4+medial_branch:L5", "L4, L5 medial branches", 2 * COPIES],
      ["", "Targets not recorded", 4 * COPIES],
    ]);
    await expect(report(admin, { groupBy: "needle" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
