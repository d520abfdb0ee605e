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

/** After this many failures within the window, the key is refused for LOCK_MINUTES. */
export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

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

export const throttleKeys = (email: string | null, ip: string | null) =>
  [email && `account:${email}`, ip && `ip:${ip}`].filter((k): k is string => Boolean(k));

/**
 * Checks credentials. Every outcome looks the same to the caller's user ("Invalid email or
 * password"); the reason is kept for the audit trail only.
 */
export async function signIn(
  db: Db,
  credentials: unknown,
  ip: string | null,
  userAgent: string | null = null,
): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : null;
  const keys = throttleKeys(email, ip);

  if (await isLocked(db, keys)) {
    await recordAudit(db, {
      action: "auth.sign_in",
      outcome: "denied",
      ip,
      details: { reason: "throttled" },
    });
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
      action: "auth.sign_in",
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

  if (email) await db.delete(signInThrottle).where(eq(signInThrottle.key, `account:${email}`));
  // Staff with an authenticator give a code next; where the clinic requires one, staff without
  // one set it up first (docs/decisions/010-second-factor-for-staff.md). Until then the session
  // reaches nothing else.
  const staff = user.role !== "patient";
  const state: SessionState = !staff
    ? "active"
    : user.mfaConfirmed
      ? "mfa_pending"
      : (await getClinicSettings(db)).requireStaffMfa
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

/** Whether any of the keys is refused for now. */
export async function isLocked(db: Db, keys: string[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const locked = await db
    .select({ key: signInThrottle.key })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.lockedUntil, sql`now()`)))
    .limit(1);
  return locked.length > 0;
}

/** One atomic upsert per key, so that concurrent failures on several app instances all count. */
export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db.execute(sql`
      insert into sign_in_throttle as t (key, failures, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then now() else t.window_started_at end,
        locked_until = case when t.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
                             and t.failures + 1 >= ${MAX_FAILURES}
                        then now() + make_interval(mins => ${LOCK_MINUTES}) else t.locked_until end`);
  }
}
