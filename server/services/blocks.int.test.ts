import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, blockRecords, diagnosticBlocks, repeatPolicies, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { fieldErrors } from "@/server/testing/field-errors";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;
let provider: Actor;
let admin: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  provider = await createUser(db, "provider", { name: "Dr. Blocker" });
  admin = await createUser(db, "admin");
});
afterAll(async () => {
  await t?.close();
});

async function teamPatient() {
  const patient = await createUser(db, "patient");
  await assignPatient(db, provider, patient);
  return patient;
}

const fields = (patientId: string, extra: object = {}) => ({
  patientId,
  givenOn: addDays(today, -3),
  givenTime: "09:30",
  region: "lumbar" as const,
  side: "left" as const,
  targets: ["medial_branch:L5", "medial_branch:L4"],
  anesthetic: "lidocaine" as const,
  prePain: 8,
  ...extra,
});

/** Answers at these minutes with these pains (in order given). */
async function answer(blockId: string, answers: Array<[number, number]>) {
  for (const [minutesAfter, pain] of answers) {
    await db
      .insert(blockRecords)
      .values({ blockId, clientId: crypto.randomUUID(), minutesAfter, pain });
  }
}

describe("diagnostic blocks", () => {
  it("records a block for a patient on the care team, audited, with the targets in order", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const { id } = await api.block.record(fields(patient.id));
    const [row] = await db.select().from(diagnosticBlocks).where(eq(diagnosticBlocks.id, id));
    expect(row).toMatchObject({
      patientId: patient.id,
      targets: ["medial_branch:L4", "medial_branch:L5"],
      anesthetic: "lidocaine",
      prePain: 8,
      recordedBy: provider.id,
    });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "block.record"), eq(auditEvents.targetId, id)));
    expect(audit).toMatchObject({
      actorId: provider.id,
      patientId: patient.id,
      outcome: "success",
    });
  });

  it("reads the time given on the clinic's clock", async () => {
    const patient = await teamPatient();
    const settings = callerFor(db, admin).settings;
    await settings.update({ successCriteria: "strict", timeZone: "Europe/Paris" });
    try {
      const { id } = await callerFor(db, provider).block.record(
        fields(patient.id, { givenOn: "2026-07-01", givenTime: "09:30" }),
      );
      const [row] = await db.select().from(diagnosticBlocks).where(eq(diagnosticBlocks.id, id));
      // 09:30 in Paris in July (summer time, UTC+2) is 07:30 UTC.
      expect(row?.givenAt.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    } finally {
      await settings.update({ successCriteria: "strict", timeZone: null });
    }
  });

  it("refuses a block in the future or more than a year back, with the message on the field", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    expect(
      await fieldErrors(api.block.record(fields(patient.id, { givenOn: addDays(today, 2) }))),
    ).toEqual({
      givenTime: ["The block's time is in the future: record it once it is given."],
    });
    expect(
      await fieldErrors(api.block.record(fields(patient.id, { givenOn: addDays(today, -400) }))),
    ).toEqual({
      givenOn: ["A block can be recorded up to a year later."],
    });
  });

  it("judges each block and confirms a target with two positive blocks on different days", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    // Lidocaine (1 h expected): 80%+ relief through 2 h: positive.
    const first = await api.block.record(fields(patient.id, { givenOn: addDays(today, -20) }));
    await answer(first.id, [
      [15, 1],
      [30, 1],
      [60, 1],
      [120, 1],
      [180, 6],
    ]);
    // Bupivacaine (2 h expected): 80%+ relief only to 1 h, then pain back: negative.
    const second = await api.block.record(
      fields(patient.id, { givenOn: addDays(today, -13), anesthetic: "bupivacaine" }),
    );
    await answer(second.id, [
      [15, 1],
      [30, 1],
      [60, 1],
      [120, 7],
    ]);
    // Two answers only: inconclusive.
    const third = await api.block.record(fields(patient.id, { givenOn: addDays(today, -6) }));
    await answer(third.id, [
      [15, 2],
      [30, 2],
    ]);

    let view = await api.block.list({ patientId: patient.id });
    expect(view.threshold).toBe(80);
    expect(view.policyName).toBeNull();
    const byId = new Map(view.blocks.map((b) => [b.id, b]));
    expect(byId.get(first.id)?.assessment).toEqual({
      result: "positive",
      peakReliefPct: 87.5,
      reliefUntilMinutes: 120,
    });
    expect(byId.get(first.id)?.why).toBe(
      "Relief of at least 80% held until 2 h, at least the 1 h the anesthetic's relief should last.",
    );
    expect(byId.get(second.id)?.assessment.result).toBe("negative");
    expect(byId.get(second.id)?.why).toBe(
      "Relief of at least 80% ended after 1 h, before the 2 h the anesthetic's relief should last.",
    );
    expect(byId.get(third.id)?.assessment.result).toBe("inconclusive");
    expect(byId.get(third.id)?.why).toBe(
      "Only 2 answers in the first 8 hours; at least 3 are needed.",
    );
    expect(view.confirmations).toEqual([
      expect.objectContaining({ region: "lumbar", side: "left", confirmed: false, pairIds: null }),
    ]);

    // A second positive block (ropivacaine, on another day) confirms the target. Lidocaine, the
    // shorter-acting agent, relieved for less time (2 h) than ropivacaine (3 h): not discordant.
    const fourth = await api.block.record(
      fields(patient.id, { givenOn: addDays(today, -2), anesthetic: "ropivacaine" }),
    );
    await answer(fourth.id, [
      [15, 1],
      [30, 1],
      [60, 1],
      [120, 1],
      [180, 1],
      [240, 8],
    ]);
    view = await api.block.list({ patientId: patient.id });
    expect(view.confirmations).toEqual([
      expect.objectContaining({
        confirmed: true,
        pairIds: [first.id, fourth.id],
        discordant: false,
      }),
    ]);
  });

  it("shows a discordant pair: the shorter-acting agent relieved longer", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const lido = await api.block.record(fields(patient.id, { givenOn: addDays(today, -9) }));
    await answer(lido.id, [
      [15, 1],
      [30, 1],
      [60, 1],
      [120, 1],
      [180, 1],
      [240, 1],
      [360, 8],
    ]);
    const bupi = await api.block.record(
      fields(patient.id, { givenOn: addDays(today, -4), anesthetic: "bupivacaine" }),
    );
    await answer(bupi.id, [
      [15, 1],
      [30, 1],
      [60, 1],
      [120, 1],
      [180, 8],
    ]);
    const view = await api.block.list({ patientId: patient.id });
    expect(view.confirmations[0]).toMatchObject({ confirmed: true, discordant: true });
  });

  it("judges at the patient's policy's threshold and with the clinic's anesthetic hours", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const [policy] = await db
      .insert(repeatPolicies)
      .values({
        name: `Lenient payer ${crypto.randomUUID()}`,
        blockThreshold: 50,
        reliefPct: 50,
        functionPct: 50,
        requiredDays: 84,
        maxGapDays: 35,
        minIntervalDays: 84,
        maxPerYear: 2,
      })
      .returning();
    await db.update(users).set({ repeatPolicyId: policy?.id }).where(eq(users.id, patient.id));
    const block = await api.block.record(fields(patient.id));
    // 50% relief (8 -> 4) through 1 h: positive at 50% with lidocaine's 1 h.
    await answer(block.id, [
      [15, 4],
      [30, 4],
      [60, 4],
      [120, 8],
    ]);
    let view = await api.block.list({ patientId: patient.id });
    expect(view).toMatchObject({ threshold: 50, policyName: policy?.name });
    expect(view.blocks[0]?.assessment.result).toBe("positive");

    // The clinic says lidocaine's relief lasts at least 1.5 h: the same answers are negative.
    await callerFor(db, admin).settings.update({
      successCriteria: "strict",
      timeZone: null,
      anestheticHours: { lidocaine: 1.5, bupivacaine: 2, ropivacaine: 2, other: 1 },
    });
    view = await api.block.list({ patientId: patient.id });
    expect(view.blocks[0]?.agentMinHours).toBe(1.5);
    expect(view.blocks[0]?.assessment.result).toBe("negative");
    await callerFor(db, admin).settings.update({
      successCriteria: "strict",
      timeZone: null,
      anestheticHours: { lidocaine: 1, bupivacaine: 2, ropivacaine: 2, other: 1 },
    });
  });

  it("removes a block recorded in error: it no longer counts, and the removal is audited", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const { id } = await api.block.record(fields(patient.id));
    await api.block.remove({ id });
    expect((await api.block.list({ patientId: patient.id })).blocks).toEqual([]);
    await expect(api.block.remove({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "block.remove"), eq(auditEvents.targetId, id)));
    expect(audit).toMatchObject({ actorId: provider.id, patientId: patient.id });
  });

  it("answers a provider off the care team as if the block did not exist", async () => {
    const patient = await teamPatient();
    const { id } = await callerFor(db, provider).block.record(fields(patient.id));
    const outsider = await createUser(db, "provider");
    const api = callerFor(db, outsider);
    await expect(api.block.remove({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That block was not found.",
    });
    await expect(api.block.remove({ id: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That block was not found.",
    });
    await expect(api.block.record(fields(patient.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.block.list({ patientId: patient.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
