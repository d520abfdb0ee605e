import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { signInThrottle, userMfa, users } from "@/db/schema";
import { burnPasswordCheck, verifyPassword } from "@/server/auth/password-hash";
import { text } from "@/shared/text";
import { recordAudit } from "./audit";
import { type SessionState, startSession } from "./sessions";
import { getClinicSettings } from "./settings";

/**
 * The sign-in throttle (docs/decisions/022-sign-in-throttle.md): failures are counted per account
 * from one address, per account from anywhere, and per address over every account, each within a
 * 15-minute window. Past its ceiling a key is slowed, not locked: the next attempt waits 30 s, then
 * twice as long after each further failure, at most 15 minutes. The per-address ceiling is high,
 * so that one person's typos behind a clinic's shared address never stop anyone else.
 */
export const THROTTLE = {
  /** One account from one address: a person at a keyboard. */
  accountAtAddress: 10,
  /** One account from any address: guessing spread over many addresses. */
  account: 30,
  /** One address over every account: many accounts guessed from one place. */
  address: 100,
} as const;
export const WINDOW_MINUTES = 15;
export const FIRST_WAIT_SECONDS = 30;
export const LONGEST_WAIT_MINUTES = 15;

export const SignInInput = z.object({
  email: text({ max: 254, required: "Enter your email address." }).toLowerCase(),
  password: text({ max: 1024, trim: false, required: "Enter your password." }),
});

export type SignInResult =
  | {
      ok: true;
      user: { id: string; sessionVersion: number };
      /** The new server-side session; not `active` until a staff member's second step is done. */
      session: { id: string; state: SessionState };
    }
  | { ok: false; reason: "invalid" | "throttled" };

export type ThrottleKey = { key: string; ceiling: number };

/** The throttle's counters for an attempt on `email` from `ip` (either may be unknown). */
export function throttleKeys(email: string | null, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [];
  if (email && ip)
    keys.push({ key: `account-at:${email}|${ip}`, ceiling: THROTTLE.accountAtAddress });
  if (email) keys.push({ key: `account:${email}`, ceiling: THROTTLE.account });
  if (ip) keys.push({ key: `ip:${ip}`, ceiling: THROTTLE.address });
  return keys;
}

/** The account whose password was right (not yet signed in: no session made). */
export type CheckedAccount = {
  id: string;
  role: "patient" | "provider" | "admin";
  sessionVersion: number;
  /** Whether the account has a confirmed authenticator (a code is asked next). */
  mfaConfirmed: boolean;
};

export type CheckedCredentials =
  | { ok: true; user: CheckedAccount; keys: ThrottleKey[] }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * The password check of every sign-in (the portal's, and the clinic kiosk's unlock): the
 * throttle, the account, its password, its state. A failure counts against the throttle and is
 * audited as `action`; every failure looks the same to the caller's user ("Invalid email or
 * password"), the reason is kept for the audit trail only. Right: this account's counters are
 * cleared (not the address's: other accounts'). No session is made here.
 */
export async function checkCredentials(
  db: Db,
  credentials: unknown,
  ip: string | null,
  action = "auth.sign_in",
): Promise<CheckedCredentials> {
  const parsed = SignInInput.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : null;
  const keys = throttleKeys(email, ip);

  if (await isLocked(db, keys)) {
    await recordAudit(db, { action, outcome: "denied", ip, details: { reason: "throttled" } });
    return { ok: false, reason: "throttled" };
  }

  const [user] = parsed.success
    ? await db
        .select({
          id: users.id,
          passwordHash: users.passwordHash,
          active: users.active,
          sessionVersion: users.sessionVersion,
          role: users.role,
          mfaConfirmed: sql<boolean>`${userMfa.confirmedAt} is not null`,
        })
        .from(users)
        .leftJoin(userMfa, eq(userMfa.userId, users.id))
        .where(sql`lower(${users.email}) = ${parsed.data.email}`)
        .limit(1)
    : [];
  let passwordOk = false;
  if (user && parsed.success)
    passwordOk = await verifyPassword(user.passwordHash, parsed.data.password);
  else await burnPasswordCheck(parsed.success ? parsed.data.password : "");

  if (!user || !passwordOk || !user.active) {
    await recordFailure(db, keys);
    await recordAudit(db, {
      actor: user ? { id: user.id, role: user.role } : null,
      action,
      outcome: "failure",
      ip,
      details: {
        reason: !parsed.success
          ? "malformed"
          : !user
            ? "unknown_account"
            : !passwordOk
              ? "wrong_password"
              : "inactive",
      },
    });
    return { ok: false, reason: "invalid" };
  }

  await db.delete(signInThrottle).where(
    inArray(
      signInThrottle.key,
      keys.filter((k) => !k.key.startsWith("ip:")).map((k) => k.key),
    ),
  );
  const { passwordHash: _, active: __, ...account } = user;
  return { ok: true, user: { ...account, mfaConfirmed: Boolean(account.mfaConfirmed) }, keys };
}

/**
 * Checks credentials and, when right, starts the server-side session (its state says whether a
 * second step is still to come).
 */
export async function signIn(
  db: Db,
  credentials: unknown,
  ip: string | null,
  userAgent: string | null = null,
): Promise<SignInResult> {
  const checked = await checkCredentials(db, credentials, ip);
  if (!checked.ok) return checked;
  const { user } = checked;
  // Staff with an authenticator give a code next; where the clinic requires one, staff without
  // one set it up first (docs/decisions/010-second-factor-for-staff.md). Until then the session
  // reaches nothing else.
  // Patients who added an authenticator (docs/decisions/027-passkeys.md) give a code too; the
  // clinic's requirement is for staff only.
  const staff = user.role !== "patient";
  const state: SessionState = user.mfaConfirmed
    ? "mfa_pending"
    : staff && (await getClinicSettings(db)).requireStaffMfa
      ? "mfa_enrol"
      : "active";
  const sessionId = await startSession(db, { userId: user.id, state, ip, userAgent });
  await recordAudit(db, {
    actor: user,
    action: "auth.sign_in",
    outcome: "success",
    ip,
    details: state === "active" ? undefined : { step: state },
  });
  return {
    ok: true,
    user: { id: user.id, sessionVersion: user.sessionVersion },
    session: { id: sessionId, state },
  };
}

/** Whether any of the keys must wait for now. */
export async function isLocked(db: Db, keys: readonly ThrottleKey[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const locked = await db
    .select({ key: signInThrottle.key })
    .from(signInThrottle)
    .where(
      and(
        inArray(
          signInThrottle.key,
          keys.map((k) => k.key),
        ),
        gt(signInThrottle.lockedUntil, sql`now()`),
      ),
    )
    .limit(1);
  return locked.length > 0;
}

/**
 * One atomic upsert per key, so that concurrent failures on several app instances all count. A key
 * at or past its ceiling waits FIRST_WAIT_SECONDS, doubled for each failure beyond it, at most
 * LONGEST_WAIT_MINUTES.
 */
export async function recordFailure(db: Db, keys: readonly ThrottleKey[]): Promise<void> {
  for (const { key, ceiling } of keys) {
    await db.execute(sql`
      insert into sign_in_throttle as t (key, failures, window_started_at, locked_until)
      values (${key}, 1, now(), case when ${ceiling} <= 1
        then now() + make_interval(secs => ${FIRST_WAIT_SECONDS}) end)
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then now() else t.window_started_at end,
        locked_until = case when t.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
                             and t.failures + 1 >= ${ceiling}
                        then now() + least(
                          make_interval(secs => ${FIRST_WAIT_SECONDS} * power(2, least(t.failures + 1 - ${ceiling}, 20))),
                          make_interval(mins => ${LONGEST_WAIT_MINUTES}))
                        else t.locked_until end`);
  }
}
