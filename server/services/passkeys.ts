// Passkeys (WebAuthn) with SimpleWebAuthn (docs/decisions/027-passkeys.md): registration on the
// security page for every role, and sign-in without an email address (discoverable credentials).
// User verification is required on both, so a passkey sign-in is two factors in one: a staff
// member's session is active at once, without an authentication code.
import "server-only";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { passkeys, users, webauthnChallenges } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound, tooManyAttempts } from "@/server/errors";
import { recordAudit } from "./audit";
import { isLocked, recordFailure, THROTTLE, type ThrottleKey, throttleKeys } from "./auth";
import { startSession } from "./sessions";
import { getClinicSettings } from "./settings";

/** How long a challenge can be answered. */
export const CHALLENGE_MINUTES = 5;
/** Passkeys one account may hold. */
export const MAX_PASSKEYS = 10;
export const RP_NAME = "Ablation Follow-up";
const TRANSPORTS = new Set(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);

/**
 * The relying party: the clinic's public address (clinic settings, else APP_URL), never the
 * request's Host header, which a client chooses. Its host name is the RP ID; its origin is the
 * only origin a response may come from.
 */
export async function relyingParty(db: DbOrTx): Promise<{ rpID: string; origin: string }> {
  const url = new URL((await getClinicSettings(db)).publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/** The challenge a response answers, read from its clientDataJSON (null: unreadable). */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as {
      challenge?: unknown;
    };
    return typeof data.challenge === "string" && /^[A-Za-z0-9_-]{16,200}$/.test(data.challenge)
      ? data.challenge
      : null;
  } catch {
    return null;
  }
}

async function storeChallenge(
  db: DbOrTx,
  challenge: string,
  purpose: "registration" | "authentication",
  userId: string | null,
) {
  // Expired challenges go as new ones come: the table holds only the last few minutes'.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sql`now()`));
  await db.insert(webauthnChallenges).values({
    challenge,
    purpose,
    userId,
    expiresAt: sql`now() + make_interval(mins => ${CHALLENGE_MINUTES})`,
  });
}

/**
 * Takes the challenge: one statement deletes it and says whether it was there, unexpired, for this
 * purpose (and user). A second answer to the same challenge, on any app instance, finds nothing.
 */
async function takeChallenge(
  db: DbOrTx,
  challenge: string | null,
  purpose: "registration" | "authentication",
  userId: string | null,
): Promise<boolean> {
  if (!challenge) return false;
  const taken = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        userId === null
          ? sql`${webauthnChallenges.userId} is null`
          : eq(webauthnChallenges.userId, userId),
      ),
    )
    .returning({ expiresAt: webauthnChallenges.expiresAt });
  return taken.length === 1 && (taken[0]?.expiresAt.getTime() ?? 0) > Date.now();
}

/** The signed-in user's passkeys, oldest first. */
export async function listPasskeys(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.id))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** Options for the browser's `startRegistration({ optionsJSON })`, with a stored challenge. */
export async function registrationOptions(db: Db, actor: Actor) {
  const { rpID } = await relyingParty(db);
  const existing = await db
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.id));
  if (existing.length >= MAX_PASSKEYS)
    throw badRequest(`You have ${MAX_PASSKEYS} passkeys. Remove one before adding another.`);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: actor.email,
    userDisplayName: actor.name,
    userID: new TextEncoder().encode(actor.id),
    attestationType: "none",
    // The same authenticator twice would be one passkey under two names.
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports as never,
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  await storeChallenge(db, options.challenge, "registration", actor.id);
  return options;
}

/** Checks the browser's answer to `registrationOptions` and stores the new passkey. */
export async function registerPasskey(
  db: Db,
  actor: Actor,
  input: { name: string; response: RegistrationResponseJSON },
  ip: string | null,
) {
  const refuse = async (reason: string) => {
    await recordAudit(db, {
      actor,
      action: "passkey.register",
      outcome: "failure",
      targetType: "user",
      targetId: actor.id,
      ip,
      details: { reason },
    });
    return badRequest("That passkey could not be added. Please try again.");
  };
  const challenge = challengeOf(input.response.response.clientDataJSON);
  if (!(await takeChallenge(db, challenge, "registration", actor.id)))
    throw await refuse("unknown_challenge");
  const { rpID, origin } = await relyingParty(db);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge ?? "",
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch {
    throw await refuse("not_verified");
  }
  if (!verification.verified) throw await refuse("not_verified");
  const { credential } = verification.registrationInfo;
  const [created] = await db
    .insert(passkeys)
    .values({
      userId: actor.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: (credential.transports ?? input.response.response.transports ?? []).filter((t) =>
        TRANSPORTS.has(t),
      ),
      name: input.name,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id, name: passkeys.name });
  if (!created) throw await refuse("already_registered");
  await recordAudit(db, {
    actor,
    action: "passkey.register",
    outcome: "success",
    targetType: "passkey",
    targetId: created.id,
    ip,
  });
  return created;
}

/** Removes one of the signed-in user's passkeys. */
export async function removePasskey(db: Db, actor: Actor, id: string, ip: string | null) {
  const [removed] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.id)))
    .returning({ id: passkeys.id });
  if (!removed) throw notFound("passkey");
  await recordAudit(db, {
    actor,
    action: "passkey.remove",
    outcome: "success",
    targetType: "passkey",
    targetId: removed.id,
    ip,
  });
  return { ok: true as const };
}

/** Whether the address must wait before a passkey sign-in; a refusal is audited. */
async function lockedOut(db: Db, keys: readonly ThrottleKey[], ip: string | null) {
  if (!(await isLocked(db, keys))) return false;
  await recordAudit(db, {
    action: "passkey.sign_in",
    outcome: "denied",
    ip,
    details: { reason: "throttled" },
  });
  return true;
}

/**
 * Options for `startAuthentication({ optionsJSON })`: any passkey of this site may answer. Anyone
 * may ask, so each network address asks at most as often as it may try passwords
 * (THROTTLE.address in 15 minutes, then it waits): a script cannot fill the challenge table.
 */
export async function authenticationOptions(db: Db, ip: string | null) {
  const keys: ThrottleKey[] = ip
    ? [{ key: `passkey-options:${ip}`, ceiling: THROTTLE.address }]
    : [];
  if (await lockedOut(db, keys, ip)) throw tooManyAttempts();
  await recordFailure(db, keys);
  const { rpID } = await relyingParty(db);
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: "required",
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  await storeChallenge(db, options.challenge, "authentication", null);
  return options;
}

export type PasskeySignInResult =
  | { ok: true; user: { id: string; sessionVersion: number }; session: { id: string } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Signs in with a passkey's assertion: the challenge taken, the signature checked against the
 * stored public key with user verification, the counter raised (a cloned authenticator shows an
 * old counter and is refused). The session is active at once, for staff too.
 */
export async function signInWithPasskey(
  db: Db,
  response: AuthenticationResponseJSON,
  ip: string | null,
  userAgent: string | null = null,
): Promise<PasskeySignInResult> {
  const keys = throttleKeys(null, ip);
  if (await lockedOut(db, keys, ip)) return { ok: false, reason: "throttled" };
  const [found] = await db
    .select({
      id: passkeys.id,
      userId: passkeys.userId,
      credentialId: passkeys.credentialId,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.credentialId, response.id))
    .limit(1);
  const fail = async (reason: string) => {
    await recordFailure(db, keys);
    await recordAudit(db, {
      actor: found ? { id: found.userId, role: found.role } : null,
      action: "passkey.sign_in",
      outcome: "failure",
      targetType: found ? "passkey" : undefined,
      targetId: found?.id,
      ip,
      details: { reason },
    });
    return { ok: false as const, reason: "invalid" as const };
  };
  // The challenge goes whatever follows: an answer is never checked twice.
  const challenge = challengeOf(response.response.clientDataJSON);
  const fresh = await takeChallenge(db, challenge, "authentication", null);
  if (!found) return fail("unknown_passkey");
  if (!fresh) return fail("unknown_challenge");
  const { rpID, origin } = await relyingParty(db);
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge ?? "",
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: found.credentialId,
        publicKey: new Uint8Array(Buffer.from(found.publicKey, "base64url")),
        counter: found.counter,
        transports: found.transports as never,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    const counter = error instanceof Error && /counter/i.test(error.message);
    return fail(counter ? "counter_not_raised" : "not_verified");
  }
  if (!verification.verified || !verification.authenticationInfo.userVerified)
    return fail("not_verified");
  if (!found.active) return fail("inactive");
  // Compare-and-set: of two uses with the same counter on two instances, one wins.
  const [used] = await db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: sql`now()` })
    .where(and(eq(passkeys.id, found.id), eq(passkeys.counter, found.counter)))
    .returning({ id: passkeys.id });
  if (!used) return fail("counter_not_raised");
  const sessionId = await startSession(db, {
    userId: found.userId,
    state: "active",
    ip,
    userAgent,
  });
  await recordAudit(db, {
    actor: { id: found.userId, role: found.role },
    action: "passkey.sign_in",
    outcome: "success",
    targetType: "passkey",
    targetId: found.id,
    ip,
  });
  return {
    ok: true,
    user: { id: found.userId, sessionVersion: found.sessionVersion },
    session: { id: sessionId },
  };
}
