import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { repeatPolicies } from "./policies";

export const userRole = pgEnum("user_role", ["patient", "provider", "admin"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** Bumped to revoke every session of this user (sign-out everywhere, password reset). */
    sessionVersion: integer().notNull().default(1),
    mustChangePassword: boolean().notNull().default(false),
    /**
     * Patients only (docs/decisions/012-patient-identity-and-presentation.md): identity shown in
     * the staff banner; all optional.
     */
    dateOfBirth: date({ mode: "string" }),
    /** Medical record number, unique within the clinic (case-insensitive) when given. */
    mrn: text(),
    phone: text(),
    /** Patients only: the repeat-ablation policy (their payer's) the care team chose; null: none. */
    repeatPolicyId: uuid().references(() => repeatPolicies.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_role_name_idx").on(t.role, t.name),
    uniqueIndex("users_mrn_lower_idx").on(sql`lower(${t.mrn})`).where(sql`${t.mrn} is not null`),
  ],
);

/** Which provider follows which patient. */
export const careTeam = pgTable(
  "care_team",
  {
    providerId: uuid()
      .notNull()
      .references(() => users.id),
    patientId: uuid()
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.patientId] }),
    index("care_team_patient_idx").on(t.patientId),
  ],
);
