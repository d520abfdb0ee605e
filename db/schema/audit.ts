import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only: a trigger (see the custom migration) refuses UPDATE, DELETE and TRUNCATE.
 * `details` holds ids and codes only, never patient data.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorRole: text(),
    action: text().notNull(),
    outcome: text({ enum: ["success", "failure", "denied"] }).notNull(),
    targetType: text(),
    targetId: text(),
    patientId: uuid(),
    ip: text(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_at_idx").on(t.actorId, t.at),
    index("audit_events_patient_at_idx").on(t.patientId, t.at),
    index("audit_events_action_at_idx").on(t.action, t.at),
  ],
);
