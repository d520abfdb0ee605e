// The report and export routes (issue 12) as plain Request -> Response functions of the acting
// user: thin adapters over server/services/reports.ts and clinic-export.ts. app/ route files
// only add the session (server/http/route-context.ts). Being outside tRPC, they check the role
// themselves and audit a refusal the way tRPC does; out-of-scope records are 404 like unknown ones.
import { z } from "zod";
import type { Db } from "@/db/client";
import { noteDatabaseError } from "@/db/unavailable";
import type { Actor, Role } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { BULK_TYPES, type BulkType, operationOutcome } from "@/server/fhir/map";
import { log } from "@/server/log";
import { renderVisitReport, reportFileName } from "@/server/reports/visit-report-pdf";
import { recordAudit } from "@/server/services/audit";
import { bulkCounts, bulkNdjson, outcomeCsv } from "@/server/services/clinic-export";
import { diaryCsv, fhirEverything, visitReport } from "@/server/services/reports";

export type RouteContext = { db: Db; actor: Actor | null; ip: string | null };

type Kind = "fhir" | "file";
type Spec = { route: string; roles: readonly Role[]; kind: Kind };

const STATUS: Record<AppError["code"] | "UNAUTHORIZED", number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};
const FHIR_ISSUE = {
  400: "invalid",
  401: "login",
  403: "forbidden",
  404: "not-found",
  503: "transient",
} as const;

const NO_STORE = { "Cache-Control": "no-store" };

/** An error answer: an OperationOutcome for FHIR routes, a line of text otherwise. */
export function errorResponse(kind: Kind, status: number, message: string): Response {
  if (kind === "fhir") {
    const code = FHIR_ISSUE[status as keyof typeof FHIR_ISSUE] ?? "exception";
    return Response.json(operationOutcome(code, message), {
      status,
      headers: { ...NO_STORE, "Content-Type": "application/fhir+json; charset=utf-8" },
    });
  }
  return new Response(message, {
    status,
    headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
  });
}

const MESSAGES = {
  UNAUTHORIZED: "Please sign in.",
  FORBIDDEN: "You are not allowed to do that.",
  PASSWORD: "Please change your temporary password before you continue.",
  INTERNAL: "Something went wrong on our side. Please try again.",
  UNAVAILABLE: "The portal cannot reach its database right now. Please try again in a moment.",
};

async function denied(ctx: RouteContext, spec: Spec, code: keyof typeof STATUS, message: string) {
  await recordAudit(ctx.db, {
    actor: ctx.actor,
    action: "request.denied",
    outcome: "denied",
    ip: ctx.ip,
    details: { route: spec.route, code },
  });
  return errorResponse(spec.kind, STATUS[code], message);
}

/** Role check, then `handler`; AppErrors become their status, anything else a logged 500. */
export async function runRoute(
  ctx: RouteContext,
  spec: Spec,
  handler: (actor: Actor) => Promise<Response>,
): Promise<Response> {
  const { actor } = ctx;
  if (!actor) return denied(ctx, spec, "UNAUTHORIZED", MESSAGES.UNAUTHORIZED);
  if (actor.mustChangePassword) return denied(ctx, spec, "FORBIDDEN", MESSAGES.PASSWORD);
  if (!spec.roles.includes(actor.role)) return denied(ctx, spec, "FORBIDDEN", MESSAGES.FORBIDDEN);
  try {
    return await handler(actor);
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")
        return denied(ctx, spec, error.code, error.message);
      return errorResponse(spec.kind, STATUS[error.code], error.message);
    }
    if (noteDatabaseError(error)) return errorResponse(spec.kind, 503, MESSAGES.UNAVAILABLE);
    log.error({ err: error, route: spec.route, actor: actor.id }, "route failed");
    return errorResponse(spec.kind, 500, MESSAGES.INTERNAL);
  }
}

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

function attachment(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

/** The patient a route is about: an id in the path, or the signed-in patient ("me"/own routes). */
function patientOf(actor: Actor, idOrMe: string): string {
  if (idOrMe === "me") {
    if (actor.role !== "patient") throw new AppError("NOT_FOUND", "That patient was not found.");
    return actor.id;
  }
  return recordId(idOrMe, "patient id");
}

// ---- FHIR ----

/** `GET /api/fhir/Patient/<id|me>/$everything` */
export function fhirEverythingRoute(ctx: RouteContext, request: Request, id: string) {
  return runRoute(
    ctx,
    { route: "fhir.patient.everything", roles: ["patient", "provider", "admin"], kind: "fhir" },
    async (actor) => {
      const patientId = patientOf(actor, id);
      const baseUrl = `${new URL(request.url).origin}/api/fhir`;
      const bundle = await fhirEverything(ctx.db, actor, patientId, { baseUrl, ip: ctx.ip });
      return new Response(JSON.stringify(bundle), {
        headers: {
          ...NO_STORE,
          "Content-Type": "application/fhir+json; charset=utf-8",
          ...(new URL(request.url).searchParams.get("download") === "1"
            ? { "Content-Disposition": `attachment; filename="my-health-record.fhir.json"` }
            : {}),
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
      const { csv } = await diaryCsv(ctx.db, actor, patientId, ctx.ip);
      // A byte-order mark, so that spreadsheets read the file as UTF-8.
      return attachment(`\uFEFF${csv}`, "text/csv; charset=utf-8", "pain-diary.csv");
    },
  );
}

// ---- Clinic exports (admins) ----

/** Text chunks from `chunks` as a response body, pulled as the client reads. */
function streamOf(chunks: AsyncGenerator<string>, prefix = ""): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (prefix) controller.enqueue(encoder.encode(prefix));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        log.error({ err: error }, "export stream failed");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

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
          ...NO_STORE,
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
