import { date, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { procedures } from "./clinical";

/**
 * The caseload's assessment of a procedure (the outcome engine's output and the acknowledgement
 * episodes, as the caseload shows them), cached per procedure. A row is valid only while its key
 * (data_version, as_of, criteria, engine_version) equals the procedure's current data_version,
 * the clinic's today, the clinic's criteria and the code's ASSESSMENT_VERSION; anything else is
 * recomputed (server/services/caseload.ts, docs/decisions/008-caseload-assessment-cache.md).
 * Written by caseload reads only; never a source of truth.
 */
export const caseloadAssessments = pgTable("caseload_assessments", {
  procedureId: uuid()
    .primaryKey()
    .references(() => procedures.id, { onDelete: "cascade" }),
  dataVersion: integer().notNull(),
  asOf: date({ mode: "string" }).notNull(),
  criteria: text().notNull(),
  engineVersion: integer().notNull(),
  summary: jsonb().$type<Record<string, unknown>>().notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
