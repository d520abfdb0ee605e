// The one way to answer HTTP outside tRPC (downloads, PDF, FHIR): `runRoute` checks the session
// and the role, audits a refusal, maps errors to statuses, and the handler answers with
// `attachment` or `streamOf`. Route functions take the request's context (createContext), so
// they are tested without a server (report-routes.int.test.ts). See ARCHITECTURE.md.
import "server-only";
import { noteDatabaseError } from "@/db/unavailable";
import type { Context } from "@/server/api/trpc";
import type { Actor, Role } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { operationOutcome } from "@/server/fhir/map";
import { log } from "@/server/log";
import { recordDenial } from "@/server/services/audit";

export type RouteContext = Pick<Context, "db" | "actor" | "ip">;

/** "fhir" routes answer errors as an OperationOutcome, "file" routes as a line of text. */
type Kind = "fhir" | "file";
export type RouteSpec = {
  /** The route's name in the audit trail. */
  route: string;
  roles: readonly Role[];
  kind: Kind;
};

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

async function denied(
  ctx: RouteContext,
  spec: RouteSpec,
  code: keyof typeof STATUS,
  message: string,
) {
  await recordDenial(ctx.db, ctx.actor, ctx.ip, { route: spec.route, code });
  return errorResponse(spec.kind, STATUS[code], message);
}

/**
 * Session and role check, then `handler`: a refusal is audited once and answered 401/403; an
 * AppError becomes its status (not found and forbidden audited as refusals), a database outage
 * 503, anything else a logged 500 with no detail for the user.
 */
export async function runRoute(
  ctx: RouteContext,
  spec: RouteSpec,
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

/** A download: `body` saved as `filename`, never cached. */
export function attachment(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

/**
 * Text chunks from `chunks` as a response body, pulled as the client reads (an export of the
 * whole clinic never sits in memory); `prefix` first (a byte-order mark for spreadsheets).
 */
export function streamOf(chunks: AsyncGenerator<string>, prefix = ""): ReadableStream<Uint8Array> {
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
