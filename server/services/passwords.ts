import "server-only";
import { randomInt } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password-hash";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound, tooManyAttempts } from "@/server/errors";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/shared/password-limits";
import { recordAudit } from "./audit";
import { isLocked, recordFailure, throttleKeys } from "./auth";

/** zxcvbn scores 0-4; below 3 means fewer than 10^8 guesses (common words, patterns, years). */
const MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;
const strength = () => {
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return zxcvbn;
};

/**
 * The password policy, in one place: what is wrong with `password` for this account, or null.
 * At least 12 characters, at most 1,024, not the email, and not a common or easily guessed
 * password (zxcvbn with the common-password dictionary, which also knows the user's own name
 * and email).
 */
export function passwordProblem(
  password: string,
  account: { email?: string; name?: string } = {},
): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return "Use at most 1,024 characters.";
  const email = account.email?.trim().toLowerCase();
  if (email && password.trim().toLowerCase() === email)
    return "Do not use your email address as your password.";
  const inputs = [email, email?.split("@")[0], ...(account.name?.split(/\s+/) ?? [])].filter(
    (s): s is string => Boolean(s && s.length > 2),
  );
  if (strength().check(password, inputs).score < MIN_SCORE)
    return "This password is too common or too easy to guess. Try three or four unrelated words.";
  return null;
}

// No 0/o, 1/l/i: easy to read aloud and to type from a note.
const TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A one-time password for a new or reset account: 4 groups of 5 characters (about 99 bits),
 * generated with the system's CSPRNG. It is shown once to the admin and stored only as a hash.
 */
export function generateTemporaryPassword(): string {
  return Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join(""),
  ).join("-");
}

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/**
 * A user changes their own password. It ends every other session (the session version is
 * bumped); the browser that made the change signs in again with the new password.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: ChangePasswordInput,
  ip: string | null,
): Promise<{ ok: true }> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, actor.id))
    .limit(1);
  if (!user) throw notFound("account");
  const audit = {
    actor,
    action: "account.password_change",
    targetType: "user",
    targetId: actor.id,
  };
  // Wrong current passwords count against the same limit as failed sign-ins.
  const keys = throttleKeys(user.email.toLowerCase(), ip);
  if (await isLocked(db, keys)) {
    await recordAudit(db, { ...audit, outcome: "denied", ip, details: { reason: "throttled" } });
    throw tooManyAttempts();
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, keys);
    await recordAudit(db, {
      ...audit,
      outcome: "failure",
      ip,
      details: { reason: "wrong_current" },
    });
    throw badRequest("Please correct the highlighted fields.", {
      currentPassword: ["That is not your current password."],
    });
  }
  const problem =
    input.newPassword === input.currentPassword
      ? "Choose a password different from your current one."
      : passwordProblem(input.newPassword, user);
  if (problem)
    throw badRequest("Please correct the highlighted fields.", { newPassword: [problem] });

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, { ...audit, outcome: "success", ip });
  });
  return { ok: true };
}

/**
 * An admin issues a new temporary password: the account must change it at its next sign-in,
 * and every session of the account ends. The plain password is returned once, never stored.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: string,
  ip: string | null,
): Promise<{ temporaryPassword: string }> {
  if (userId === actor.id)
    throw badRequest("To change your own password, use Change password in the menu.");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId))
      .returning({ id: users.id, role: users.role });
    if (!user) throw notFound("account");
    await recordAudit(tx, {
      actor,
      action: "account.password_reset",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      patientId: user.role === "patient" ? user.id : undefined,
      ip,
    });
  });
  return { temporaryPassword };
}
