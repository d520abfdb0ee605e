// The report and export routes (issue 12) as plain Request -> Response functions of the acting
// user: thin adapters over server/services/reports.ts and clinic-export.ts through runRoute
// (run-route.ts: role check, denial audit, error mapping). app/ route files only add the request's
// context (createContext). Out-of-scope records are 404 like unknown ones.
import { z } from "zod";
import type { Actor } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { BULK_TYPES, type BulkType } from "@/server/fhir/map";
import { exportFileName } from "@/server/reports/file-names";
import { necessityFileName, renderNecessitySummary } from "@/server/reports/necessity-summary-pdf";
import { renderVisitReport, reportFileName } from "@/server/reports/visit-report-pdf";
import { bulkCounts, bulkNdjson, outcomeCsv } from "@/server/services/clinic-export";
import { necessitySummary } from "@/server/services/necessity-summary";
import { diaryCsv, fhirEverything, visitReport } from "@/server/services/reports";
import { getClinicSettings } from "@/server/services/settings";
import { todayInZone } from "@/server/time";
import { attachment, type RouteContext, runRoute, streamOf } from "./run-route";

const invalid = (what: string) => new AppError("BAD_REQUEST", `That ${what} is not valid.`);

/** A path segment that must be a record id. */
function recordId(value: string, what: string): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw invalid(what);
  return parsed.data;
}

const ReportQuery = z.object({
  procedureId: z.uuid().optional(),
  paper: z
    .enum(["a4", "letter"])
    .optional()
    .transform((p) =>
      p === "letter" ? ("LETTER" as const) : p === "a4" ? ("A4" as const) : undefined,
    ),
});

function reportQuery(request: Request) {
  const url = new URL(request.url);
  const parsed = ReportQuery.safeParse({
    procedureId: url.searchParams.get("procedureId") || undefined,
    paper: url.searchParams.get("paper")?.toLowerCase() || undefined,
  });
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Please correct the report's options.");
  return parsed.data;
}

/** The patient a route is about: an id in the path, or the signed-in patient ("me"/own routes). */
function patientOf(actor: Actor, idOrMe: string): string {
  if (idOrMe === "me") {
    if (actor.role !== "patient") throw new AppError("NOT_FOUND", "That patient was not found.");
    return actor.id;
  }
  return recordId(idOrMe, "patient id");
}

/** The clinic's calendar day, for file names. */
async function clinicToday(ctx: RouteContext): Promise<string> {
  return todayInZone((await getClinicSettings(ctx.db)).timeZone);
}

// ---- FHIR ----

/** The MRN and name of the Patient resource a bundle starts with (docs/decisions/015). */
function patientOfBundle(bundle: { entry?: Array<{ resource?: unknown }> }): {
  mrn: string | null;
  name: string;
} {
  const patient = bundle.entry?.find(
    (e) => (e.resource as { resourceType?: string })?.resourceType === "Patient",
  )?.resource as
    | { identifier?: Array<{ system?: string; value?: string }>; name?: Array<{ text?: string }> }
    | undefined;
  return {
    mrn: patient?.identifier?.find((i) => i.system?.endsWith(":mrn"))?.value ?? null,
    name: patient?.name?.[0]?.text ?? "",
  };
}

/** `GET /api/fhir/Patient/<id|me>/$everything` */
export function fhirEverythingRoute(ctx: RouteContext, request: Request, id: string) {
  return runRoute(
    ctx,
    { route: "fhir.patient.everything", roles: ["patient", "provider", "admin"], kind: "fhir" },
    async (actor) => {
      const patientId = patientOf(actor, id);
      const baseUrl = `${new URL(request.url).origin}/api/fhir`;
      const bundle = await fhirEverything(ctx.db, actor, patientId, { baseUrl, ip: ctx.ip });
      const download = new URL(request.url).searchParams.get("download") === "1";
      const filename = download
        ? exportFileName(
            "health-record",
            actor.role === "patient" ? "own" : patientOfBundle(bundle),
            await clinicToday(ctx),
          )
        : null;
      return new Response(JSON.stringify(bundle), {
        headers: {
          "Cache-Control": "no-store",
          "Content-Type": "application/fhir+json; charset=utf-8",
          ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
        },
      });
    },
  );
}

// ---- Visit report (PDF) ----

/** `GET /provider/patients/<id>/report.pdf` (care team, admins) and `GET /patient/report.pdf`. */
export function visitReportRoute(ctx: RouteContext, request: Request, patient: string | "me") {
  const own = patient === "me";
  return runRoute(
    ctx,
    {
      route: own ? "report.pdf.own" : "report.pdf",
      roles: own ? ["patient"] : ["provider", "admin"],
      kind: "file",
    },
    async (actor) => {
      const patientId = patientOf(actor, patient);
      const query = reportQuery(request);
      const report = await visitReport(ctx.db, actor, { patientId, ...query }, ctx.ip);
      const pdf = await renderVisitReport(report);
      return attachment(new Uint8Array(pdf), "application/pdf", reportFileName(report));
    },
  );
}

// ---- Medical-necessity summary (PDF) ----

/** `GET /provider/patients/<id>/evidence.pdf?procedureId=&paper=` (care team, admins). */
export function necessitySummaryRoute(ctx: RouteContext, request: Request, patient: string) {
  return runRoute(
    ctx,
    { route: "evidence.pdf", roles: ["provider", "admin"], kind: "file" },
    async (actor) => {
      const patientId = recordId(patient, "patient id");
      const query = reportQuery(request);
      const summary = await necessitySummary(ctx.db, actor, { patientId, ...query }, ctx.ip);
      const pdf = await renderNecessitySummary(summary);
      return attachment(new Uint8Array(pdf), "application/pdf", necessityFileName(summary));
    },
  );
}

// ---- Diary CSV ----

/** `GET /provider/patients/<id>/diary.csv` (care team, admins) and `GET /patient/diary.csv`. */
export function diaryCsvRoute(ctx: RouteContext, patient: string | "me") {
  const own = patient === "me";
  return runRoute(
    ctx,
    {
      route: own ? "diary.csv.own" : "diary.csv",
      roles: own ? ["patient"] : ["provider", "admin"],
      kind: "file",
    },
    async (actor) => {
      const patientId = patientOf(actor, patient);
      const { patient: about, csv } = await diaryCsv(ctx.db, actor, patientId, ctx.ip);
      const filename = exportFileName("pain-diary", own ? "own" : about, await clinicToday(ctx));
      // A byte-order mark, so that spreadsheets read the file as UTF-8.
      return attachment(`\uFEFF${csv}`, "text/csv; charset=utf-8", filename);
    },
  );
}

// ---- Clinic exports (admins) ----

/**
 * `GET /admin/export/fhir/<Type>.ndjson`: one resource type of the whole clinic, streamed, with
 * the number of resources to come in `X-Resource-Count` (for the progress bar).
 */
export function bulkExportRoute(ctx: RouteContext, file: string) {
  return runRoute(
    ctx,
    { route: "export.fhir.ndjson", roles: ["admin"], kind: "fhir" },
    async (actor) => {
      const type = BULK_TYPES.find((t) => file === `${t}.ndjson`);
      if (!type) throw new AppError("NOT_FOUND", "There is no such export.");
      const counts = await bulkCounts(ctx.db, actor);
      const chunks = await bulkNdjson(ctx.db, actor, type as BulkType, ctx.ip);
      return new Response(streamOf(chunks), {
        headers: {
          "Cache-Control": "no-store",
          "Content-Type": "application/fhir+ndjson",
          "Content-Disposition": `attachment; filename="${type}.ndjson"`,
          "X-Resource-Count": String(counts[type]),
        },
      });
    },
  );
}

/** `GET /admin/export/outcomes.csv`: the clinic's outcome table, one row per procedure. */
export function outcomeCsvRoute(ctx: RouteContext) {
  return runRoute(
    ctx,
    { route: "export.outcomes.csv", roles: ["admin"], kind: "file" },
    async (actor) => {
      const chunks = await outcomeCsv(ctx.db, actor, ctx.ip);
      const day = new Date().toISOString().slice(0, 10);
      return attachment(
        streamOf(chunks, "\uFEFF"),
        "text/csv; charset=utf-8",
        `clinic-outcomes-${day}.csv`,
      );
    },
  );
}
