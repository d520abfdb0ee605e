import {
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { procedures } from "./clinical";

/**
 * A procedure's assessment, cached per procedure and kind (server/services/assessments/cache.ts,
 * docs/decisions/008-caseload-assessment-cache.md): `caseload` (the caseload row's assessment part,
 * with the acknowledgement episodes), `outcome` (its contribution to the clinic's outcomes,
 * decision 018) and `patient` (what the patient's own home and progress page show). A row is valid
 * only while its key (data_version, as_of, criteria, engine_version) equals the procedure's
 * current data_version, the clinic's today, the clinic's criteria and the code's version of that
 * kind; anything else is recomputed. Written by reads only; never a source of truth.
 */
export const assessmentCache = pgTable(
  "assessment_cache",
  {
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    dataVersion: integer().notNull(),
    asOf: date({ mode: "string" }).notNull(),
    criteria: text().notNull(),
    engineVersion: integer().notNull(),
    value: jsonb().$type<Record<string, unknown>>().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.kind] })],
);
