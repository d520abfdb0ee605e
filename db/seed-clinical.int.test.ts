import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Assessment, addDays, Category, FlagCode } from "@/server/outcomes";
import {
  assessmentKey,
  assessProcedure,
  latestProcedure,
  readAndAssess,
} from "@/server/services/assessments";
import { judgePatientBlocks } from "@/server/services/blocks";
import { caseload } from "@/server/services/caseload";
import { ownThread, unreadMessages } from "@/server/services/messages";
import { clinicOutcomes } from "@/server/services/outcomes";
import { listPolicies, procedureEvidence } from "@/server/services/repeat-policies";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { ProcedureFields } from "@/shared/schemas";
import type { Db } from "./client";
import { careTeam, diaryEntries, diaryEntryRevisions, procedures, users } from "./schema";
import { DEMO_ACCOUNTS, seedDemo } from "./seed";
import { HISTORY_EMAIL_DOMAIN } from "./seed-history";

// A fixed clinic day: the demo data is dated relative to it, so any day gives the same picture.
const TODAY = "2026-03-15";

/** The demo patients of db/seed-clinical.ts (not the history of db/seed-history.ts). */
async function demoPatients(on: Db) {
  const patients = await on.select().from(users).where(eq(users.role, "patient"));
  return patients.filter((p) => !p.email.endsWith(HISTORY_EMAIL_DOMAIN));
}

let t: TestDatabase;
let db: Db;
let hashCalls = 0;
const assessments = new Map<string, Assessment>();

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, {
    today: TODAY,
    hashPassword: async (p) => {
      hashCalls += 1;
      return `hash:${p}`;
    },
  });
  const patients = await demoPatients(db);
  for (const patient of patients) {
    const procedure = await latestProcedure(db, patient.id);
    if (procedure) {
      assessments.set(patient.email, await assessProcedure(db, procedure, { asOf: TODAY }));
    }
  }
});
afterAll(async () => {
  await t?.close();
});

describe("demo clinical seed", () => {
  it("shows both answers of repeat-ablation evidence: Medicare met, and 12 weeks but not 6 months", async () => {
    const policies = await listPolicies(db);
    const medicare = policies.find((p) => p.name.startsWith("Medicare"));
    const twelve = policies.find((p) => p.name.startsWith("12 weeks"));
    const evidenceOf = async (email: string, policyId: string | undefined) => {
      const [u] = await db.select().from(users).where(eq(users.email, email));
      const procedure = u && (await latestProcedure(db, u.id));
      if (!u || !procedure || !policyId) throw new Error(email);
      await db.update(users).set({ repeatPolicyId: policyId }).where(eq(users.id, u.id));
      const key = await assessmentKey(db, { asOf: TODAY });
      const { input, assessment } = await readAndAssess(db, procedure, key);
      return procedureEvidence(db, u.id, procedure, input, assessment);
    };
    const margaret = await evidenceOf("margaret.hill@example.com", medicare?.id);
    expect(margaret?.relevant).toBe(true);
    expect(margaret?.result.painRun?.days).toBeGreaterThanOrEqual(182);
    expect(margaret?.result.eligible).toBe(true);

    const danielMedicare = await evidenceOf("daniel.ortiz@example.com", medicare?.id);
    const daniel = await evidenceOf("daniel.ortiz@example.com", twelve?.id);
    expect(daniel?.relevant).toBe(true);
    // about 14 weeks
    expect(daniel?.result.painRun?.days).toBeGreaterThanOrEqual(91);
    expect(daniel?.result.painRun?.days).toBeLessThanOrEqual(105);
    expect(daniel?.result.eligible).toBe(true);
    expect(danielMedicare?.result.relief).toBe(false);
    expect(danielMedicare?.result.eligible).toBe(false);
  });

  it("shows diagnostic blocks: two confirming, a discordant pair, and an inconclusive block", async () => {
    const blocksOf = async (email: string) => {
      const [u] = await db.select().from(users).where(eq(users.email, email));
      if (!u) throw new Error(email);
      return judgePatientBlocks(db, u.id);
    };
    const margaret = await blocksOf("margaret.hill@example.com");
    expect(margaret.blocks.map((b) => b.assessment.result)).toEqual(["positive", "positive"]);
    expect(margaret.confirmations).toEqual([
      expect.objectContaining({ confirmed: true, discordant: false }),
    ]);
    const daniel = await blocksOf("daniel.ortiz@example.com");
    expect(daniel.confirmations).toEqual([
      expect.objectContaining({ confirmed: true, discordant: true }),
    ]);
    const thomas = await blocksOf("thomas.reed@example.com");
    expect(thomas.blocks.map((b) => b.assessment.result)).toEqual(["positive", "inconclusive"]);
    expect(thomas.confirmations).toEqual([expect.objectContaining({ confirmed: false })]);
  });

  it("fills the engagement table: check-ins answered in time through several channels", async () => {
    const [admin] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin.email));
    if (!admin) throw new Error("admin");
    const outcomes = await clinicOutcomes(
      db,
      { ...admin, role: "admin", mustChangePassword: false },
      { groupBy: "modality" },
      { now: new Date(`${TODAY}T12:00:00Z`) },
    );
    const twoWeeks = outcomes.engagement.find((m) => m.day === 14);
    expect(twoWeeks?.due).toBeGreaterThan(5);
    expect(twoWeeks?.done).toBeGreaterThan(0);
    const used = new Set(
      outcomes.engagement.flatMap((m) =>
        Object.entries(m.byChannel).flatMap(([c, n]) => (n > 0 ? [c] : [])),
      ),
    );
    expect(used.size).toBeGreaterThanOrEqual(4);
  });

  it("records the technique of the demo ablations as the procedure form would accept it", async () => {
    const rows = await db.select().from(procedures);
    const withTechnique = rows.filter((p) => p.targets.length > 0);
    expect(withTechnique.length).toBeGreaterThan(rows.length * 0.9);
    expect(new Set(rows.map((p) => p.rfVariant))).toEqual(
      new Set(["conventional", "cooled", null]),
    );
    for (const p of rows) {
      const parsed = ProcedureFields.safeParse({ ...p, blockReliefPct: p.blockReliefPct ?? null });
      expect(parsed.error?.issues ?? [], `${p.region} ${p.targets.join(",")}`).toEqual([]);
    }
    const lumbar = rows.filter((p) => p.region === "lumbar" && p.modality === "radiofrequency");
    expect(
      lumbar.some((p) => p.targets.join() === "medial_branch:L3,medial_branch:L4,medial_branch:L5"),
    ).toBe(true);
  });

  it("covers every category of docs/clinical-rules.md#categories", () => {
    const seen = new Set([...assessments.values()].map((a) => a.category));
    expect([...seen].sort()).toEqual([...Category.options].sort());
  });

  it("raises every flag of docs/clinical-rules.md#flags", () => {
    const seen = new Set([...assessments.values()].flatMap((a) => a.flags.map((f) => f.code)));
    expect([...seen].sort()).toEqual([...FlagCode.options].sort());
  });

  it("shows each rule of the third edition on a demo patient (sides, region suggestions, relief so far)", () => {
    // Right knee treated, the left knee hurts since day 30: the other knee is a new location.
    const thomas = assessments.get("thomas.reed@example.com");
    const shift = thomas?.flags.find((f) => f.code === "PAIN_SHIFT");
    expect(shift?.sentence).toContain("Left knee");
    expect(shift?.sentence).toContain("treated region (Right knee)");
    // A sacroiliac ablation without improvement: a sacroiliac joint injection is suggested.
    const anna = assessments.get("anna.schultz@example.com");
    expect(anna?.category).toBe("no_change");
    expect(anna?.flags.map((f) => f.code)).toContain("NO_IMPROVEMENT");
    expect(anna?.suggestions.map((s) => s.strategy)).toContain("sacroiliac_joint_injection");
    expect(anna?.suggestions.map((s) => s.strategy)).not.toContain("facet_joint_injection");
    // Relief, then the diary stopped: relief documented through day 44, not ended.
    const paul = assessments.get("paul.fischer@example.com");
    expect(paul?.category).toBe("insufficient_data");
    expect(paul?.flags.map((f) => f.code)).toContain("DIARY_LAPSED");
    expect(paul?.reliefDurationDays).toBe(44);
  });

  it("puts the demo patient at about day 35 with a realistic diary that is doing well", async () => {
    const pat = assessments.get(DEMO_ACCOUNTS.patient.email);
    expect(pat).toMatchObject({ day: 35, phase: "established", category: "substantial" });
    expect(pat?.flags).toEqual([]);
    expect(pat?.checkIns.map((c) => c.status)).toEqual([
      "answered",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
    const [patient] = await db
      .select()
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.patient.email));
    const entries = await db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.patientId, patient?.id ?? ""), isNull(diaryEntries.deletedAt)))
      .orderBy(asc(diaryEntries.entryDate));
    // Most days, not every day; today and two other recent days are left for the patient to fill.
    expect(entries.length).toBeGreaterThanOrEqual(25);
    expect(entries.length).toBeLessThanOrEqual(33);
    const dates = new Set(entries.map((e) => e.entryDate));
    for (const back of [0, 2, 5]) expect(dates.has(addDays(TODAY, -back))).toBe(false);
    expect(entries[0]?.entryDate).toBe(addDays(TODAY, -35));
    // Pain falls from the baseline of 7 and varies from day to day.
    expect(entries[0]?.painAverage).toBeGreaterThanOrEqual(6);
    expect(new Set(entries.slice(-10).map((e) => e.painAverage)).size).toBeGreaterThan(1);
    expect(entries.some((e) => e.note !== "")).toBe(true);
    expect(entries.some((e) => e.medication !== "")).toBe(true);
    expect(entries.filter((e) => e.pgic !== null).map((e) => e.checkInDay)).toEqual([14]);
    // One entry was corrected: version 2, with version 1 in the history.
    const corrected = entries.filter((e) => e.version > 1);
    expect(corrected).toHaveLength(1);
    const revisions = await db
      .select()
      .from(diaryEntryRevisions)
      .where(eq(diaryEntryRevisions.entryId, corrected[0]?.id ?? ""));
    expect(revisions.map((r) => r.version)).toEqual([1]);
  });

  it("gives each demo patient a plain name and an example.com address on the demo provider's care team", async () => {
    const [provider] = await db
      .select()
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.provider.email));
    const patients = await demoPatients(db);
    expect(patients.length).toBeGreaterThanOrEqual(9);
    const team = await db
      .select()
      .from(careTeam)
      .where(eq(careTeam.providerId, provider?.id ?? ""));
    const teamIds = new Set(team.map((m) => m.patientId));
    for (const p of patients) expect(teamIds.has(p.id), p.email).toBe(true);
    for (const p of patients) {
      expect(p.email).toMatch(/^[a-z]+(\.[a-z]+)?@example\.com$/);
      expect(p.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    }
    expect(patients.map((p) => p.email)).toContain("maria.gomez@example.com");
  });

  it("hashes the demo password once and reuses it", async () => {
    expect(hashCalls).toBe(1);
    const all = await db.select({ hash: users.passwordHash }).from(users);
    expect(new Set(all.map((u) => u.hash))).toEqual(new Set(["hash:demo-password"]));
  });

  it("records a repeat procedure linked to the one it repeats", async () => {
    const rows = await db.select().from(procedures);
    const repeat = rows.find((p) => p.repeatsProcedureId !== null);
    expect(repeat).toBeDefined();
    const first = rows.find((p) => p.id === repeat?.repeatsProcedureId);
    expect(first?.patientId).toBe(repeat?.patientId);
    expect((first?.performedOn ?? "9") < (repeat?.performedOn ?? "")).toBe(true);
  });

  it("is the same picture whatever the day it is seeded on", async () => {
    const other = await createTestDatabase();
    try {
      const otherToday = "2027-08-01";
      await seedDemo(other.db, { today: otherToday, hashPassword: async () => "x" });
      const patients = await demoPatients(other.db);
      for (const patient of patients) {
        const procedure = await latestProcedure(other.db, patient.id);
        if (!procedure) continue;
        const a = await assessProcedure(other.db, procedure, { asOf: otherToday });
        const b = assessments.get(patient.email);
        expect([a.category, a.flags.map((f) => f.code)]).toEqual([
          b?.category,
          b?.flags.map((f) => f.code),
        ]);
      }
    } finally {
      await other.close();
    }
  });

  it.each<[string, Assessment["category"], FlagCode[]]>([
    ["patient@example.com", "substantial", []],
    ["maria.gomez@example.com", "too_early", []],
    ["james.carter@example.com", "insufficient_data", []],
    ["linda.nguyen@example.com", "insufficient_data", ["DIARY_LAPSED"]],
    ["robert.okafor@example.com", "recurrence", ["RECURRENCE"]],
    ["susan.patel@example.com", "worse", ["WORSE_THAN_BASELINE", "NEW_NEUROPATHIC_SYMPTOMS"]],
    ["david.kim@example.com", "moderate", ["PAIN_SHIFT"]],
    ["emily.johnson@example.com", "minimal", ["NO_IMPROVEMENT", "PROLONGED_SITE_SORENESS"]],
    ["michael.brown@example.com", "no_change", ["NO_IMPROVEMENT"]],
    ["grace.lee@example.com", "moderate", []],
    ["helen.ward@example.com", "substantial", []],
  ])("%s: %s, flags %j", (email, category, flags) => {
    const a = assessments.get(email);
    expect(a?.category).toBe(category);
    expect(a?.flags.map((f) => f.code)).toEqual(flags);
  });

  it("leaves check-ins overdue for the provider to see", () => {
    const overdue = (email: string) =>
      assessments
        .get(email)
        ?.checkIns.filter((c) => c.status === "overdue")
        .map((c) => c.day);
    expect(overdue("emily.johnson@example.com")).toEqual([42]);
    expect(overdue("grace.lee@example.com")).toEqual([14]);
    expect(overdue("robert.okafor@example.com")).toEqual([]);
  });

  it("gives every demo patient a date of birth and a unique MRN", async () => {
    const patients = await db.select().from(users).where(eq(users.role, "patient"));
    for (const p of patients) {
      expect(p.dateOfBirth, p.email).toMatch(/^(19|20)\d\d-\d\d-\d\d$/);
      expect(p.mrn, p.email).toMatch(/^[A-Z]+-?\d+$/);
    }
    expect(new Set(patients.map((p) => p.mrn)).size).toBe(patients.length);
  });

  it("leaves the demo caseload with patients in each of the four review states", async () => {
    const [provider] = await db
      .select()
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.provider.email));
    if (!provider) throw new Error("no demo provider");
    const list = await caseload(
      db,
      { ...provider, mustChangePassword: false },
      { page: 1, pageSize: 100 },
      { now: new Date(`${TODAY}T12:00:00Z`) },
    );
    const emails = new Map(
      (await db.select().from(users).where(eq(users.role, "patient"))).map((u) => [u.email, u.id]),
    );
    const state = (email: string) =>
      list.rows.find((r) => r.patientId === emails.get(email))?.state;
    expect(state("patient@example.com")).toBe("plan_recorded");
    expect(state("helen.ward@example.com")).toBe("follow_up_due");
    expect(state("maria.gomez@example.com")).toBe("monitoring");
    expect(state("susan.patel@example.com")).toBe("needs_review");
    expect(Object.keys(list.counts.state).sort()).toEqual([
      "follow_up_due",
      "monitoring",
      "needs_review",
      "plan_recorded",
    ]);
    expect(list.rows[0]).toMatchObject({ state: "needs_review", urgency: "high" });
  });

  it("gives the demo patient an answered, read conversation with the care team", async () => {
    const [patient] = await db
      .select()
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.patient.email));
    if (!patient) throw new Error("no demo patient");
    const actor = { ...patient, mustChangePassword: false };
    const { messages } = await ownThread(db, actor);
    expect(messages.map((m) => [m.authorRole, m.changes, m.readBy.length > 0])).toEqual([
      ["patient", ["question"], true],
      ["provider", [], true],
    ]);
    expect(await unreadMessages(db, actor)).toBe(0);
  });

  it("has a patient whose check-in is due today", () => {
    const due = assessments
      .get("james.carter@example.com")
      ?.checkIns.find((c) => c.status === "due");
    expect(due?.day).toBe(14);
  });
});
