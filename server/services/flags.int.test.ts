import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, flagAcknowledgements } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
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
  provider = await createUser(db, "provider", { name: "Dr. Ack" });
});
afterAll(async () => {
  await t?.close();
});

/** 50 days after a procedure, baseline 6, with daily pain from `pain(day)`. */
async function patient(name: string, pain: (day: number) => number) {
  const p = await createUser(db, "patient", { name });
  await assignPatient(db, provider, p);
  const procedure = await insertProcedure(db, p, provider, addDays(today, -50), {
    baselinePain: 6,
  });
  await insertEntries(db, procedure, dailyEntries(0, 50, pain));
  return { patient: p, procedure };
}

const rowOf = async (id: string) =>
  (await callerFor(db, provider).caseload.list({ pageSize: 100 })).rows.find(
    (r) => r.patientId === id,
  );

describe("flag acknowledgements", () => {
  it("quiet the acknowledged flag in the caseload and the review", async () => {
    const { patient: p, procedure } = await patient("Ack Worse", () => 8);
    const api = callerFor(db, provider);
    expect(await rowOf(p.id)).toMatchObject({ urgency: "high" });

    await api.caseload.acknowledgeFlag({
      procedureId: procedure.id,
      code: "WORSE_THAN_BASELINE",
      note: "Discussed by phone",
    });
    const row = await rowOf(p.id);
    // worse than baseline is one fact, one flag (docs/clinical-rules.md#flags)
    expect(row?.flags.map((f) => [f.code, f.acknowledged])).toEqual([
      ["WORSE_THAN_BASELINE", true],
    ]);
    expect(row?.urgency).toBeNull(); // no open flag left, no longer the reviewed high flag

    const review = await api.caseload.review({ patientId: p.id });
    expect(review.selected?.flags[0]).toMatchObject({
      code: "WORSE_THAN_BASELINE",
      acknowledged: true,
      acknowledgement: { asOf: today, note: "Discussed by phone", byName: "Dr. Ack" },
    });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "flag.acknowledge"));
    expect(audit).toMatchObject({ patientId: p.id, details: { code: "WORSE_THAN_BASELINE" } });
  });

  it("raise a flag again that cleared after the acknowledgement and came back", async () => {
    // Worse, back to baseline for a week from day 36 (the flag clears), then worse again.
    const { patient: p, procedure } = await patient("Ack Returned", (d) =>
      d >= 36 && d <= 42 ? 6 : 8,
    );
    const { patient: steady, procedure: steadyProcedure } = await patient("Ack Steady", () => 8);
    for (const proc of [procedure, steadyProcedure]) {
      await db.insert(flagAcknowledgements).values({
        procedureId: proc.id,
        patientId: proc.patientId,
        code: "WORSE_THAN_BASELINE",
        asOf: addDays(today, -15),
        acknowledgedBy: provider.id,
      });
    }
    expect((await rowOf(p.id))?.flags[0]).toMatchObject({
      code: "WORSE_THAN_BASELINE",
      acknowledged: false,
    });
    expect((await rowOf(steady.id))?.flags[0]).toMatchObject({
      code: "WORSE_THAN_BASELINE",
      acknowledged: true,
    });
  });

  it("refuses a flag that is not raised, and patients outside the care team", async () => {
    const { procedure } = await patient("Ack Fine", () => 2);
    const api = callerFor(db, provider);
    await expect(
      api.caseload.acknowledgeFlag({ procedureId: procedure.id, code: "NO_IMPROVEMENT" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { procedure: worse } = await patient("Ack Other Team", () => 8);
    const stranger = callerFor(db, await createUser(db, "provider"));
    await expect(
      stranger.caseload.acknowledgeFlag({ procedureId: worse.id, code: "WORSE_THAN_BASELINE" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = callerFor(db, await createUser(db, "admin"));
    await expect(
      admin.caseload.acknowledgeFlag({ procedureId: worse.id, code: "WORSE_THAN_BASELINE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
