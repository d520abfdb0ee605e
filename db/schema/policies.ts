import { sql } from "drizzle-orm";
import {
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Repeat-ablation policies (SPEC 11.3, docs/decisions/030-repeat-ablation-evidence.md): what a payer
 * asks for before it pays for a repeat ablation at the same target. Clinic settings an admin edits;
 * the migration ships the two published examples. A patient's policy is `users.repeat_policy_id`.
 */
export const repeatPolicies = pgTable(
  "repeat_policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** Relief (%) a diagnostic block must give to count as positive under this policy. */
    blockThreshold: doublePrecision().notNull(),
    reliefPct: doublePrecision().notNull(),
    /** null: the policy has no function criterion. */
    functionPct: doublePrecision(),
    requiredDays: integer().notNull(),
    maxGapDays: integer().notNull(),
    minIntervalDays: integer().notNull(),
    maxPerYear: integer().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The admin who last edited it (a user id; no foreign key, so the schema files stay acyclic). */
    updatedBy: uuid(),
  },
  (t) => [uniqueIndex("repeat_policies_name_lower_idx").on(sql`lower(${t.name})`)],
);
