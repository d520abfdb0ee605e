import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinicSettings, mfaRecoveryCodes, userMfa } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser, TEST_PASSWORD } from "@/server/testing/fixtures";
import { signIn, THROTTLE } from "./auth";
import { completeSecondStep, startEnrolment } from "./mfa";
import { loadSession } from "./sessions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** The code a second, independent TOTP implementation computes (otpauth), `steps` steps ahead. */
const codeOf = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

async function signInAs(email: string, ip: string) {
  const result = await signIn(t.db, { email, password: TEST_PASSWORD }, ip);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return {
    token: { sub: result.user.id, sv: 1, sid: result.session.id },
    state: result.session.state,
  };
}

async function enrolled(ip: string) {
  const provider = await createUser(t.db, "provider");
  const api = callerFor(t.db, provider, ip);
  const { secret, uri, recoveryCodes } = await api.mfa.startEnrolment();
  await api.mfa.confirmEnrolment({ code: codeOf(secret) });
  return { provider, secret, uri, recoveryCodes };
}

describe("setting up an authenticator", () => {
  it("gives a QR code of an otpauth URI, 10 recovery codes stored hashed, and is confirmed by a code", async () => {
    const provider = await createUser(t.db, "provider");
    const api = callerFor(t.db, provider);
    const started = await api.mfa.startEnrolment();
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Ablation%20Follow-up:.*secret=[A-Z2-7]+/);
    expect(started.qrSvg).toMatch(/^<svg/);
    expect(started.recoveryCodes).toHaveLength(10);
    const stored = await t.db
      .select({ hash: mfaRecoveryCodes.codeHash })
      .from(mfaRecoveryCodes)
      .where(eq(mfaRecoveryCodes.userId, provider.id));
    expect(stored).toHaveLength(10);
    for (const code of started.recoveryCodes) {
      expect(stored.map((s) => s.hash)).not.toContain(code);
    }
    // Not on until confirmed; a wrong code is refused with a field message.
    expect((await api.mfa.status()).enabled).toBe(false);
    await expect(api.mfa.confirmEnrolment({ code: "000000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await api.mfa.confirmEnrolment({ code: codeOf(started.secret) });
    expect(await api.mfa.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    await expect(api.mfa.startEnrolment()).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a patient may add one if they wish, and is then asked for a code at sign-in", async () => {
    const patient = await createUser(t.db, "patient");
    const api = callerFor(t.db, patient, "192.0.2.70");
    expect((await signInAs(patient.email, "192.0.2.70")).state).toBe("active");
    const { secret } = await api.mfa.startEnrolment();
    await api.mfa.confirmEnrolment({ code: codeOf(secret) });
    expect((await api.mfa.status()).enabled).toBe(true);
    const { token, state } = await signInAs(patient.email, "192.0.2.70");
    expect(state).toBe("mfa_pending");
    expect(await loadSession(t.db, token)).toMatchObject({ state: "mfa_pending" });
    expect(await completeSecondStep(t.db, token, codeOf(secret, 1), "192.0.2.70")).toMatchObject({
      ok: true,
    });
  });
});

describe("signing in with a second factor", () => {
  it("the password opens a session that reaches nothing until the code; a code works once", async () => {
    const { provider, secret } = await enrolled("192.0.2.10");
    const first = await signInAs(provider.email, "192.0.2.11");
    expect(first.state).toBe("mfa_pending");
    expect((await loadSession(t.db, first.token))?.state).toBe("mfa_pending");

    const code = codeOf(secret, 1); // the enrolment used this step's code already
    expect(await completeSecondStep(t.db, first.token, code, "192.0.2.11")).toMatchObject({
      ok: true,
    });
    expect((await loadSession(t.db, first.token))?.state).toBe("active");

    const second = await signInAs(provider.email, "192.0.2.11");
    expect(await completeSecondStep(t.db, second.token, code, "192.0.2.11")).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    expect((await loadSession(t.db, second.token))?.state).toBe("mfa_pending");
  });

  it("a recovery code works once, typed in any case and with spaces", async () => {
    const { provider, recoveryCodes } = await enrolled("192.0.2.20");
    const [recovery = ""] = recoveryCodes;
    const typed = ` ${recovery.toUpperCase().replace("-", " ")} `;
    const first = await signInAs(provider.email, "192.0.2.21");
    expect((await completeSecondStep(t.db, first.token, typed, "192.0.2.21")).ok).toBe(true);
    const second = await signInAs(provider.email, "192.0.2.21");
    expect((await completeSecondStep(t.db, second.token, recovery, "192.0.2.21")).ok).toBe(false);
    expect((await callerFor(t.db, provider).mfa.status()).recoveryCodesLeft).toBe(9);
  });

  it("wrong codes count against the sign-in throttle", async () => {
    const { provider, secret } = await enrolled("192.0.2.30");
    const { token } = await signInAs(provider.email, "192.0.2.31");
    for (let i = 0; i < THROTTLE.account; i++) {
      const answer = await completeSecondStep(t.db, token, "000000", `192.0.2.${40 + i}`);
      expect(answer).toEqual({ ok: false, reason: "wrong_code" });
    }
    expect(await completeSecondStep(t.db, token, codeOf(secret, 1), "192.0.2.99")).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(
      (await signIn(t.db, { email: provider.email, password: TEST_PASSWORD }, "192.0.2.98")).ok,
    ).toBe(false);
  });

  it("with the clinic setting on, staff without one set it up at sign-in; patients are not asked", async () => {
    const admin = await createUser(t.db, "admin");
    await callerFor(t.db, admin).settings.update({
      successCriteria: "strict",
      timeZone: null,
      requireStaffMfa: true,
    });
    try {
      const provider = await createUser(t.db, "provider");
      const patient = await createUser(t.db, "patient");
      expect((await signInAs(patient.email, "192.0.2.50")).state).toBe("active");
      const { token, state } = await signInAs(provider.email, "192.0.2.51");
      expect(state).toBe("mfa_enrol");
      const { secret } = await startEnrolment(t.db, provider, "192.0.2.51");
      expect(await completeSecondStep(t.db, token, "123", "192.0.2.51")).toMatchObject({
        ok: false,
      });
      expect(await completeSecondStep(t.db, token, codeOf(secret), "192.0.2.51")).toMatchObject({
        ok: true,
      });
      expect((await loadSession(t.db, token))?.state).toBe("active");
      expect((await callerFor(t.db, provider).mfa.status()).enabled).toBe(true);
    } finally {
      await t.db.update(clinicSettings).set({ requireStaffMfa: false });
    }
  });

  it("an admin's reset removes the second factor, and is audited", async () => {
    const { provider } = await enrolled("192.0.2.60");
    const admin = await createUser(t.db, "admin");
    await callerFor(t.db, admin).mfa.reset({ id: provider.id });
    expect(await t.db.select().from(userMfa).where(eq(userMfa.userId, provider.id))).toEqual([]);
    expect((await signInAs(provider.email, "192.0.2.61")).state).toBe("active");
    const audit = await t.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "mfa.reset"), eq(auditEvents.targetId, provider.id)));
    expect(audit).toEqual([{ actorId: admin.id }]);
  });
});
