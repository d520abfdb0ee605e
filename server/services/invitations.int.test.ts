/**
 * Invitations (docs/decisions/014-invitations-reminders-notifications.md): creating or importing an
 * account emails a single-use link, valid 72 hours, stored only as a hash; the person chooses a
 * password with it and can sign in; a used, expired or replaced link is refused; admins can resend.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invitations, outbox, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { fieldErrors } from "@/server/testing/field-errors";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { signIn } from "./auth";
import { acceptInvitation, checkInvitation, INVITATION_HOURS } from "./invitations";

let t: TestDatabase;
let admin: Actor;
let provider: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, "admin");
  provider = await createUser(t.db, "provider");
});
afterAll(async () => {
  await t.close();
});

const anonymous = () => callerFor(t.db, null);
const PASSWORD = "Lantern meadow quartz 42";

/** The link of the newest invitation email to `email`, and the email itself. */
async function invitationMail(email: string) {
  const [mail] = await t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, "invitation")))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no invitation to ${email}`);
  const token = mail.textBody.match(/\/invite\/([\w-]+)/)?.[1];
  if (!token) throw new Error("no link in the invitation");
  return { mail, token };
}

async function errorMessage(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error?.code).toBe("BAD_REQUEST");
  return error?.message;
}

describe("invitations", () => {
  it("a created account gets a link that sets its password once and then signs in", async () => {
    const email = "nadia.invite@example.test";
    const { id } = await callerFor(t.db, admin).account.create({
      role: "patient",
      name: "Nadia Okafor",
      email,
    });
    const { mail, token } = await invitationMail(email);
    expect(mail.userId).toBe(id);
    expect(mail.subject).toMatch(/Your account/);
    expect(mail.textBody).toMatch(/72 hours/);
    // no patient data in the email: not even the name
    expect(`${mail.subject} ${mail.textBody} ${mail.htmlBody}`).not.toMatch(/Nadia|Okafor/);
    // only the hash is stored
    const [stored] = await t.db.select().from(invitations).where(eq(invitations.userId, id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await anonymous().invitation.check({ token })).toMatchObject({
      state: "valid",
      email,
    });
    // the password policy applies
    expect(
      await fieldErrors(anonymous().invitation.accept({ token, password: "password1234" })),
    ).toMatchObject({ password: [expect.stringMatching(/too common/)] });

    expect(await anonymous().invitation.accept({ token, password: PASSWORD })).toEqual({ email });
    const signedIn = await signIn(t.db, { email, password: PASSWORD }, "203.0.113.9");
    expect(signedIn.ok).toBe(true);
    const [user] = await t.db.select().from(users).where(eq(users.id, id));
    expect(user?.mustChangePassword).toBe(false);

    // single use
    expect(
      await errorMessage(anonymous().invitation.accept({ token, password: PASSWORD })),
    ).toMatch(/already been used/);
    expect(await anonymous().invitation.check({ token })).toMatchObject({
      state: "used",
      email: null,
    });
    const audits = await t.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, id));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "account.invite", outcome: "success" },
        { action: "account.invitation_accept", outcome: "success" },
      ]),
    );
  });

  it("refuses an expired link, and a resend replaces the earlier link", async () => {
    const email = "omar.invite@example.test";
    const { id } = await callerFor(t.db, admin).account.create({
      role: "provider",
      name: "Omar Haddad",
      email,
    });
    const { token: first } = await invitationMail(email);
    const later = new Date(Date.now() + (INVITATION_HOURS + 1) * 3_600_000);
    expect((await checkInvitation(t.db, first, later)).state).toBe("expired");
    await expect(
      acceptInvitation(t.db, { token: first, password: PASSWORD }, null, later),
    ).rejects.toThrow(/expired/);

    expect(await callerFor(t.db, admin).invitation.resend({ id })).toEqual({ email });
    const { token: second } = await invitationMail(email);
    expect(second).not.toBe(first);
    expect((await anonymous().invitation.check({ token: first })).state).toBe("expired");
    expect(await anonymous().invitation.accept({ token: second, password: PASSWORD })).toEqual({
      email,
    });
    expect(
      await errorMessage(anonymous().invitation.accept({ token: "made-up", password: PASSWORD })),
    ).toMatch(/not valid/);
  });

  it("imported patients are invited, so that they can sign in", async () => {
    const rows = [1, 2].map((n) => ({
      row: n + 1,
      name: `Imported ${n}`,
      email: `imported-${n}.invite@example.test`,
      providerEmail: provider.email,
    }));
    const results = await callerFor(t.db, admin).import.patients({ rows });
    expect(results.map((r) => r.status)).toEqual(["created", "created"]);
    for (const r of rows) {
      const { token } = await invitationMail(r.email);
      await anonymous().invitation.accept({ token, password: PASSWORD });
      expect((await signIn(t.db, { email: r.email, password: PASSWORD }, null)).ok).toBe(true);
    }
    // importing again invites nobody twice
    await callerFor(t.db, admin).import.patients({ rows });
    const mails = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, rows[0]?.email ?? ""), eq(outbox.kind, "invitation")));
    expect(mails).toHaveLength(1);
  });

  it("a deactivated account's link does not work and cannot be resent", async () => {
    const email = "inactive.invite@example.test";
    const { id } = await callerFor(t.db, admin).account.create({
      role: "patient",
      name: "Someone Inactive",
      email,
    });
    const { token } = await invitationMail(email);
    await callerFor(t.db, admin).account.deactivate({ id });
    expect((await anonymous().invitation.check({ token })).state).toBe("unknown");
    expect(await errorMessage(callerFor(t.db, admin).invitation.resend({ id }))).toMatch(
      /Reactivate/,
    );
  });
});
