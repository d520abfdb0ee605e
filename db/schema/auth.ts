import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Failed sign-in counters, one row per key (`account:<email>` or `ip:<address>`).
 * Kept in the database so that the limit holds across app instances.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/**
 * One row per sign-in; the session cookie (a JWT) holds its id. Every request loads it with the
 * user in one query by primary key: a revoked, expired or unfinished session is no session.
 * `state`: `active`; `mfa_pending` (password right, authentication code not yet given);
 * `mfa_enrol` (password right, the clinic requires a second factor the user has not set up).
 * Only `active` sessions reach pages and procedures; the other two reach only the sign-in step
 * that finishes them.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    state: text({ enum: ["active", "mfa_pending", "mfa_enrol"] })
      .notNull()
      .default("active"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Wrong authentication codes given in this session's second step. */
    codeFailures: integer().notNull().default(0),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_created_idx").on(t.userId, t.createdAt)],
);

/**
 * A staff member's TOTP authenticator (RFC 6238). `confirmedAt` null: enrolment started, not yet
 * confirmed by a code. `lastTimeStep`: the 30-second step of the last accepted code, so that a
 * code is never accepted twice.
 */
export const userMfa = pgTable("user_mfa", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  secret: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  lastTimeStep: bigint({ mode: "number" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes, stored only as hashes. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/**
 * A user's passkeys (WebAuthn credentials, docs/decisions/027-passkeys.md): the credential id and
 * COSE public key (base64url), the authenticator's signature counter (an assertion must raise it
 * unless the authenticator keeps none), its transports, and the name the user gave it.
 */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    credentialId: text().notNull().unique(),
    publicKey: text().notNull(),
    counter: bigint({ mode: "number" }).notNull().default(0),
    transports: text().array().notNull().default([]),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

/**
 * WebAuthn challenges handed out by the server, each taken (deleted) by the one response that
 * answers it, before it expires: a replayed response finds no challenge. In the database, so that
 * any app instance can take a challenge another instance gave. `userId`: the registering user
 * (null for a sign-in, where nobody is known yet).
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    challenge: text().primaryKey(),
    purpose: text({ enum: ["registration", "authentication"] }).notNull(),
    userId: uuid().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("webauthn_challenges_expires_idx").on(t.expiresAt)],
);
