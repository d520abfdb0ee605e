/**
 * The first-run setup (docs/decisions/033-first-run-setup.md): a new clinic's first administrator
 * comes from ADMIN_EMAIL with an invitation link, and the clinic's setup needs every answer.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinicSettings, outbox, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { signIn } from "./auth";
import { ensureFirstAdmin } from "./first-admin";
import { acceptInvitation } from "./invitations";
import { getClinicSettings } from "./settings";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const tokenOf = (url: string) => url.match(/\/invite\/([\w-]+)$/)?.[1] ?? "";
const PASSWORD = "Harbour lantern quietly 5531";

describe("the first administrator", () => {
  it("without ADMIN_EMAIL on an empty clinic, says one is missing and creates nobody", async () => {
    expect(await ensureFirstAdmin(t.db, undefined)).toEqual({ state: "missing" });
    expect(await t.db.select().from(users)).toHaveLength(0);
  });

  it("refuses an ADMIN_EMAIL that belongs to a patient, and makes nobody an admin", async () => {
    const patient = await createUser(t.db, "patient", { email: "pat.first@example.com" });
    expect(await ensureFirstAdmin(t.db, "Pat.First@example.com")).toEqual({
      state: "taken",
      email: "pat.first@example.com",
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, patient.id));
    expect(row?.role).toBe("patient");
  });

  it("creates the admin with an invitation; a second start replaces the link; the link sets the password once", async () => {
    const first = await ensureFirstAdmin(t.db, "Head.Office@example.com");
    if (first.state !== "invited") throw new Error(first.state);
    expect(first.email).toBe("head.office@example.com");
    // The account cannot be signed into before the link is used.
    expect(
      (await signIn(t.db, { email: "head.office@example.com", password: PASSWORD }, "203.0.113.9"))
        .ok,
    ).toBe(false);
    const again = await ensureFirstAdmin(t.db, "head.office@example.com");
    if (again.state !== "invited") throw new Error(again.state);
    expect(again.url).not.toBe(first.url);
    // The link also waits in the outbox, in the invitation email.
    const mails = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, "head.office@example.com"));
    expect(mails.map((m) => m.textBody).join("\n")).toContain(again.url);

    await expect(
      acceptInvitation(t.db, { token: tokenOf(first.url), password: PASSWORD }, null),
    ).rejects.toThrow();
    await acceptInvitation(t.db, { token: tokenOf(again.url), password: PASSWORD }, null);
    const session = await signIn(
      t.db,
      { email: "head.office@example.com", password: PASSWORD },
      "203.0.113.9",
    );
    if (!session.ok) throw new Error(session.reason);
    const [account] = await t.db.select().from(users).where(eq(users.id, session.user.id));
    expect(account?.role).toBe("admin");
    // From now on there is an admin: nothing more is created.
    expect(await ensureFirstAdmin(t.db, "someone.else@example.com")).toEqual({ state: "exists" });
    expect(
      await t.db.select().from(users).where(eq(users.email, "someone.else@example.com")),
    ).toHaveLength(0);
  });
});

describe("the clinic's setup", () => {
  it("is not done on a new clinic, and links point to the server's address until one is set", async () => {
    const settings = await getClinicSettings(t.db);
    expect(settings.setupDone).toBe(false);
    expect(settings.publicUrl).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it("needs every answer, with a message for each one missing", async () => {
    const admin = await createUser(t.db, "admin");
    const api = callerFor(t.db, admin);
    const error = await api.settings
      .completeSetup({
        clinicName: "",
        clinicPhone: "",
        timeZone: "Mars/Olympus",
        publicUrl: "portal.example.org",
      } as never)
      .then(
        () => null,
        (e: { code: string; cause?: { fieldErrors?: Record<string, string[]> } }) => e,
      );
    expect(error?.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error)).toContain("Enter the clinic's name.");
    expect((await getClinicSettings(t.db)).setupDone).toBe(false);
  });

  it("stores the answers, is audited, and links in emails then use the public address", async () => {
    const admin = await createUser(t.db, "admin");
    const api = callerFor(t.db, admin);
    await api.settings.completeSetup({
      clinicName: "Lakeside Pain Clinic",
      clinicPhone: "+1 555 0199",
      timeZone: "America/Chicago",
      publicUrl: "https://portal.lakeside.example/some/path",
      requireStaffMfa: true,
    });
    const settings = await getClinicSettings(t.db);
    expect(settings).toMatchObject({
      setupDone: true,
      clinicName: "Lakeside Pain Clinic",
      timeZone: "America/Chicago",
      publicUrl: "https://portal.lakeside.example",
      requireStaffMfa: true,
    });
    const [row] = await t.db.select().from(clinicSettings);
    expect(row?.updatedBy).toBe(admin.id);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "settings.setup"));
    expect(audit).toHaveLength(1);

    const patient = await createUser(t.db, "patient", { email: "new.patient@example.com" });
    await callerFor(t.db, admin).invitation.resend({ id: patient.id });
    const [mail] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, "new.patient@example.com"));
    expect(mail?.textBody).toContain("https://portal.lakeside.example/invite/");
  });
});
