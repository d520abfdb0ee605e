import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "@/db/client";
import { noteDatabaseError } from "@/db/unavailable";
import type { Actor, Role } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { recordDenial } from "@/server/services/audit";
import { STATION_LOCKED_MESSAGE, verifyStation } from "@/server/services/kiosk";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/shared/outage";

export type Context = {
  db: Db;
  /** Reloaded from the database for this request; null when not signed in. */
  actor: Actor | null;
  ip: string | null;
  /** The server-side session of this request (sessions.id), when known. */
  sessionId?: string | null;
  /** The clinic kiosk's credential (decision 039): only on the kiosk's own endpoint. */
  station?: StationCookie;
};

/**
 * The station cookie of the kiosk's endpoint (/kiosk/api/trpc, docs/decisions/039-kiosk.md): the
 * credential the request carried, and how to set or clear it on the response.
 */
export type StationCookie = {
  token: string | null;
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

export const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";
/** An input that its schema could not even read (the validator itself threw on it). */
export const UNREADABLE_INPUT_MESSAGE = "Something in what was sent is not valid. Please check it.";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const app = error.cause instanceof AppError ? error.cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    // Never a stack trace, SQL or driver message: only what the user can act on.
    return {
      code: shape.code,
      message: internal
        ? INTERNAL_MESSAGE
        : zod
          ? "Please correct the highlighted fields."
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: zod?.fieldErrors ?? app?.fieldErrors ?? null,
        formErrors: zod?.formErrors ?? [],
      },
    };
  },
});

export const databaseUnavailable = (cause?: unknown) =>
  new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const DENIALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

/** Services throw AppError; here it becomes the matching tRPC error, and denials are audited. */
const base = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  let result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    result = {
      ...result,
      error: new TRPCError({ code: cause.code, message: cause.message, cause }),
    };
  }
  // zod can throw on input shaped to trip it ({ length: { toString: false } } reaches a length
  // check after the type check failed): still a 400, but never the JavaScript error's words.
  if (
    !result.ok &&
    result.error.code === "BAD_REQUEST" &&
    !(result.error.cause instanceof ZodError) &&
    !(result.error.cause instanceof AppError)
  ) {
    result = {
      ...result,
      error: new TRPCError({
        code: "BAD_REQUEST",
        message: UNREADABLE_INPUT_MESSAGE,
        cause: result.error.cause,
      }),
    };
  }
  // An outage is not a bug: 503 with a message the user can act on (the form retries).
  if (!result.ok && noteDatabaseError(result.error.cause ?? result.error)) {
    result = { ...result, error: databaseUnavailable(result.error.cause) };
  }
  const code = result.ok ? "OK" : result.error.code;
  if (!result.ok && DENIALS.has(code)) {
    await recordDenial(ctx.db, ctx.actor, ctx.ip, { procedure: path, code });
  }
  if (!result.ok && code === "INTERNAL_SERVER_ERROR") {
    log.error({ err: result.error.cause ?? result.error, procedure: path }, "procedure failed");
  }
  log.info(
    {
      procedure: path,
      type,
      code,
      ms: Math.round(performance.now() - started),
      actor: ctx.actor?.id,
    },
    "trpc",
  );
  return result;
});

export const publicProcedure = base;

/** What a user whose password must be changed (temporary password) may still call. */
const OPEN_WHILE_PASSWORD_MUST_CHANGE = new Set(["account.changePassword", "session.me"]);

export const protectedProcedure = base.use(({ ctx, path, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (ctx.actor.mustChangePassword && !OPEN_WHILE_PASSWORD_MUST_CHANGE.has(path)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Please change your temporary password before you continue.",
    });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

const roleProcedure = (...roles: Role[]) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You are not allowed to do that." });
    }
    return next();
  });

export const patientProcedure = roleProcedure("patient");
export const providerProcedure = roleProcedure("provider");
export const adminProcedure = roleProcedure("admin");
/** Reads of a patient's data by the people who may see it (scoped per record by the service). */
export const staffProcedure = roleProcedure("provider", "admin");
/** Messages (docs/decisions/020-messages.md): patients and providers; admins do not read them. */
export const messagingProcedure = roleProcedure("patient", "provider");

/**
 * A patient's step at the clinic's kiosk (decision 039): the station's credential, checked against
 * the database on every call, whoever is signed in (a staff session is not a station).
 */
export const stationProcedure = base.use(async ({ ctx, next }) => {
  const station = await verifyStation(ctx.db, ctx.station?.token);
  if (!station) throw new TRPCError({ code: "UNAUTHORIZED", message: STATION_LOCKED_MESSAGE });
  return next({ ctx: { ...ctx, kiosk: station } });
});
