import { sql } from "drizzle-orm";
import { boolean, check, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** The clinic's settings: a single row (id is always true). */
export const clinicSettings = pgTable(
  "clinic_settings",
  {
    id: boolean().primaryKey().default(true),
    successCriteria: text({ enum: ["strict", "lenient"] })
      .notNull()
      .default("strict"),
    /** IANA zone; null means the CLINIC_TIME_ZONE default. */
    timeZone: text(),
    /** Shown to patients on their pages and in every email's footer. */
    clinicName: text(),
    clinicPhone: text(),
    /**
     * "When to call now": the signs after an ablation that need a call to the clinic, shown on the
     * patient's help page; null: the standard list (shared/clinic-help.ts).
     */
    warningSigns: text().array(),
    /**
     * Hours of relief consistent with each anesthetic of a diagnostic block (SPEC 11.2), by code
     * (lidocaine, bupivacaine, ropivacaine, other); a missing code: pathway-vocab
     * defaultAgentMinHours.
     */
    anestheticHours: jsonb().$type<Record<string, number>>(),
    /** When the care team answers messages, e.g. "within one working day"; null: not said. */
    replyTime: text(),
    /**
     * Providers and admins must sign in with a second factor
     * (docs/decisions/010-second-factor-for-staff.md).
     */
    requireStaffMfa: boolean().notNull().default(false),
    /**
     * The portal's public address, where links in emails point (docs/decisions/033-first-run-setup.md); null: APP_URL
     * (server/env.ts appUrl).
     */
    publicUrl: text(),
    /**
     * Web push's VAPID keys when VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not set: made at first
     * use; the private key encrypted with the data key (docs/decisions/023-secrets-at-rest.md).
     */
    vapidPublicKey: text(),
    vapidPrivateKey: text(),
    /** When an admin completed the first-run setup; null: /admin opens on the setup page. */
    setupCompletedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [check("clinic_settings_single_row", sql`${t.id}`)],
);
