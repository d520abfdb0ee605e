import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Every email, written in the same transaction as what caused it, then delivered by the
 * `mail.deliver` job (server/jobs). Without SMTP_URL rows stay `pending`: admins read them at
 * /admin/outbox. No patient data in subject or body
 * (docs/decisions/014-invitations-reminders-notifications.md).
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    /**
     * invitation, reminder_check_in, reminder_diary, reminder_daily, staff_high_flag, staff_digest
     */
    kind: text().notNull(),
    /**
     * How it goes (docs/decisions/040-push-and-texts.md): `email` to an address, `push` to a
     * push subscription (toAddress is its id), `text` to a phone number. Push and text carry a
     * title and a short text only; `link` is what a tap opens.
     */
    channel: text({ enum: ["email", "push", "text"] })
      .notNull()
      .default("email"),
    link: text(),
    userId: uuid().references(() => users.id),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    status: text({ enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("outbox_created_idx").on(t.createdAt, t.id),
  ],
);

/** Single-use invitation links: only the SHA-256 of the token is kept. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id),
    /**
     * What the link is for: an admin's invitation (72 hours) or a reset the person asked for
     * themselves on the sign-in page (1 hour). Both let the person choose a new password.
     */
    purpose: text().$type<"invitation" | "password_reset">().notNull().default("invitation"),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_idx").on(t.tokenHash),
    index("invitations_user_idx").on(t.userId, t.createdAt),
    check("invitations_purpose", sql`${t.purpose} in ('invitation', 'password_reset')`),
  ],
);

/** A person's reminder and notification choices; no row means the defaults. */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  /** Hour of the day (0-23) in the clinic's time zone at which reminders are sent. */
  reminderHour: smallint().notNull().default(18),
  checkInDue: boolean().notNull().default(true),
  diaryLapsed: boolean().notNull().default(true),
  dailyDiary: boolean().notNull().default(false),
  /** Staff: an email at once when a high flag is raised for one of their patients. */
  highFlagEmail: boolean().notNull().default(false),
  /** Patients: an email (without its text) when the care team replies. */
  replyEmail: boolean().notNull().default(true),
  /** Staff: an email (without its text) when a patient on their care team sends a message. */
  patientMessageEmail: boolean().notNull().default(false),
  /** Staff: one email a day with how many patients need review. */
  dailyDigest: boolean().notNull().default(true),
  /**
   * Patients: text messages (SPEC 12), opt-in. The number the patient gave and when they agreed;
   * `textStoppedAt` when they replied STOP (texts off until they opt in again).
   */
  textPhone: text(),
  textConsentAt: timestamp({ withTimezone: true }),
  textStoppedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Web push subscriptions (docs/decisions/040-push-and-texts.md): one per device a patient turned
 * "Reminders on this phone" on; created when they agreed (the consent). Removed by the patient, or
 * when the push service answers 404/410 (the subscription is gone).
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    endpoint: text().notNull().unique(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    /** What the patient sees in their list, e.g. "Chrome on Android". */
    device: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);

/**
 * "This was done once": the key of a sent reminder (`reminder:<user>:<day>`), digest or flag
 * email, inserted in the same transaction as its outbox row, so that several workers send it
 * once.
 */
export const sentMarks = pgTable("sent_marks", {
  key: text().primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** In-app notifications (the bell). `key` makes a notification idempotent. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    key: text().notNull(),
    title: text().notNull(),
    href: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_user_key_idx").on(t.userId, t.key),
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
