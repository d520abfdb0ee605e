// Break-the-glass support reads (docs/decisions/036-support-access.md): no review for an admin
// without an access opened with a reason; an hour only; audited; shown to the care team.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, supportAccess } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => {
  await t?.close();
});

describe("support access", () => {
  it("opens the review read-only for an hour with a reason, audited, and the care team sees it", async () => {
    const provider = await createUser(db, "provider");
    const patient = await createUser(db, "patient");
    await assignPatient(db, provider, patient);
    const admin = await createUser(db, "admin", { name: "Sam Support" });
    const api = callerFor(db, admin);

    await expect(api.caseload.review({ patientId: patient.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/say why/),
    });
    await expect(api.support.open({ patientId: patient.id, reason: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await api.support.active({ patientId: patient.id })).toBeNull();

    const access = await api.support.open({
      patientId: patient.id,
      reason: "Patient cannot see their plan",
    });
    expect(access.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await api.support.active({ patientId: patient.id })).toMatchObject({ id: access.id });
    const review = await api.caseload.review({ patientId: patient.id });
    expect(review).toMatchObject({ canManage: false, patient: { id: patient.id } });

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "support.open"), eq(auditEvents.actorId, admin.id)));
    expect(audit).toMatchObject({ patientId: patient.id, outcome: "success" });
    expect(JSON.stringify(audit?.details)).not.toContain("plan");

    const seen = await callerFor(db, provider).caseload.review({ patientId: patient.id });
    expect(seen.supportAccesses).toMatchObject([
      { adminName: "Sam Support", reason: "Patient cannot see their plan" },
    ]);

    // An hour later the access has ended.
    await db
      .update(supportAccess)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(supportAccess.id, access.id));
    await expect(api.caseload.review({ patientId: patient.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("is asked for by every read of the patient's record: procedures, plans and blocks", async () => {
    const provider = await createUser(db, "provider");
    const patient = await createUser(db, "patient");
    await assignPatient(db, provider, patient);
    const api = callerFor(db, await createUser(db, "admin"));
    const reads = () =>
      Promise.allSettled([
        api.procedure.list({ patientId: patient.id }),
        api.decision.list({ patientId: patient.id }),
        api.block.list({ patientId: patient.id }),
      ]);
    for (const read of await reads()) {
      expect(read).toMatchObject({ status: "rejected", reason: { code: "FORBIDDEN" } });
    }
    await api.support.open({ patientId: patient.id, reason: "Check the record after an import" });
    for (const read of await reads()) expect(read.status).toBe("fulfilled");
  });

  it("is for one patient and one admin only", async () => {
    const [a, b] = [await createUser(db, "patient"), await createUser(db, "patient")];
    const admin = callerFor(db, await createUser(db, "admin"));
    const other = callerFor(db, await createUser(db, "admin"));
    await admin.support.open({ patientId: a.id, reason: "Check an import" });
    await expect(admin.caseload.review({ patientId: b.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(other.caseload.review({ patientId: a.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const provider = callerFor(db, await createUser(db, "provider"));
    await expect(
      admin.support.open({ patientId: (await createUser(db, "provider")).id, reason: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (provider as unknown as typeof admin).support.open({ patientId: a.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
