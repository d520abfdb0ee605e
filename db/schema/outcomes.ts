import { date, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { procedures } from "./clinical";

/**
 * A procedure's contribution to the clinic's outcomes (server/analytics/cohort.ts: the assessments
 * at 42, 90 and 180 days and as of today), cached per procedure under the same key as the
 * caseload's cache (decision 008): valid only while (data_version, as_of, criteria,
 * engine_version) equal the procedure's current data_version, the clinic's today and criteria, and
 * OUTCOME_CACHE_VERSION. Written by outcome reads only; never a source of truth.
 */
export const outcomeAssessments = pgTable("outcome_assessments", {
  procedureId: uuid()
    .primaryKey()
    .references(() => procedures.id, { onDelete: "cascade" }),
  dataVersion: integer().notNull(),
  asOf: date({ mode: "string" }).notNull(),
  criteria: text().notNull(),
  engineVersion: integer().notNull(),
  outcome: jsonb().$type<Record<string, unknown>>().notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
