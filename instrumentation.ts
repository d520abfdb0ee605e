import type { Instrumentation } from "next";
import { noteDatabaseError } from "@/db/unavailable";

/**
 * A page or route that fails because the database is unreachable marks the outage, so the
 * server answers 503 with a human page (server/http/database-outage.ts) until it is back.
 */
export const onRequestError: Instrumentation.onRequestError = (error) => {
  noteDatabaseError(error);
};
