// An admin sends an outbox email again: an invitation with a new link (the earlier one stops
// working), another email as it was, and never a password-reset link.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { inviteAccounts } from "./invitations";
import { queueEmail } from "./outbox";
import { requestPasswordReset } from "./password-reset";

let t: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, "admin");
});
afterAll(async () => t?.close());

const mails = (userId: string, kind: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.kind, kind)));
const token = (text: string) => text.match(/\/(?:invite|reset)\/([\w-]+)/)?.[1] ?? "";

describe("sending an outbox email again", () => {
  it("sends an invitation with a new link; the earlier link stops working", async () => {
    const patient = await createUser(t.db, "patient");
    await inviteAccounts(t.db, admin, [patient], { ip: null });
    const [first] = await mails(patient.id, "invitation");
    if (!first) throw new Error("no invitation");
    const api = callerFor(t.db, admin);
    expect(await api.outbox.resend({ id: first.id })).toEqual({
      to: patient.email,
      newLink: true,
    });
    const both = await mails(patient.id, "invitation");
    expect(both).toHaveLength(2);
    const newer = both.find((m) => m.id !== first.id);
    expect(token(newer?.textBody ?? "")).not.toBe(token(first.textBody));
    const anonymous = callerFor(t.db, null);
    expect((await anonymous.invitation.check({ token: token(first.textBody) })).state).toBe(
      "expired",
    );
    expect((await anonymous.invitation.check({ token: token(newer?.textBody ?? "") })).state).toBe(
      "valid",
    );
  });

  it("sends another email again as it was, audited", async () => {
    const patient = await createUser(t.db, "patient");
    const id = await queueEmail(t.db, {
      kind: "reminder_daily",
      userId: patient.id,
      to: patient.email,
      email: { subject: "Time for today's diary entry", text: "Hello", html: "<p>Hello</p>" },
    });
    await callerFor(t.db, admin).outbox.resend({ id });
    const copies = await mails(patient.id, "reminder_daily");
    expect(copies.map((m) => [m.subject, m.textBody, m.toAddress])).toEqual([
      ["Time for today's diary entry", "Hello", patient.email],
      ["Time for today's diary entry", "Hello", patient.email],
    ]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "outbox.resend"));
    expect(audit?.details).toEqual({ of: id });
  });

  it("never copies a password-reset link", async () => {
    const patient = await createUser(t.db, "patient");
    await requestPasswordReset(t.db, { email: patient.email }, null);
    const [reset] = await mails(patient.id, "password_reset");
    if (!reset) throw new Error("no reset email");
    await expect(callerFor(t.db, admin).outbox.resend({ id: reset.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/ask again on the sign-in page/),
    });
    expect(await mails(patient.id, "password_reset")).toHaveLength(1);
  });
});
