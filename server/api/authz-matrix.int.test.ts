/**
 * The authorization matrix of ARCHITECTURE.md#authorization: every tRPC procedure, called as
 * anonymous, as a patient on their own and on another patient's records, as a provider assigned and
 * not assigned to the patient, and as an admin. A procedure without a row here fails the test.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import { actorOf, callAs, callInWorld, matrix, personas } from "@/server/testing/authz-table";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor } from "@/server/testing/fixtures";
import { createWorld } from "@/server/testing/world";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe("authorization matrix (ARCHITECTURE.md#authorization)", () => {
  it("has a row for every procedure of the router, and none for procedures that are gone", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
  });

  for (const [path, row] of Object.entries(matrix)) {
    it(`${path}: ${personas.map((p) => `${p} ${row.expect[p]}`).join(", ")}`, async () => {
      for (const persona of personas) {
        const denialsBefore = await deniedCount();
        const result = await callAs(t, path, persona, row);
        expect(
          result.outcome,
          `${path} as ${persona}${"message" in result ? `: ${result.message}` : ""}`,
        ).toBe(row.expect[persona]);
        // every denial is audited (a refused input is not a denial)
        if (result.outcome !== "OK" && result.outcome !== "BAD_REQUEST")
          expect(await deniedCount(), `${path} as ${persona}`).toBe(denialsBefore + 1);
      }
      // The clinic's kiosk (decision 039): the procedures an unlocked station may call.
      if (row.station) {
        const result = await callAs(t, path, "station", row);
        expect(
          result.outcome,
          `${path} on a station${"message" in result ? `: ${result.message}` : ""}`,
        ).toBe(row.station);
      }
    });
  }

  it("audits an admin's and a provider's reads of a patient's data", async () => {
    const reads = ["caseload.review", "decision.list", "procedure.list", "procedure.get"];
    for (const persona of ["admin", "providerAssigned"] as const) {
      for (const path of persona === "admin" ? reads : [...reads, "caseload.list"]) {
        const row = matrix[path];
        if (!row) throw new Error(path);
        const world = await createWorld(t.db);
        // An admin reads only through a support access (decision 036; support-access.int.test.ts).
        if (persona === "admin") {
          await callerFor(t.db, world.admin).support.open({
            patientId: world.patient.id,
            reason: "Support call",
          });
        }
        await callInWorld(t, world, path, persona, row.input?.bind(row));
        const [reads] = await t.db
          .select({ n: count() })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.actorId, actorOf(world, persona)?.id ?? ""),
              eq(auditEvents.patientId, world.patient.id),
              eq(auditEvents.outcome, "success"),
            ),
          );
        expect(reads?.n, `${path} as ${persona}`).toBeGreaterThan(0);
      }
    }
  });
});

async function deniedCount(): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.action, "request.denied"));
  return row?.n ?? 0;
}
