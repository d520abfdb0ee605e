/**
 * Self-service password reset (docs/decisions/025-self-service-password-reset.md): the same answer
 * for every address; a single-use link valid one hour, stored only as a hash, sent through the
 * outbox; choosing a new password ends every other session; a staff account with a second factor
 * still needs its code; requests throttled per address and per network address; all audited.
 */
import { and, desc, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invitations, outbox } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser, sessionToken } from "@/server/testing/fixtures";
import { signIn } from "./auth";
import { acceptInvitation } from "./invitations";
import { RESET_LINK_MINUTES, RESET_THROTTLE, requestPasswordReset } from "./password-reset";
import { loadSession } from "./sessions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const anonymous = (ip = "203.0.113.40") => callerFor(t.db, null, ip);
const NEW_PASSWORD = "Copper willow evening 8812";

async function resetMails(email: string) {
  return t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, "password_reset")))
    .orderBy(desc(outbox.createdAt));
}
const tokenOf = (text: string) => text.match(/\/reset\/([\w-]+)/)?.[1] ?? "";

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error?.code).toBe("BAD_REQUEST");
  return error?.message;
}

describe("asking for a reset link", () => {
  it("answers the same for a known, an unknown and a deactivated address, and mails only the known one", async () => {
    const known = await createUser(t.db, "patient");
    const inactive = await createUser(t.db, "patient", { active: false });
    const answers = [
      await anonymous().passwordReset.request({ email: known.email.toUpperCase() }),
      await anonymous().passwordReset.request({ email: "nobody-here@example.test" }),
      await anonymous().passwordReset.request({ email: inactive.email }),
    ];
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const [mail, ...more] = await resetMails(known.email);
    expect(more).toHaveLength(0);
    expect(await resetMails(inactive.email)).toHaveLength(0);
    expect(mail?.subject).toMatch(/^Reset your password/);
    expect(mail?.textBody).toContain("one hour");
    expect(`${mail?.textBody}${mail?.htmlBody}`).not.toContain(known.name);

    // Stored only as a hash, valid RESET_LINK_MINUTES.
    const token = tokenOf(mail?.textBody ?? "");
    const [link] = await t.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.userId, known.id), eq(invitations.purpose, "password_reset")));
    expect(link?.tokenHash).not.toContain(token);
    const minutes = ((link?.expiresAt.getTime() ?? 0) - (link?.createdAt.getTime() ?? 0)) / 60_000;
    expect(Math.round(minutes)).toBe(RESET_LINK_MINUTES);

    const audited = await t.db
      .select({ outcome: auditEvents.outcome, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "account.password_reset_request"));
    expect(audited.map((a) => a.outcome).sort()).toEqual(["failure", "failure", "success"]);
  });

  it("sets a new password once, ends every other session, and refuses the link afterwards", async () => {
    const user = await createUser(t.db, "patient");
    const before = await sessionToken(t.db, user.id);
    await anonymous().passwordReset.request({ email: user.email });
    const token = tokenOf((await resetMails(user.email))[0]?.textBody ?? "");
    expect((await anonymous().passwordReset.check({ token })).email).toBe(user.email);

    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    expect(await loadSession(t.db, before)).toBeNull();
    expect((await signIn(t.db, { email: user.email, password: NEW_PASSWORD }, null)).ok).toBe(true);
    expect((await anonymous().passwordReset.check({ token })).state).toBe("used");
    expect(
      await refusal(
        anonymous().passwordReset.complete({ token, password: "Another fine day 4411" }),
      ),
    ).toMatch(/already been used/);
  });

  it("a new link replaces the earlier one; a reset link is not an invitation; an hour later it has expired", async () => {
    const user = await createUser(t.db, "patient");
    await anonymous().passwordReset.request({ email: user.email });
    await anonymous().passwordReset.request({ email: user.email });
    const [newer, older] = await resetMails(user.email);
    const oldToken = tokenOf(older?.textBody ?? "");
    const newToken = tokenOf(newer?.textBody ?? "");
    expect((await anonymous().passwordReset.check({ token: oldToken })).state).toBe("expired");
    // The reset link does not open the invitation page, nor the other way round.
    expect((await anonymous().invitation.check({ token: newToken })).state).toBe("unknown");
    const later = new Date(Date.now() + (RESET_LINK_MINUTES + 1) * 60_000);
    expect(
      await refusal(
        acceptInvitation(
          t.db,
          { token: newToken, password: NEW_PASSWORD },
          null,
          later,
          "password_reset",
        ),
      ),
    ).toMatch(/expired/);
  });

  it("a staff account with a second factor still needs its code after a reset", async () => {
    const provider = await createUser(t.db, "provider");
    const api = callerFor(t.db, provider);
    const { secret } = await api.mfa.startEnrolment();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await api.mfa.confirmEnrolment({ code });
    await anonymous().passwordReset.request({ email: provider.email });
    const token = tokenOf((await resetMails(provider.email))[0]?.textBody ?? "");
    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    const result = await signIn(t.db, { email: provider.email, password: NEW_PASSWORD }, null);
    expect(result.ok && result.session.state).toBe("mfa_pending");
  });

  it("sends at most RESET_THROTTLE.account links per address in the window, with the same answer", async () => {
    const user = await createUser(t.db, "patient");
    for (let i = 0; i < RESET_THROTTLE.account + 2; i++) {
      expect(await requestPasswordReset(t.db, { email: user.email }, `198.51.100.${i}`)).toEqual({
        ok: true,
      });
    }
    expect(await resetMails(user.email)).toHaveLength(RESET_THROTTLE.account);
  });

  it("sends at most RESET_THROTTLE.address links from one network address in the window", async () => {
    const ip = "192.0.2.77";
    const people = await Promise.all(
      Array.from({ length: RESET_THROTTLE.address + 2 }, () => createUser(t.db, "patient")),
    );
    for (const p of people) await requestPasswordReset(t.db, { email: p.email }, ip);
    let sent = 0;
    for (const p of people) sent += (await resetMails(p.email)).length;
    expect(sent).toBe(RESET_THROTTLE.address);
  });
});
