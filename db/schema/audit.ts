import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Append-only: a trigger (see the custom migration) refuses UPDATE, DELETE and TRUNCATE.
 * `details` holds ids and codes only, never patient data. Tamper-evident
 * (docs/decisions/024-audit-hash-chain.md): an insert trigger numbers each row (`seq`, insertion
 * order) and chains it to the one before (`prevHash`, `hash`), so that an edited, deleted or
 * inserted row breaks the chain even when the triggers were disabled.
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
    /** Set by the insert trigger: the row's place in the chain. */
    seq: bigint({ mode: "number" }),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_at_idx").on(t.actorId, t.at),
    index("audit_events_patient_at_idx").on(t.patientId, t.at),
    index("audit_events_action_at_idx").on(t.action, t.at),
    uniqueIndex("audit_events_seq_idx").on(t.seq),
  ],
);
