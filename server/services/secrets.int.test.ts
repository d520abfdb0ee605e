// Secrets at rest (docs/decisions/023-secrets-at-rest.md): no TOTP secret readable in clear, a
// value stored before encryption is encrypted at start, and a key rotation moves every value while
// sign-in with the authenticator keeps working; ended sessions are purged.
import { eq, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, userMfa } from "@/db/schema";
import { keyIdOf, newKeyEntry, parseKeyring } from "@/server/crypto/secrets";
import { dataKeyring, env, reloadDataKeyring } from "@/server/env";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser, TEST_PASSWORD } from "@/server/testing/fixtures";
import { signIn } from "./auth";
import { completeSecondStep } from "./mfa";
import { reencryptSecrets } from "./secrets";
import { purgeEndedSessions, startSession } from "./sessions";

let t: TestDatabase;
const testKey = env.DATA_ENCRYPTION_KEY;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  env.DATA_ENCRYPTION_KEY = testKey;
  reloadDataKeyring();
  await t.close();
});

const codeOf = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

async function enrolled() {
  const provider = await createUser(t.db, "provider");
  const api = callerFor(t.db, provider);
  const { secret } = await api.mfa.startEnrolment();
  await api.mfa.confirmEnrolment({ code: codeOf(secret) });
  return { provider, secret };
}

const storedSecret = async (userId: string) =>
  (await t.db.select({ secret: userMfa.secret }).from(userMfa).where(eq(userMfa.userId, userId)))[0]
    ?.secret ?? "";

async function secondStepWorks(email: string, secret: string, steps: number) {
  const result = await signIn(t.db, { email, password: TEST_PASSWORD }, "203.0.113.9");
  if (!result.ok) throw new Error(result.reason);
  const token = { sub: result.user.id, sv: 1, sid: result.session.id };
  return (await completeSecondStep(t.db, token, codeOf(secret, steps), "203.0.113.9")).ok;
}

describe("secrets at rest", () => {
  it("stores no TOTP secret in clear", async () => {
    const { provider, secret } = await enrolled();
    const stored = await storedSecret(provider.id);
    expect(stored).not.toContain(secret);
    expect(keyIdOf(stored)).toBe(dataKeyring().current);
    const dump = JSON.stringify(await t.db.execute(sql`select * from user_mfa`));
    expect(dump).not.toContain(secret);
  });

  it("encrypts a secret stored before encryption, and the authenticator still signs in", async () => {
    const { provider, secret } = await enrolled();
    await t.db.update(userMfa).set({ secret }).where(eq(userMfa.userId, provider.id));
    expect(await reencryptSecrets(t.db, dataKeyring())).toBe(1);
    expect(await storedSecret(provider.id)).not.toContain(secret);
    expect(await secondStepWorks(provider.email, secret, 1)).toBe(true);
    // Nothing left to move: running it again changes nothing.
    expect(await reencryptSecrets(t.db, dataKeyring())).toBe(0);
  });

  it("a rotation moves every value to the new key, and sign-in with TOTP still works", async () => {
    const { provider, secret } = await enrolled();
    const rotated = `${newKeyEntry("next")},${testKey}`;
    env.DATA_ENCRYPTION_KEY = rotated;
    reloadDataKeyring();
    const moved = await reencryptSecrets(t.db, parseKeyring(rotated));
    expect(moved).toBeGreaterThanOrEqual(3);
    const all = await t.db.select({ secret: userMfa.secret }).from(userMfa);
    expect(all.map((r) => keyIdOf(r.secret))).toEqual(all.map(() => "next"));
    expect(await secondStepWorks(provider.email, secret, 1)).toBe(true);
  });
});

describe("ended sessions", () => {
  it("are purged: expired, or ended more than a day ago; live ones stay", async () => {
    const user = await createUser(t.db, "patient");
    const live = await startSession(t.db, { userId: user.id });
    const expired = await startSession(t.db, { userId: user.id });
    const endedLongAgo = await startSession(t.db, { userId: user.id });
    const endedJustNow = await startSession(t.db, { userId: user.id });
    await t.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.id, expired));
    await t.db
      .update(sessions)
      .set({ revokedAt: sql`now() - interval '2 days'` })
      .where(eq(sessions.id, endedLongAgo));
    await t.db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, endedJustNow));
    expect(await purgeEndedSessions(t.db)).toBeGreaterThanOrEqual(2);
    const left = (await t.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    expect(left).toContain(live);
    expect(left).toContain(endedJustNow);
    expect(left).not.toContain(expired);
    expect(left).not.toContain(endedLongAgo);
  });
});
