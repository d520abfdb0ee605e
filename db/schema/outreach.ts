import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** shared/outreach.ts CALL_OUTCOMES (the database keeps its own copy, in the check below). */
type CallOutcome = "reached" | "left_message" | "no_answer";

/**
 * "Call the patient" (docs/decisions/035-outreach.md): a task a provider opens for a patient on
 * their care team, with a due date and why; open (closed_at null) it keeps the patient in
 * "Follow-up due" (docs/clinical-rules.md#review-states) until a provider closes it with an
 * outcome.
 */
export const callTasks = pgTable(
  "call_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => users.id),
    outcome: text().$type<CallOutcome>(),
    note: text().notNull().default(""),
  },
  (t) => [
    index("call_tasks_open_idx").on(t.patientId, t.dueOn).where(sql`${t.closedAt} is null`),
    check(
      "call_tasks_closed",
      sql`(${t.closedAt} is null and ${t.outcome} is null) or (${t.closedAt} is not null and ${t.outcome} in ('reached', 'left_message', 'no_answer'))`,
    ),
  ],
);

/**
 * Break-the-glass support reads (docs/decisions/036-support-access.md): an admin opens one
 * patient's review for an hour, read-only, with a reason typed each time; the care team sees who,
 * when and why on the review page.
 */
export const supportAccess = pgTable(
  "support_access",
  {
    id: uuid().primaryKey().defaultRandom(),
    adminId: uuid()
      .notNull()
      .references(() => users.id),
    patientId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("support_access_admin_idx").on(t.adminId, t.patientId, t.expiresAt),
    index("support_access_patient_idx").on(t.patientId, t.createdAt),
  ],
);

/**
 * One-tap check-in links (docs/decisions/038-one-tap-check-ins.md): a check-in reminder carries a
 * link that opens that one check-in after the patient confirms their date of birth. Single use,
 * valid 7 days, only the SHA-256 of its token stored; five wrong dates of birth end it.
 */
export const checkInLinks = pgTable(
  "check_in_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    patientId: uuid()
      .notNull()
      .references(() => users.id),
    /**
     * The check-in (14, 42, ...) of the patient's latest procedure the link opens; 0 in a kiosk's
     * grant of today's diary entry.
     */
    checkInDay: integer().notNull(),
    /**
     * Where the link was given: email (a reminder), qr (the clinic's screen or report), kiosk (a
     * patient identified at the clinic's station, docs/decisions/039-kiosk.md: 10 minutes, held
     * by the station's page only, never opened at /c/).
     */
    sentBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    wrongDates: integer().notNull().default(0),
    /** Set when the fifth wrong date of birth ended the link. */
    endedAt: timestamp({ withTimezone: true }),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("check_in_links_patient_idx").on(t.patientId, t.createdAt)],
);
