import pino from "pino";
import { env } from "./env";

/**
 * Structured logs, one JSON line per request or event. Log ids and codes only: never names,
 * emails, diary content or SQL parameters.
 */
export const log = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: undefined,
  serializers: {
    err: safeError,
  },
});

/**
 * Only these fields of an error. drizzle's "Failed query" error repeats the query parameters
 * (patient data) in its message and stack, so the driver's own error underneath is logged instead.
 */
export function safeError(e: unknown) {
  if (!(e instanceof Error)) return { message: "non-error thrown" };
  const inner = e.name === "DrizzleQueryError" && e.cause instanceof Error ? e.cause : e;
  return {
    type: inner.name,
    message: inner.message,
    code: (inner as { code?: unknown }).code,
    stack: inner.stack?.split("\n").slice(1).join("\n"),
  };
}
