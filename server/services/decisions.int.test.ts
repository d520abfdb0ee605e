import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, decisions } from "@/db/schema";
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
let provider: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  provider = await createUser(db, "provider", { name: "Dr. Decider" });
});
afterAll(async () => {
  await t?.close();
});

/** A patient 40 days after a procedure with no relief (baseline 7, pain 7). */
async function flaggedPatient() {
  const patient = await createUser(db, "patient");
  await assignPatient(db, provider, patient);
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -40));
  await insertEntries(
    db,
    procedure,
    dailyEntries(0, 40, () => 7),
  );
  return { patient, procedure };
}

const plan = {
  suspectedFactors: ["inaccurate_diagnosis" as const],
  strategies: [
    { strategy: "re_evaluation" as const, note: "MRI of the lumbar spine" },
    { strategy: "physical_therapy" as const, note: "" },
  ],
  rationale: "No relief at six weeks; the diagnostic block was equivocal.",
};

describe("decisions", () => {
  it("records a decision with a snapshot of the assessment it was made on", async () => {
    const { patient, procedure } = await flaggedPatient();
    const api = callerFor(db, provider);
    const decision = await api.decision.record({
      procedureId: procedure.id,
      ...plan,
      followUpOn: addDays(today, 28),
    });
    expect(decision).toMatchObject({
      patientId: patient.id,
      providerName: "Dr. Decider",
      strategies: plan.strategies,
      supersedesId: null,
      supersededById: null,
      assessment: { category: "no_change", day: 40, asOf: today },
    });
    expect(decision.assessment.flags.map((f) => f.code)).toContain("NO_IMPROVEMENT");
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, decision.id));
    expect(audit).toMatchObject({ action: "decision.record", patientId: patient.id });
    expect(JSON.stringify(audit?.details)).not.toContain("MRI");
  });

  it("amends by a new version linked to the old one, which stays readable", async () => {
    const { patient, procedure } = await flaggedPatient();
    const api = callerFor(db, provider);
    const first = await api.decision.record({ procedureId: procedure.id, ...plan });
    const second = await api.decision.amend({
      decisionId: first.id,
      ...plan,
      strategies: [{ strategy: "repeat_ablation", note: "" }],
      rationale: "Imaging normal; repeat.",
    });
    expect(second).toMatchObject({ supersedesId: first.id, procedureId: procedure.id });

    const list = await api.decision.list({ patientId: patient.id });
    expect(list.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({
      id: first.id,
      supersededById: second.id,
      strategies: plan.strategies,
      rationale: plan.rationale,
    });
    // the first version is unchanged in the database
    const [stored] = await db.select().from(decisions).where(eq(decisions.id, first.id));
    expect(stored?.rationale).toBe(plan.rationale);

    // only the current version can be amended
    await expect(api.decision.amend({ decisionId: first.id, ...plan })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // the patient sees the current plan
    const current = await callerFor(db, patient).decision.current();
    expect(current).toMatchObject({
      id: second.id,
      amended: true,
      strategies: [{ strategy: "repeat_ablation", note: "" }],
      providerName: "Dr. Decider",
    });
    expect(current).not.toHaveProperty("rationale");
    expect(current).not.toHaveProperty("suspectedFactors");
    // and, on their plan page, the version it replaced as an earlier plan
    const mine = await callerFor(db, patient).decision.mine();
    expect(mine.current).toEqual(current);
    expect(mine.earlier).toEqual([
      expect.objectContaining({ id: first.id, amended: false, strategies: plan.strategies }),
    ]);
    expect(mine.earlier[0]).not.toHaveProperty("rationale");
  });

  it("lets only one of two simultaneous amendments through", async () => {
    const { procedure } = await flaggedPatient();
    const api = callerFor(db, provider);
    const first = await api.decision.record({ procedureId: procedure.id, ...plan });
    const results = await Promise.allSettled([
      api.decision.amend({ decisionId: first.id, ...plan, rationale: "A" }),
      api.decision.amend({ decisionId: first.id, ...plan, rationale: "B" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT" },
    });
  });

  it("checks the fields with messages per field", async () => {
    const { procedure } = await flaggedPatient();
    const api = callerFor(db, provider);
    expect(
      await fieldErrors(
        api.decision.record({ procedureId: procedure.id, ...plan, strategies: [] }),
      ),
    ).toEqual({ strategies: ["Choose at least one strategy."] });
    const twice = { strategy: "physical_therapy" as const, note: "" };
    expect(
      await fieldErrors(
        api.decision.record({ procedureId: procedure.id, ...plan, strategies: [twice, twice] }),
      ),
    ).toEqual({ strategies: ["Choose each strategy only once."] });
    expect(
      await fieldErrors(
        api.decision.record({ procedureId: procedure.id, ...plan, followUpOn: addDays(today, -1) }),
      ),
    ).toEqual({ followUpOn: ["Choose today or a later date."] });
  });

  it("keeps decisions within the care team", async () => {
    const { patient, procedure } = await flaggedPatient();
    const stranger = await createUser(db, "provider");
    const other = callerFor(db, stranger);
    await expect(
      other.decision.record({ procedureId: procedure.id, ...plan }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.decision.list({ patientId: patient.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const mine = await callerFor(db, provider).decision.record({
      procedureId: procedure.id,
      ...plan,
    });
    await expect(other.decision.amend({ decisionId: mine.id, ...plan })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const admin = await createUser(db, "admin");
    // An admin reads the plans only through an open support access (decision 036).
    await expect(
      callerFor(db, admin).decision.list({ patientId: patient.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(db, admin).support.open({ patientId: patient.id, reason: "Plan missing" });
    expect(await callerFor(db, admin).decision.list({ patientId: patient.id })).toHaveLength(1);
    await expect(
      callerFor(db, admin).decision.record({ procedureId: procedure.id, ...plan }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // another patient sees no plan of this one
    const someoneElse = await createUser(db, "patient");
    expect(await callerFor(db, someoneElse).decision.current()).toBeNull();
    expect(await callerFor(db, someoneElse).decision.mine()).toEqual({
      current: null,
      earlier: [],
    });
    await expect(
      callerFor(db, patient).decision.list({ patientId: patient.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
