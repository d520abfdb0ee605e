/**
 * What an outside probe found (issue 8), replayed through the tRPC HTTP handler: status codes and
 * the JSON a client sees.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { httpCall } from "@/server/testing/http";
import { createWorld, type World } from "@/server/testing/world";
import { UNSTORABLE_MESSAGE } from "@/shared/text";

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

const strategies = [{ strategy: "physical_therapy", note: "" }];

describe("finding 5: out-of-scope ids answer exactly like made-up ids", () => {
  const cases: Array<{
    path: string;
    type: "query" | "mutation";
    input: (id: string) => unknown;
    /** A record of another care team, seen by providerA (or providerB for the decision). */
    foreign: (w: World) => string;
    as: "providerA" | "providerB";
  }> = [
    {
      path: "procedure.get",
      type: "query",
      input: (id) => ({ id }),
      foreign: (w) => w.other.procedureId,
      as: "providerA",
    },
    {
      path: "procedure.update",
      type: "mutation",
      input: (id) => ({
        id,
        version: 1,
        performedOn: "2026-01-01",
        modality: "cryoablation",
        region: "knee",
        side: "left",
        baselinePain: 7,
      }),
      foreign: (w) => w.other.procedureId,
      as: "providerA",
    },
    {
      path: "decision.record",
      type: "mutation",
      input: (procedureId) => ({ procedureId, strategies }),
      foreign: (w) => w.other.procedureId,
      as: "providerA",
    },
    {
      path: "decision.amend",
      type: "mutation",
      input: (decisionId) => ({ decisionId, strategies }),
      foreign: (w) => w.decisionId,
      as: "providerB",
    },
    {
      path: "caseload.acknowledgeFlag",
      type: "mutation",
      input: (procedureId) => ({ procedureId, code: "NO_IMPROVEMENT" }),
      foreign: (w) => w.other.procedureId,
      as: "providerA",
    },
  ];
  for (const c of cases) {
    it(`${c.path}: same status and message`, async () => {
      const foreign = await httpCall(t.db, w[c.as], c.path, c.input(c.foreign(w)), c.type);
      const madeUp = await httpCall(t.db, w[c.as], c.path, c.input(crypto.randomUUID()), c.type);
      expect(madeUp.status).toBe(404);
      expect(foreign).toEqual(madeUp);
    });
  }
});

describe("finding 4: NUL characters and lone surrogates get a 400 with a field message", () => {
  const nul = "a\u0000b";
  const cases: Array<{
    path: string;
    type: "query" | "mutation";
    as: (w: World) => World["admin"];
    input: (w: World) => unknown;
    field: string;
  }> = [
    {
      path: "account.list",
      type: "query",
      as: (w) => w.admin,
      input: () => ({ search: nul }),
      field: "search",
    },
    {
      path: "caseload.list",
      type: "query",
      as: (w) => w.providerA,
      input: () => ({ search: nul }),
      field: "search",
    },
    {
      path: "audit.list",
      type: "query",
      as: (w) => w.admin,
      input: () => ({ person: nul }),
      field: "person",
    },
    {
      path: "account.create",
      type: "mutation",
      as: (w) => w.admin,
      input: () => ({ role: "patient", name: nul, email: "nul@example.test" }),
      field: "name",
    },
    {
      path: "diary.correct",
      type: "mutation",
      as: (w) => w.patient,
      input: (w) => ({
        id: w.own.entryId,
        version: 1,
        painAverage: 5,
        enjoyment: 4,
        activity: 4,
        locations: ["lumbar"],
        qualities: [],
        siteSoreness: false,
        note: nul,
      }),
      field: "note",
    },
    {
      path: "decision.amend",
      type: "mutation",
      as: (w) => w.providerA,
      input: (w) => ({ decisionId: w.decisionId, strategies, rationale: nul }),
      field: "rationale",
    },
    {
      path: "decision.record",
      type: "mutation",
      as: (w) => w.providerA,
      input: (w) => ({
        procedureId: w.own.procedureId,
        strategies: [{ strategy: "physical_therapy", note: "x\ud800" }],
      }),
      field: "strategies",
    },
    {
      path: "import.patients",
      type: "mutation",
      as: (w) => w.admin,
      input: (w) => ({
        rows: [
          {
            row: 2,
            name: "Imported",
            email: `a${nul}@example.test`,
            providerEmail: w.providerA.email,
          },
        ],
      }),
      field: "rows",
    },
  ];
  for (const c of cases) {
    it(`${c.path}: ${c.field}`, async () => {
      const answer = await httpCall(t.db, c.as(w), c.path, c.input(w), c.type);
      expect(answer.status).toBe(400);
      expect(answer.fieldErrors?.[c.field]).toContain(UNSTORABLE_MESSAGE);
    });
  }
});

describe("finding 8: the admin's account list is a read of the patients it shows", () => {
  it("one patient.read audit row per patient on the page, none for staff", async () => {
    const answer = await httpCall(t.db, w.admin, "account.list", { pageSize: 100 }, "query");
    expect(answer.status).toBe(200);
    const rows = await t.db
      .select({ patientId: auditEvents.patientId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, w.admin.id), eq(auditEvents.action, "patient.read")));
    const listed = rows.filter((r) => (r.details as { view?: string }).view === "account_list");
    expect(listed.map((r) => r.patientId).sort()).toEqual(
      [w.patient.id, w.otherPatient.id, w.spare.id].sort(),
    );
  });
});
