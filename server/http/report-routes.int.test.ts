/**
 * HTTP-level authorization of the report and export routes (they are route handlers, not tRPC
 * procedures, so the tRPC matrix does not cover them): every route as every persona, the status
 * a browser would see, denials and exports audited, and bad ids answered 400/404, never 500.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import type { Role } from "@/server/authz/policy";
import { fileSafe } from "@/server/reports/file-names";
import { type Persona, personas } from "@/server/testing/authz-table";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { createWorld, type World } from "@/server/testing/world";
import { auditExportRoute } from "./audit-export";
import { outcomesExportRoute } from "./outcomes-export";
import {
  bulkExportRoute,
  diaryCsvRoute,
  fhirEverythingRoute,
  necessitySummaryRoute,
  outcomeCsvRoute,
  visitReportRoute,
} from "./report-routes";
import { type RouteContext, runRoute } from "./run-route";

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWorld(t.db);
  // The care team chose the world's policy for both patients (the summary needs one).
  await t.db
    .update(users)
    .set({ repeatPolicyId: w.policyId })
    .where(sql`${users.id} in (${w.patient.id}, ${w.otherPatient.id})`);
  // The admin's support access to the spare patient (decision 036), for the tests of a report
  // without a procedure and of a summary without a policy; the matrix's patient has none.
  await callerFor(t.db, w.admin).support.open({ patientId: w.spare.id, reason: "Report check" });
});
afterAll(async () => {
  await t.close();
});

const BASE = "http://portal.test";
const req = (path: string) => new Request(`${BASE}${path}`);

function ctxOf(persona: Persona): RouteContext {
  const actor =
    persona === "anonymous"
      ? null
      : persona === "patientOwn" || persona === "patientOther"
        ? w.patient
        : persona === "providerAssigned"
          ? w.providerA
          : persona === "providerUnassigned"
            ? w.providerB
            : w.admin;
  return { db: t.db, actor, ip: "203.0.113.9" };
}
/** The patient a persona's request points at: another patient's for "patientOther". */
const targetOf = (persona: Persona) =>
  persona === "patientOther" ? w.otherPatient.id : w.patient.id;

type Row = {
  call: (ctx: RouteContext, patientId: string) => Promise<Response>;
  expect: Record<Persona, number>;
};
// An admin exports a patient's record only through an open support access (decision 036); the
// admin persona has none here (support-access.int.test.ts opens one).
const staffRead = {
  anonymous: 401,
  patientOwn: 403,
  patientOther: 403,
  providerAssigned: 200,
  providerUnassigned: 404,
  admin: 403,
};
const own = {
  anonymous: 401,
  patientOwn: 200,
  patientOther: 200,
  providerAssigned: 403,
  providerUnassigned: 403,
  admin: 403,
};
const adminOnly = {
  anonymous: 401,
  patientOwn: 403,
  patientOther: 403,
  providerAssigned: 403,
  providerUnassigned: 403,
  admin: 200,
};

const routes: Record<string, Row> = {
  "GET /api/fhir/Patient/<id>/$everything": {
    call: (ctx, id) => fhirEverythingRoute(ctx, req(`/api/fhir/Patient/${id}/$everything`), id),
    expect: {
      anonymous: 401,
      patientOwn: 200,
      patientOther: 404,
      providerAssigned: 200,
      providerUnassigned: 404,
      admin: 403,
    },
  },
  "GET /api/fhir/Patient/me/$everything": {
    call: (ctx) => fhirEverythingRoute(ctx, req("/api/fhir/Patient/me/$everything"), "me"),
    expect: {
      anonymous: 401,
      patientOwn: 200,
      patientOther: 200,
      providerAssigned: 404,
      providerUnassigned: 404,
      admin: 404,
    },
  },
  "GET /provider/patients/<id>/report.pdf": {
    call: (ctx, id) => visitReportRoute(ctx, req(`/provider/patients/${id}/report.pdf`), id),
    expect: staffRead,
  },
  "GET /provider/patients/<id>/evidence.pdf": {
    call: (ctx, id) => necessitySummaryRoute(ctx, req(`/provider/patients/${id}/evidence.pdf`), id),
    expect: staffRead,
  },
  "GET /patient/report.pdf": {
    call: (ctx) => visitReportRoute(ctx, req("/patient/report.pdf"), "me"),
    expect: own,
  },
  "GET /provider/patients/<id>/diary.csv": {
    call: (ctx, id) => diaryCsvRoute(ctx, id),
    expect: staffRead,
  },
  "GET /patient/diary.csv": { call: (ctx) => diaryCsvRoute(ctx, "me"), expect: own },
  "GET /admin/export/fhir/Observation.ndjson": {
    call: (ctx) => bulkExportRoute(ctx, "Observation.ndjson"),
    expect: adminOnly,
  },
  "GET /admin/export/outcomes.csv": { call: (ctx) => outcomeCsvRoute(ctx), expect: adminOnly },
};

async function auditCount(action: string, actorId?: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.action, action), actorId ? eq(auditEvents.actorId, actorId) : undefined),
    );
  return row?.n ?? 0;
}

describe("report and export routes: who may fetch what (ARCHITECTURE.md#authorization, docs/decisions/015-fhir-export.md)", () => {
  for (const [route, row] of Object.entries(routes)) {
    it(`${route}: ${personas.map((p) => `${p} ${row.expect[p]}`).join(", ")}`, async () => {
      for (const persona of personas) {
        const ctx = ctxOf(persona);
        const deniedBefore = await auditCount("request.denied");
        const exportsBefore =
          (await auditCount("report.export", ctx.actor?.id)) +
          (await auditCount("clinic.export", ctx.actor?.id));
        const response = await row.call(ctx, targetOf(persona));
        const body = await response.arrayBuffer();
        expect(response.status, `${route} as ${persona}`).toBe(row.expect[persona]);
        expect(response.headers.get("cache-control")).toBe("no-store");
        if (response.status === 200) {
          const exportsAfter =
            (await auditCount("report.export", ctx.actor?.id)) +
            (await auditCount("clinic.export", ctx.actor?.id));
          expect(exportsAfter, `${route} as ${persona}: export audited`).toBe(exportsBefore + 1);
        } else {
          expect(await auditCount("request.denied"), `${route} as ${persona}: denial audited`).toBe(
            deniedBefore + 1,
          );
          // No patient data in a refusal.
          expect(new TextDecoder().decode(body)).not.toContain(w.patient.name);
        }
      }
    });
  }

  it("an admin exports a patient's record only through an open support access, for that patient only", async () => {
    const patientRoutes = [
      "GET /api/fhir/Patient/<id>/$everything",
      "GET /provider/patients/<id>/report.pdf",
      "GET /provider/patients/<id>/evidence.pdf",
      "GET /provider/patients/<id>/diary.csv",
    ] as const;
    const statuses = async (patientId: string) =>
      Promise.all(
        patientRoutes.map(
          async (route) => (await routes[route]?.call(ctxOf("admin"), patientId))?.status,
        ),
      );
    expect(await statuses(w.otherPatient.id)).toEqual([403, 403, 403, 403]);
    await callerFor(t.db, w.admin).support.open({
      patientId: w.otherPatient.id,
      reason: "Patient asked for a copy of their record",
    });
    expect(await statuses(w.otherPatient.id)).toEqual([200, 200, 200, 200]);
    expect(await statuses(w.patient.id)).toEqual([403, 403, 403, 403]);
  });

  it("answers the right formats", async () => {
    const fhir = await routes["GET /api/fhir/Patient/<id>/$everything"]?.call(
      ctxOf("providerAssigned"),
      w.patient.id,
    );
    expect(fhir?.headers.get("content-type")).toContain("application/fhir+json");
    const bundle = await fhir?.json();
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(bundle.entry[0].resource).toMatchObject({ resourceType: "Patient", id: w.patient.id });
    expect(bundle.entry[0].fullUrl).toBe(`${BASE}/api/fhir/Patient/${w.patient.id}`);

    const pdf = await visitReportRoute(
      ctxOf("providerAssigned"),
      req(`/x?paper=letter&procedureId=${w.own.procedureId}`),
      w.patient.id,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    // Staff files carry the patient (MRN, else the name) and the day; this patient has no MRN.
    const day = "\\d{4}-\\d{2}-\\d{2}";
    expect(pdf.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="visit-report-${fileSafe(w.patient.name)}-${day}\\.pdf"$`),
    );
    const record = await fhirEverythingRoute(
      ctxOf("providerAssigned"),
      req(`/api/fhir/Patient/${w.patient.id}/$everything?download=1`),
      w.patient.id,
    );
    expect(record.headers.get("content-disposition")).toMatch(
      new RegExp(
        `^attachment; filename="health-record-${fileSafe(w.patient.name)}-${day}\\.fhir\\.json"$`,
      ),
    );
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    // US Letter: 612 x 792 points.
    expect(new TextDecoder("latin1").decode(bytes)).toMatch(/MediaBox \[0 0 612 792\]/);

    const summary = await necessitySummaryRoute(
      ctxOf("providerAssigned"),
      req(`/x?paper=a4&procedureId=${w.own.procedureId}`),
      w.patient.id,
    );
    expect(summary.status).toBe(200);
    expect(summary.headers.get("content-disposition")).toMatch(
      new RegExp(
        `^attachment; filename="necessity-summary-${fileSafe(w.patient.name)}-${day}\\.pdf"$`,
      ),
    );
    const summaryBytes = new Uint8Array(await summary.arrayBuffer());
    // A4: 595.28 x 841.89 points; one page.
    expect(new TextDecoder("latin1").decode(summaryBytes)).toMatch(
      /MediaBox \[0 0 595\.\d+ 841\.\d+\]/,
    );
    expect(new TextDecoder("latin1").decode(summaryBytes)).toMatch(/\/Count 1\b/);

    // A patient without a procedure still gets a report (banner, no assessment).
    const empty = await visitReportRoute(ctxOf("admin"), req("/r"), w.spare.id);
    expect(empty.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await empty.arrayBuffer()).slice(0, 5))).toBe(
      "%PDF-",
    );

    const csv = await diaryCsvRoute(ctxOf("patientOwn"), "me");
    const text = await csv.text();
    expect(csv.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="my-pain-diary-${day}\\.csv"$`),
    );
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(text.split("\r\n")[0]).toMatch(/^entry_date,procedure_id,day,pain_average/);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1 + 3);

    const ndjson = await bulkExportRoute(ctxOf("admin"), "Patient.ndjson");
    const lines = (await ndjson.text()).split("\n").filter(Boolean);
    expect(Number(ndjson.headers.get("x-resource-count"))).toBe(lines.length);
    expect(lines.map((l) => JSON.parse(l).resourceType)).toContain("Patient");
  });

  it("a user with a temporary password gets 403 everywhere", async () => {
    const temp = await createUser(t.db, "admin", { mustChangePassword: true });
    const response = await outcomeCsvRoute({ db: t.db, actor: temp, ip: null });
    expect(response.status).toBe(403);
  });
});

describe("the audit and outcomes exports go through the same path", () => {
  /** The refusals of one route in the audit trail. */
  async function denials(route: string) {
    const [row] = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "request.denied"),
          sql`${auditEvents.details}->>'route' = ${route}`,
        ),
      );
    return row?.n ?? 0;
  }
  const exports: Array<[string, string, (ctx: RouteContext) => Promise<Response>, Role]> = [
    [
      "GET /admin/audit/export",
      "audit.export",
      (ctx) => auditExportRoute(ctx, req("/admin/audit/export")),
      "admin",
    ],
    [
      "GET /admin/outcomes/export",
      "admin.outcomes.export",
      (ctx) => outcomesExportRoute(ctx, req("/admin/outcomes/export?table=success"), "admin"),
      "admin",
    ],
    [
      "GET /provider/outcomes/export",
      "provider.outcomes.export",
      (ctx) => outcomesExportRoute(ctx, req("/provider/outcomes/export?table=success"), "provider"),
      "provider",
    ],
  ];
  for (const [name, route, call, role] of exports) {
    it(`${name}: ${role}s get the CSV; every refusal is audited exactly once`, async () => {
      for (const persona of personas) {
        const ctx = ctxOf(persona);
        const [total, mine] = [await auditCount("request.denied"), await denials(route)];
        const response = await call(ctx);
        // Keeping the byte-order mark (spreadsheets need it to read UTF-8).
        const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
          await response.arrayBuffer(),
        );
        expect(response.headers.get("cache-control")).toBe("no-store");
        if (ctx.actor?.role === role) {
          expect(response.status, `${name} as ${persona}`).toBe(200);
          expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
          expect(body.startsWith("\uFEFF")).toBe(true);
          expect(await auditCount("request.denied")).toBe(total);
        } else {
          expect(response.status, `${name} as ${persona}`).toBe(ctx.actor ? 403 : 401);
          expect(await denials(route), `${name} as ${persona}: audited once`).toBe(mine + 1);
          expect(await auditCount("request.denied"), "and nowhere else").toBe(total + 1);
          expect(body).not.toContain(w.patient.name);
        }
      }
    });
  }

  it("bad filters are 400 with a human message, not audited as a refusal", async () => {
    const total = await auditCount("request.denied");
    const audit = await auditExportRoute(ctxOf("admin"), req("/x?from=not-a-date"));
    expect(audit.status).toBe(400);
    expect(await audit.text()).toBe("Please correct the filters.");
    const outcomes = await outcomesExportRoute(ctxOf("admin"), req("/x?table=nope"), "admin");
    expect(outcomes.status).toBe(400);
    expect(await auditCount("request.denied")).toBe(total);
  });
});

describe("bad ids and options: 400 or 404, never 500", () => {
  const provider = () => ctxOf("providerAssigned");
  const cases: Array<[string, () => Promise<Response>, number]> = [
    ["FHIR: NUL in the id", () => fhirEverythingRoute(provider(), req("/f"), "\u0000"), 400],
    ["FHIR: not a uuid", () => fhirEverythingRoute(provider(), req("/f"), "1 OR 1=1"), 400],
    ["FHIR: lone surrogate", () => fhirEverythingRoute(provider(), req("/f"), "\uD800"), 400],
    [
      "FHIR: unknown patient",
      () => fhirEverythingRoute(provider(), req("/f"), crypto.randomUUID()),
      404,
    ],
    [
      "FHIR: a provider's own id is not a patient",
      () => fhirEverythingRoute(provider(), req("/f"), w.providerA.id),
      404,
    ],
    ["PDF: NUL in the id", () => visitReportRoute(provider(), req("/r"), "a\u0000b"), 400],
    [
      "PDF: unknown patient",
      () => visitReportRoute(provider(), req("/r"), crypto.randomUUID()),
      404,
    ],
    [
      "PDF: NUL in procedureId",
      () => visitReportRoute(provider(), req("/r?procedureId=%00"), w.patient.id),
      400,
    ],
    [
      "PDF: unknown procedure",
      () =>
        visitReportRoute(provider(), req(`/r?procedureId=${crypto.randomUUID()}`), w.patient.id),
      404,
    ],
    [
      "PDF: another patient's procedure",
      () =>
        visitReportRoute(provider(), req(`/r?procedureId=${w.other.procedureId}`), w.patient.id),
      404,
    ],
    [
      "PDF: unknown paper",
      () => visitReportRoute(provider(), req("/r?paper=tabloid"), w.patient.id),
      400,
    ],
    ["Summary: NUL in the id", () => necessitySummaryRoute(provider(), req("/e"), "a\u0000b"), 400],
    [
      "Summary: unknown patient",
      () => necessitySummaryRoute(provider(), req("/e"), crypto.randomUUID()),
      404,
    ],
    [
      "Summary: another patient's procedure",
      () =>
        necessitySummaryRoute(
          provider(),
          req(`/e?procedureId=${w.other.procedureId}`),
          w.patient.id,
        ),
      404,
    ],
    [
      "Summary: unknown paper",
      () => necessitySummaryRoute(provider(), req("/e?paper=tabloid"), w.patient.id),
      400,
    ],
    [
      "Summary: no policy chosen for the patient",
      () => necessitySummaryRoute(ctxOf("admin"), req("/e"), w.spare.id),
      400,
    ],
    ["CSV: NUL in the id", () => diaryCsvRoute(provider(), "\u0000"), 400],
    ["NDJSON: unknown type", () => bulkExportRoute(ctxOf("admin"), "Account.ndjson"), 404],
    ["NDJSON: NUL in the type", () => bulkExportRoute(ctxOf("admin"), "Patient\u0000.ndjson"), 404],
  ];
  for (const [name, call, status] of cases) {
    it(`${name}: ${status}`, async () => {
      const response = await call();
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(text).not.toMatch(/select|stack|Error:/i);
      if (name.startsWith("FHIR")) {
        expect(response.headers.get("content-type")).toContain("application/fhir+json");
        expect(JSON.parse(text)).toMatchObject({
          resourceType: "OperationOutcome",
          issue: [{ severity: "error", code: status === 400 ? "invalid" : "not-found" }],
        });
      }
    });
  }
});

describe("failures", () => {
  it("a database that cannot be reached answers 503 (an OperationOutcome on FHIR routes), not 500", async () => {
    const response = await runRoute(
      ctxOf("admin"),
      { route: "test", roles: ["admin"], kind: "fhir" },
      async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
          code: "ECONNREFUSED",
        });
      },
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [{ code: "transient" }],
    });
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
    // Recover the shared "database down" mark for the rest of the process.
    const { clearDatabaseDown } = await import("@/db/unavailable");
    clearDatabaseDown();
  });

  it("an unexpected error answers 500 with a human message and no details", async () => {
    const response = await runRoute(
      ctxOf("admin"),
      { route: "test", roles: ["admin"], kind: "file" },
      async () => {
        throw new Error('relation "secret_table" does not exist');
      },
    );
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Something went wrong on our side. Please try again.");
  });
});
