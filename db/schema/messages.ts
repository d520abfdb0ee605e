import { sql } from "drizzle-orm";
import {
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { diaryEntries } from "./clinical";
import { users } from "./users";

/**
 * One conversation per patient with their care team (docs/decisions/020-messages.md), keyed by the
 * patient. Written in the same transaction as each message: `awaitingSince` and `awaitingLatest`
 * are the moments of the oldest and the newest message from the patient that no reply from the care
 * team has followed (null: answered). They put the patient in "Needs review"
 * (docs/clinical-rules.md#review-states) until a reply or a decision newer than them, and order the
 * providers' inbox.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    patientId: uuid()
      .primaryKey()
      .references(() => users.id),
    lastMessageAt: timestamp({ withTimezone: true }).notNull(),
    awaitingSince: timestamp({ withTimezone: true }),
    /** The newest message from the patient that no reply has followed (null: answered). */
    awaitingLatest: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_threads_awaiting_idx").on(t.awaitingSince)],
);

/**
 * A message, never edited or deleted (the database refuses both). A "report a change" from the
 * patient carries what changed, the pain now, where, and may point at the day's diary entry; a
 * reply is plain text. Idempotent on the author's client-generated id.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The thread: the patient the conversation is about. */
    patientId: uuid()
      .notNull()
      .references(() => users.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    authorRole: text({ enum: ["patient", "provider"] }).notNull(),
    clientId: uuid().notNull(),
    /**
     * docs/decisions/020-messages.md change code of a report (the first of `changes`); null for a
     * plain message.
     */
    change: text(),
    /** Every change the report names; null for a plain message and for reports of one reason
     * written before reports could name several (read `change` then). */
    changes: text().array(),
    painNow: smallint(),
    locations: text().array().notNull().default(sql`'{}'::text[]`),
    diaryEntryId: uuid().references(() => diaryEntries.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_author_client_idx").on(t.authorId, t.clientId),
    index("messages_patient_created_idx").on(t.patientId, t.createdAt),
  ],
);

/**
 * Read receipts, per reader and thread: the moment of the newest message the reader has seen. A
 * message was read by everyone whose `readUpTo` is at or after it.
 */
export const messageReads = pgTable(
  "message_reads",
  {
    patientId: uuid()
      .notNull()
      .references(() => users.id),
    readerId: uuid()
      .notNull()
      .references(() => users.id),
    readUpTo: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.patientId, t.readerId] }),
    index("message_reads_reader_idx").on(t.readerId),
  ],
);
