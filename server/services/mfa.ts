// A second factor (docs/decisions/010-second-factor-for-staff.md, decision 010): TOTP (RFC 6238,
// 30-second steps, 6 digits) with otplib, and 10 single-use recovery codes stored as hashes. Staff
// may be required to have one (SPEC 10); patients may add one if they wish (decision 027).
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { dataKeyring } from "@/server/env";
import "server-only";
import { createHash, randomInt } from "node:crypto";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db, DbOrTx } from "@/db/client";
import { mfaRecoveryCodes, sessions, userMfa, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, conflict, notFound, tooManyAttempts } from "@/server/errors";
import { recordAudit } from "./audit";
import { isLocked, recordFailure, type ThrottleKey, throttleKeys } from "./auth";
import { loadSession, type SessionToken } from "./sessions";

export const ISSUER = "Ablation Follow-up";
export const RECOVERY_CODE_COUNT = 10;
/** One step either side of now: a phone clock a little off still works. */
const EPOCH_TOLERANCE = 30;
// No 0/o, 1/l/i: easy to read and type from a printout.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

const hashCode = (code: string) => createHash("sha256").update(code).digest("hex");
/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Whether the user has a confirmed authenticator, and how many recovery codes are left. */
export async function mfaStatus(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      confirmedAt: userMfa.confirmedAt,
      recoveryCodesLeft: sql<number>`(select count(*)::int from ${mfaRecoveryCodes} where ${mfaRecoveryCodes.userId} = ${userId} and ${mfaRecoveryCodes.usedAt} is null)`,
    })
    .from(userMfa)
    .where(eq(userMfa.userId, userId))
    .limit(1);
  const enabled = Boolean(row?.confirmedAt);
  return {
    enabled,
    enabledAt: row?.confirmedAt ?? null,
    recoveryCodesLeft: enabled ? (row?.recoveryCodesLeft ?? 0) : 0,
  };
}

/**
 * Starts (or restarts) setting up an authenticator: a new secret, its otpauth URI as a QR code,
 * and 10 new recovery codes. Nothing changes at sign-in until a code confirms it. The codes and
 * the secret are shown this once; a new start replaces them.
 */
export async function startEnrolment(db: Db, actor: Actor, ip: string | null) {
  if ((await mfaStatus(db, actor.id)).enabled) {
    throw conflict("Your authenticator is already set up. An administrator can reset it.");
  }
  const secret = generateSecret();
  const uri = generateURI({ issuer: ISSUER, label: actor.email, secret });
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  // Stored encrypted (docs/decisions/023-secrets-at-rest.md); shown in clear this once.
  const stored = encryptSecret(dataKeyring(), secret);
  await db.transaction(async (tx) => {
    await tx
      .insert(userMfa)
      .values({ userId: actor.id, secret: stored })
      .onConflictDoUpdate({
        target: userMfa.userId,
        set: { secret: stored, confirmedAt: null, lastTimeStep: null, updatedAt: sql`now()` },
      });
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, actor.id));
    await tx.insert(mfaRecoveryCodes).values(
      recoveryCodes.map((code) => ({
        userId: actor.id,
        codeHash: hashCode(normaliseRecovery(code)),
      })),
    );
    await recordAudit(tx, {
      actor,
      action: "mfa.enrolment_start",
      outcome: "success",
      targetType: "user",
      targetId: actor.id,
      ip,
    });
  });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg, recoveryCodes };
}

/**
 * Checks a 6-digit code against the user's secret and moves the last accepted time step forward
 * in the same statement, so a code is accepted at most once, even by two app instances at once.
 */
async function acceptTotp(
  db: DbOrTx,
  userId: string,
  code: string,
  confirmed: boolean,
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const [row] = await db
    .select({ secret: userMfa.secret, lastTimeStep: userMfa.lastTimeStep })
    .from(userMfa)
    .where(
      and(
        eq(userMfa.userId, userId),
        confirmed ? isNotNull(userMfa.confirmedAt) : isNull(userMfa.confirmedAt),
      ),
    )
    .limit(1);
  if (!row) return false;
  const result = await verify({
    secret: decryptSecret(dataKeyring(), row.secret),
    token: code,
    epochTolerance: EPOCH_TOLERANCE,
    ...(row.lastTimeStep === null ? {} : { afterTimeStep: row.lastTimeStep }),
  });
  // otplib 13 answers an object: `valid` says whether the code matched (never test the object).
  if (!result.valid || !("timeStep" in result)) return false;
  const step = result.timeStep;
  const moved = await db
    .update(userMfa)
    .set({
      lastTimeStep: step,
      updatedAt: sql`now()`,
      ...(confirmed ? {} : { confirmedAt: sql`now()` }),
    })
    .where(
      and(
        eq(userMfa.userId, userId),
        or(isNull(userMfa.lastTimeStep), lt(userMfa.lastTimeStep, step)),
      ),
    )
    .returning({ userId: userMfa.userId });
  return moved.length === 1;
}

/** Uses one recovery code, once. */
async function acceptRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const normalised = normaliseRecovery(code);
  if (!/^[a-z0-9]{10}$/.test(normalised)) return false;
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, hashCode(normalised)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return used.length === 1;
}

/**
 * A code of a sign-in's second step for a user with a confirmed authenticator: 6 digits from the
 * authenticator (never the same step twice), else one of their recovery codes (used up). Which
 * kind was accepted; null when the code is wrong. Wrong codes are counted by the caller.
 */
export async function acceptSignInCode(
  db: DbOrTx,
  userId: string,
  code: string,
): Promise<"totp" | "recovery_code" | null> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) return (await acceptTotp(db, userId, trimmed, true)) ? "totp" : null;
  return (await acceptRecoveryCode(db, userId, trimmed)) ? "recovery_code" : null;
}

/** A wrong code: counted against the sign-in throttle and audited. */
async function wrongCode(
  db: DbOrTx,
  actor: Actor,
  keys: ThrottleKey[],
  ip: string | null,
  action: string,
) {
  await recordFailure(db, keys);
  await recordAudit(db, {
    actor,
    action,
    outcome: "failure",
    targetType: "user",
    targetId: actor.id,
    ip,
    details: { reason: "wrong_code" },
  });
}

/** Confirms the authenticator being set up with one code from it. */
export async function confirmEnrolment(
  db: Db,
  actor: Actor,
  code: string,
  ip: string | null,
): Promise<{ ok: true }> {
  const keys = throttleKeys(actor.email.toLowerCase(), ip);
  if (await isLocked(db, keys)) throw tooManyAttempts();
  const [pending] = await db
    .select({ userId: userMfa.userId })
    .from(userMfa)
    .where(and(eq(userMfa.userId, actor.id), isNull(userMfa.confirmedAt)))
    .limit(1);
  if (!pending) throw badRequest("Start setting up your authenticator again.");
  if (!(await acceptTotp(db, actor.id, code, false))) {
    await wrongCode(db, actor, keys, ip, "mfa.enrolment_confirm");
    throw badRequest("Please correct the highlighted fields.", {
      code: ["That code is not right. Enter the 6-digit code your app shows now."],
    });
  }
  await recordAudit(db, {
    actor,
    action: "mfa.enrolment_confirm",
    outcome: "success",
    targetType: "user",
    targetId: actor.id,
    ip,
  });
  return { ok: true };
}

export type SecondStepResult =
  | { ok: true; user: { id: string; sessionVersion: number }; sessionId: string }
  | { ok: false; reason: "no_step" | "wrong_code" | "throttled" };

/**
 * The second sign-in step of the session `token` points at: a code from the authenticator, or a
 * recovery code (`mfa_pending`); or, when the clinic requires a second factor the user has just
 * set up, the code that confirms it (`mfa_enrol`). Right: the session becomes active.
 */
export async function completeSecondStep(
  db: Db,
  token: SessionToken,
  code: string,
  ip: string | null,
): Promise<SecondStepResult> {
  const session = await loadSession(db, token);
  if (!session || session.state === "active") return { ok: false, reason: "no_step" };
  const { actor } = session;
  const keys = throttleKeys(actor.email.toLowerCase(), ip);
  const audit = { actor, targetType: "user", targetId: actor.id, ip } as const;
  if (await isLocked(db, keys)) {
    await recordAudit(db, {
      ...audit,
      action: "auth.second_step",
      outcome: "denied",
      details: { reason: "throttled" },
    });
    return { ok: false, reason: "throttled" };
  }
  const trimmed = code.trim();
  let method: "totp" | "recovery_code" | "enrolment";
  let right: boolean;
  if (session.state === "mfa_enrol") {
    method = "enrolment";
    right = await acceptTotp(db, actor.id, trimmed, false);
  } else {
    const accepted = await acceptSignInCode(db, actor.id, trimmed);
    method = accepted ?? (/^\d{6}$/.test(trimmed) ? "totp" : "recovery_code");
    right = accepted !== null;
  }
  if (!right) {
    await wrongCode(db, actor, keys, ip, "auth.second_step");
    return { ok: false, reason: "wrong_code" };
  }
  const [activated] = await db
    .update(sessions)
    .set({ state: "active" })
    .where(and(eq(sessions.id, session.id), eq(sessions.state, session.state)))
    .returning({ id: sessions.id });
  if (!activated) return { ok: false, reason: "no_step" };
  await recordAudit(db, {
    ...audit,
    action: "auth.second_step",
    outcome: "success",
    details: { method },
  });
  const [user] = await db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, actor.id))
    .limit(1);
  return {
    ok: true,
    user: { id: actor.id, sessionVersion: user?.sessionVersion ?? 1 },
    sessionId: session.id,
  };
}

/**
 * An admin removes a user's authenticator and recovery codes (a lost phone). They sign
 * in with their password alone next time, or set one up again where the clinic requires it.
 */
export async function resetMfa(db: Db, actor: Actor, userId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!user) throw notFound("account");
    const removed = await tx
      .delete(userMfa)
      .where(eq(userMfa.userId, userId))
      .returning({ userId: userMfa.userId });
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    await recordAudit(tx, {
      actor,
      action: "mfa.reset",
      outcome: "success",
      targetType: "user",
      targetId: userId,
      ip,
      details: { hadSecondFactor: removed.length > 0 },
    });
    return { ok: true as const };
  });
}
