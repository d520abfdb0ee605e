/**
 * Recognising "the database cannot be reached" (as opposed to a bug or a bad query), so that
 * users get 503 and a message they can act on instead of a 500. Drizzle wraps driver errors
 * (`DrizzleQueryError`, its `cause` the driver's error), so the whole cause chain is checked.
 */

/** postgres.js connection codes, Node socket codes, and PostgreSQL's shutdown/connection classes. */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) {
      return true;
    }
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Set while the database is known to be unreachable: the HTTP server then answers 503 at once
 * (after one quick probe) instead of letting every request wait for a connection. Shared on
 * globalThis by the start script and the Next.js bundle, which load separate copies of modules.
 */
const state = globalThis as unknown as { __portalDbDownSince?: number | null };

export function noteDatabaseError(error: unknown): boolean {
  const down = isDatabaseUnavailable(error);
  if (down) state.__portalDbDownSince ??= Date.now();
  return down;
}

export function databaseMarkedDown(): boolean {
  return state.__portalDbDownSince != null;
}

export function clearDatabaseDown(): void {
  state.__portalDbDownSince = null;
}
