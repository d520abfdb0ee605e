import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinicSettings, passkeys, webauthnChallenges } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { SoftAuthenticator } from "@/server/testing/authenticator";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser, deactivate } from "@/server/testing/fixtures";
import { relyingParty, signInWithPasskey } from "./passkeys";
import { loadSession } from "./sessions";

let t: TestDatabase;
let origin: string;
beforeAll(async () => {
  t = await createTestDatabase();
  origin = (await relyingParty(t.db)).origin;
});
afterAll(async () => {
  await t.close();
});

type Assertion = ReturnType<SoftAuthenticator["get"]>;
const ip = "198.51.100.20";

/** Registers a new authenticator for `user` through the procedures, as the security page does. */
async function registered(user: Actor, name = "My phone") {
  const api = callerFor(t.db, user, ip);
  const authenticator = new SoftAuthenticator();
  const options = await api.passkey.registrationOptions();
  await api.passkey.register({ name, response: authenticator.create(options, { origin }) });
  return authenticator;
}

async function assertionFrom(authenticator: SoftAuthenticator, ceremony = {}, optionsFrom = ip) {
  const options = await callerFor(t.db, null, optionsFrom).passkey.authenticationOptions();
  return authenticator.get(options, { origin, ...ceremony });
}

const signInWith = (assertion: Assertion, from = ip) =>
  signInWithPasskey(t.db, assertion as never, from, "test");

async function audits(
  action: string,
  userId: string | null,
  outcome?: "success" | "failure" | "denied",
) {
  const rows = await t.db
    .select({ outcome: auditEvents.outcome, details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        userId ? eq(auditEvents.actorId, userId) : undefined,
        outcome ? eq(auditEvents.outcome, outcome) : undefined,
      ),
    );
  return rows;
}

describe("registering a passkey", () => {
  it("stores a verified passkey under the user's name for it, for every role, and audits it", async () => {
    for (const role of ["patient", "provider", "admin"] as const) {
      const user = await createUser(t.db, role);
      const authenticator = await registered(user, "Laptop");
      await registered(user, "Phone");
      const list = await callerFor(t.db, user).passkey.list();
      expect(list.map((p) => p.name)).toEqual(["Laptop", "Phone"]);
      expect(list[0]?.lastUsedAt).toBeNull();
      const [stored] = await t.db
        .select()
        .from(passkeys)
        .where(eq(passkeys.credentialId, authenticator.id));
      expect(stored).toMatchObject({ userId: user.id, transports: ["internal"], counter: 0 });
      expect(await audits("passkey.register", user.id, "success")).toHaveLength(2);
    }
  });

  it("refuses an answer from another origin or for another RP ID, and stores nothing", async () => {
    const user = await createUser(t.db, "patient");
    const api = callerFor(t.db, user, ip);
    for (const ceremony of [{ origin: "https://evil.example" }, { origin, rpID: "evil.example" }]) {
      const options = await api.passkey.registrationOptions();
      await expect(
        api.passkey.register({
          name: "Phone",
          response: new SoftAuthenticator().create(options, ceremony),
        }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "That passkey could not be added. Please try again.",
      });
    }
    expect(await api.passkey.list()).toEqual([]);
    expect(await audits("passkey.register", user.id, "failure")).toHaveLength(2);
  });

  it("refuses a replayed answer, an answer without user verification, and another user's challenge", async () => {
    const user = await createUser(t.db, "patient");
    const other = await createUser(t.db, "patient");
    const api = callerFor(t.db, user, ip);
    const options = await api.passkey.registrationOptions();
    const response = new SoftAuthenticator().create(options, { origin });
    await api.passkey.register({ name: "Phone", response });
    // The same answer again (on any instance: the challenge is gone from the database).
    await expect(api.passkey.register({ name: "Copy", response })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const unverified = await api.passkey.registrationOptions();
    await expect(
      api.passkey.register({
        name: "No PIN",
        response: new SoftAuthenticator().create(unverified, { origin, userVerified: false }),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A challenge given to `user` cannot register a passkey for `other`.
    const theirs = await api.passkey.registrationOptions();
    await expect(
      callerFor(t.db, other, ip).passkey.register({
        name: "Stolen",
        response: new SoftAuthenticator().create(theirs, { origin }),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.passkey.list()).map((p) => p.name)).toEqual(["Phone"]);
    expect(await callerFor(t.db, other).passkey.list()).toEqual([]);
  });

  it("refuses an expired challenge", async () => {
    const user = await createUser(t.db, "provider");
    const api = callerFor(t.db, user, ip);
    const options = await api.passkey.registrationOptions();
    await t.db
      .update(webauthnChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(webauthnChallenges.challenge, options.challenge));
    await expect(
      api.passkey.register({
        name: "Late",
        response: new SoftAuthenticator().create(options, { origin }),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("asks for user verification and a discoverable credential, and excludes the user's passkeys", async () => {
    const user = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    const options = await callerFor(t.db, user).passkey.registrationOptions();
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    expect(options.rp.id).toBe(new URL(origin).hostname);
  });
});

describe("signing in with a passkey", () => {
  it("opens an active session without an email or password, raises the counter, shows last use", async () => {
    const user = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    const result = await signInWith(await assertionFrom(authenticator));
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
    if (!result.ok) throw new Error("refused");
    expect(await loadSession(t.db, { sub: user.id, sv: 1, sid: result.session.id })).toMatchObject({
      state: "active",
    });
    const [stored] = await t.db
      .select({ counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.credentialId, authenticator.id));
    expect(stored?.counter).toBe(1);
    expect((await callerFor(t.db, user).passkey.list())[0]?.lastUsedAt).toBeInstanceOf(Date);
    expect(await audits("passkey.sign_in", user.id, "success")).toHaveLength(1);
  });

  it("lets staff with an authenticator in without a code: the passkey verified the user", async () => {
    const provider = await createUser(t.db, "provider");
    const api = callerFor(t.db, provider, ip);
    const { secret } = await api.mfa.startEnrolment();
    await api.mfa.confirmEnrolment({
      code: new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate(),
    });
    await t.db
      .insert(clinicSettings)
      .values({ id: true, requireStaffMfa: true })
      .onConflictDoUpdate({ target: clinicSettings.id, set: { requireStaffMfa: true } });
    try {
      const authenticator = await registered(provider);
      const result = await signInWith(await assertionFrom(authenticator));
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      expect(
        await loadSession(t.db, { sub: provider.id, sv: 1, sid: result.session.id }),
      ).toMatchObject({ state: "active" });
      // Without user verification it is one factor only: refused.
      expect(await signInWith(await assertionFrom(authenticator, { userVerified: false }))).toEqual(
        { ok: false, reason: "invalid" },
      );
    } finally {
      await t.db.update(clinicSettings).set({ requireStaffMfa: false });
    }
  });

  it("refuses a replayed assertion, and one whose counter did not go up (a cloned authenticator)", async () => {
    const user = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    const assertion = await assertionFrom(authenticator);
    expect((await signInWith(assertion)).ok).toBe(true);
    expect(await signInWith(assertion)).toEqual({ ok: false, reason: "invalid" });
    // A fresh challenge signed with the counter it had: the clone's answer.
    const cloned = await assertionFrom(authenticator, { raise: false });
    expect(await signInWith(cloned)).toEqual({ ok: false, reason: "invalid" });
    const reasons = (await audits("passkey.sign_in", user.id, "failure")).map(
      (a) => (a.details as { reason?: string }).reason,
    );
    expect(reasons).toEqual(["unknown_challenge", "counter_not_raised"]);
    // The real authenticator, counting on, still works.
    expect((await signInWith(await assertionFrom(authenticator))).ok).toBe(true);
  });

  it("refuses an assertion made for another origin or RP ID, a forged signature, an unknown passkey", async () => {
    const user = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    for (const ceremony of [{ origin: "https://evil.example" }, { rpID: "evil.example" }]) {
      expect(await signInWith(await assertionFrom(authenticator, ceremony))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const good = await assertionFrom(authenticator);
    const forged = {
      ...good,
      response: { ...good.response, signature: Buffer.from("forged").toString("base64url") },
    };
    expect(await signInWith(forged)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWith(await assertionFrom(new SoftAuthenticator()))).toEqual({
      ok: false,
      reason: "invalid",
    });
    // A challenge made up by the client was never given.
    const madeUp = authenticator.get({ challenge: "bWFkZS11cC1jaGFsbGVuZ2UtdmFsdWU" }, { origin });
    expect(await signInWith(madeUp)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account's passkey", async () => {
    const user = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    await deactivate(t.db, user);
    expect(await signInWith(await assertionFrom(authenticator))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("slows an address after many failures", async () => {
    const from = "198.51.100.99";
    // The options come from many addresses: each address may ask for them only so often.
    for (let i = 0; i < 100; i++)
      await signInWith(await assertionFrom(new SoftAuthenticator(), {}, `203.0.113.${i}`), from);
    const user = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    expect(await signInWith(await assertionFrom(authenticator), from)).toEqual({
      ok: false,
      reason: "throttled",
    });
  });
});

describe("asking for sign-in options", () => {
  it("answers one address 100 times in 15 minutes, then makes it wait; other addresses go on", async () => {
    const from = "198.51.100.77";
    const before = await t.db.$count(webauthnChallenges);
    for (let i = 0; i < 100; i++) await callerFor(t.db, null, from).passkey.authenticationOptions();
    await expect(callerFor(t.db, null, from).passkey.authenticationOptions()).rejects.toMatchObject(
      {
        code: "TOO_MANY_REQUESTS",
      },
    );
    // No challenge is stored for a refused call.
    expect(await t.db.$count(webauthnChallenges)).toBeLessThanOrEqual(before + 100);
    const denied = await audits("passkey.sign_in", null, "denied");
    expect(denied.some((a) => (a.details as { reason?: string }).reason === "throttled")).toBe(
      true,
    );
    await expect(
      callerFor(t.db, null, "198.51.100.78").passkey.authenticationOptions(),
    ).resolves.toHaveProperty("challenge");
  });
});

describe("removing a passkey", () => {
  it("removes only the user's own, audits it, and the removed passkey no longer signs in", async () => {
    const user = await createUser(t.db, "patient");
    const other = await createUser(t.db, "patient");
    const authenticator = await registered(user);
    const [passkey] = await callerFor(t.db, user).passkey.list();
    if (!passkey) throw new Error("no passkey");
    await expect(
      callerFor(t.db, other, ip).passkey.remove({ id: passkey.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerFor(t.db, user, ip).passkey.remove({ id: passkey.id });
    expect(await callerFor(t.db, user).passkey.list()).toEqual([]);
    expect(await audits("passkey.remove", user.id, "success")).toHaveLength(1);
    expect(await signInWith(await assertionFrom(authenticator))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
