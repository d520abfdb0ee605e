import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, outbox, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import {
  assignPatient,
  callerFor,
  createUser,
  sessionToken,
  TEST_PASSWORD,
} from "@/server/testing/fixtures";
import { DEFAULT_WARNING_SIGNS } from "@/shared/clinic-help";
import { signIn } from "./auth";
import { loadActor } from "./sessions";
import { clinicToday } from "./settings";

let t: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, "admin");
});
afterAll(async () => {
  await t.close();
});

const api = () => callerFor(t.db, admin);
const NEW_PASSWORD = "Lantern meadow quartz 42";

async function sessionVersionOf(id: string) {
  const [row] = await t.db
    .select({ v: users.sessionVersion, must: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

async function auditOf(action: string, targetId: string) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
}

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError & { shape?: unknown };
}

describe("creating an account", () => {
  it("creates it with a one-time temporary password that must be changed, and audits it", async () => {
    const created = await api().account.create({
      role: "patient",
      name: "  Ann Example ",
      email: " Ann.Example@Clinic.TEST ",
    });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const [row] = await t.db.select().from(users).where(eq(users.id, created.id));
    expect(row).toMatchObject({
      name: "Ann Example",
      email: "ann.example@clinic.test",
      role: "patient",
      mustChangePassword: true,
      active: true,
    });
    expect(row?.passwordHash).not.toContain(created.temporaryPassword);
    const result = await signIn(
      t.db,
      { email: "ann.example@clinic.test", password: created.temporaryPassword },
      "192.0.2.1",
    );
    expect(result.ok).toBe(true);

    const [audit] = await auditOf("account.create", created.id);
    expect(audit).toMatchObject({ actorId: admin.id, patientId: created.id, ip: "203.0.113.7" });
    const everything = JSON.stringify(await t.db.select().from(auditEvents));
    expect(everything).not.toContain(created.temporaryPassword);
  });

  it("refuses an email that exists in any case, and invalid fields, with messages per field", async () => {
    await api().account.create({ role: "provider", name: "Dr. Dup", email: "dup@clinic.test" });
    const dup = await errorOf(
      api().account.create({ role: "provider", name: "Dr. Dup", email: "DUP@clinic.test" }),
    );
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toBe("An account with this email already exists.");

    const bad = await errorOf(
      api().account.create({ role: "nurse" as "admin", name: " ", email: "not-an-email" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
  });
});

describe("the temporary password", () => {
  it("closes every procedure but change-password and session.me until it is changed", async () => {
    const { id, temporaryPassword } = await api().account.create({
      role: "admin",
      name: "New Admin",
      email: "new.admin@clinic.test",
    });
    const fresh = await loadActor(t.db, await sessionToken(t.db, id, 1));
    expect(fresh?.mustChangePassword).toBe(true);
    const asFresh = callerFor(t.db, fresh);
    const denied = await errorOf(asFresh.account.list({}));
    expect(denied.code).toBe("FORBIDDEN");
    expect(denied.message).toBe("Please change your temporary password before you continue.");
    expect(await asFresh.session.me()).toMatchObject({ id, mustChangePassword: true });

    const weak = await errorOf(
      asFresh.account.changePassword({
        currentPassword: temporaryPassword,
        newPassword: "password1234",
      }),
    );
    expect(weak.code).toBe("BAD_REQUEST");
    const wrong = await errorOf(
      asFresh.account.changePassword({
        currentPassword: "not it at all",
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    const same = await errorOf(
      asFresh.account.changePassword({
        currentPassword: temporaryPassword,
        newPassword: temporaryPassword,
      }),
    );
    expect(same.message).toBe("Please correct the highlighted fields.");

    await asFresh.account.changePassword({
      currentPassword: temporaryPassword,
      newPassword: NEW_PASSWORD,
    });
    expect(await sessionVersionOf(id)).toEqual({ v: 2, must: false });
    // the old session has ended; a new sign-in with the new password works and is unrestricted
    expect(await loadActor(t.db, await sessionToken(t.db, id, 1))).toBeNull();
    expect(
      await signIn(t.db, { email: "new.admin@clinic.test", password: NEW_PASSWORD }, "192.0.2.2"),
    ).toMatchObject({ ok: true, user: { sessionVersion: 2 } });
    const after = await loadActor(t.db, await sessionToken(t.db, id, 2));
    expect((await callerFor(t.db, after).account.list({})).total).toBeGreaterThan(0);
    const audits = await auditOf("account.password_change", id);
    expect(audits.map((a) => a.outcome).sort()).toEqual(["failure", "success"]);
  });
});

describe("deactivation, reactivation and password reset", () => {
  it("deactivation ends the user's sessions at once; reactivation lets them sign in again", async () => {
    const provider = await createUser(t.db, "provider");
    expect(await loadActor(t.db, await sessionToken(t.db, provider.id, 1))).not.toBeNull();
    expect(await api().account.deactivate({ id: provider.id })).toEqual({
      id: provider.id,
      active: false,
    });
    expect(await loadActor(t.db, await sessionToken(t.db, provider.id, 1))).toBeNull();
    expect(
      (await signIn(t.db, { email: provider.email, password: TEST_PASSWORD }, "192.0.2.3")).ok,
    ).toBe(false);

    await api().account.reactivate({ id: provider.id });
    expect(
      (await signIn(t.db, { email: provider.email, password: TEST_PASSWORD }, "192.0.2.3")).ok,
    ).toBe(true);
    expect(await auditOf("account.deactivate", provider.id)).toHaveLength(1);
    expect(await auditOf("account.reactivate", provider.id)).toHaveLength(1);
  });

  it("an admin cannot deactivate or reset their own account", async () => {
    const self = await errorOf(api().account.deactivate({ id: admin.id }));
    expect(self.code).toBe("BAD_REQUEST");
    expect(self.message).toMatch(/cannot deactivate your own account/);
    expect((await errorOf(api().account.resetPassword({ id: admin.id }))).code).toBe("BAD_REQUEST");
  });

  it("a reset issues a new temporary password and ends the user's sessions", async () => {
    const patient = await createUser(t.db, "patient");
    const { temporaryPassword } = await api().account.resetPassword({ id: patient.id });
    expect(await sessionVersionOf(patient.id)).toEqual({ v: 2, must: true });
    expect(await loadActor(t.db, await sessionToken(t.db, patient.id, 1))).toBeNull();
    expect(
      (await signIn(t.db, { email: patient.email, password: TEST_PASSWORD }, "192.0.2.4")).ok,
    ).toBe(false);
    expect(
      (await signIn(t.db, { email: patient.email, password: temporaryPassword }, "192.0.2.4")).ok,
    ).toBe(true);
    const [audit] = await auditOf("account.password_reset", patient.id);
    expect(audit?.patientId).toBe(patient.id);
  });

  it("unknown ids are NOT_FOUND and malformed ids are refused", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await errorOf(api().account.deactivate({ id: missing }))).code).toBe("NOT_FOUND");
    expect((await errorOf(api().account.resetPassword({ id: missing }))).code).toBe("NOT_FOUND");
    expect((await errorOf(api().account.get({ id: "1" }))).code).toBe("BAD_REQUEST");
  });
});

describe("changing a patient's email", () => {
  it("re-verifies the new address with an invitation, tells the old one, ends the sessions, audits without addresses", async () => {
    const patient = await createUser(t.db, "patient");
    const oldEmail = patient.email;
    const newEmail = `moved-${crypto.randomUUID()}@example.test`;
    const before = await sessionVersionOf(patient.id);
    expect(await loadActor(t.db, await sessionToken(t.db, patient.id, 1))).not.toBeNull();

    await api().account.changeEmail({ id: patient.id, email: newEmail.toUpperCase() });
    expect((await api().account.get({ id: patient.id })).email).toBe(newEmail);
    expect((await sessionVersionOf(patient.id))?.v).toBe((before?.v ?? 0) + 1);
    expect(await loadActor(t.db, await sessionToken(t.db, patient.id, 1))).toBeNull();

    const mail = await t.db.select().from(outbox).where(eq(outbox.userId, patient.id));
    const invitation = mail.find((m) => m.kind === "invitation");
    expect(invitation?.toAddress).toBe(newEmail);
    expect(invitation?.textBody).toMatch(/\/invite\//);
    const notice = mail.find((m) => m.kind === "email_changed");
    expect(notice?.toAddress).toBe(oldEmail);
    expect(notice?.textBody).not.toContain(newEmail);

    const [audit] = await auditOf("account.change_email", patient.id);
    expect(audit?.details).toEqual({ fields: ["email"] });
    expect(JSON.stringify(audit)).not.toContain(newEmail);
    // The old address no longer signs in; the new one does.
    expect((await signIn(t.db, { email: oldEmail, password: TEST_PASSWORD }, "192.0.2.9")).ok).toBe(
      false,
    );
    expect((await signIn(t.db, { email: newEmail, password: TEST_PASSWORD }, "192.0.2.9")).ok).toBe(
      true,
    );
  });

  it("refuses an address in use, the same address, a staff account, and a bad address", async () => {
    const patient = await createUser(t.db, "patient");
    const other = await createUser(t.db, "patient");
    const taken = await errorOf(api().account.changeEmail({ id: patient.id, email: other.email }));
    expect(taken.code).toBe("CONFLICT");
    const same = await errorOf(api().account.changeEmail({ id: patient.id, email: patient.email }));
    expect(same.code).toBe("BAD_REQUEST");
    const provider = await createUser(t.db, "provider");
    const staff = await errorOf(
      api().account.changeEmail({ id: provider.id, email: "new-provider@example.test" }),
    );
    expect(staff.code).toBe("BAD_REQUEST");
    const bad = await errorOf(api().account.changeEmail({ id: patient.id, email: "not an email" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await api().account.get({ id: patient.id })).email).toBe(patient.email);
  });
});

describe("the account list", () => {
  it("finds a patient by MRN (whole, partial, any case) and shows MRN, care team and last sign-in", async () => {
    const patient = await createUser(t.db, "patient", { name: "Rosa Search" });
    await t.db.update(users).set({ mrn: "MRN-880845" }).where(eq(users.id, patient.id));
    const other = await createUser(t.db, "patient", { name: "Other Search" });
    await t.db.update(users).set({ mrn: "MRN-990001" }).where(eq(users.id, other.id));
    const doctor = await createUser(t.db, "provider", { name: "Dr Search Alpha" });
    const second = await createUser(t.db, "provider", { name: "Dr Search Beta" });
    await assignPatient(t.db, doctor, patient);
    await assignPatient(t.db, second, patient);
    await assignPatient(t.db, doctor, other);
    expect(
      (await signIn(t.db, { email: patient.email, password: TEST_PASSWORD }, "192.0.2.9")).ok,
    ).toBe(true);

    const ids = async (search: string) =>
      (await api().account.list({ search })).rows.map((r) => r.id);
    expect(await ids("MRN-880845")).toEqual([patient.id]);
    expect(await ids("mrn-880845")).toEqual([patient.id]);
    expect(await ids("880845")).toEqual([patient.id]);
    expect(await ids("MRN-88")).toEqual([patient.id]);
    expect(await ids("MRN-777")).toEqual([]);
    // The name and email searches still work.
    expect(await ids("rosa search")).toEqual([patient.id]);
    expect(await ids(patient.email.slice(0, 20))).toEqual([patient.id]);

    const [row] = (await api().account.list({ search: "880845" })).rows;
    expect(row).toMatchObject({
      mrn: "MRN-880845",
      providers: { names: ["Dr Search Alpha", "Dr Search Beta"], total: 2 },
      patientCount: null,
    });
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
    expect(Date.now() - (row?.lastSignInAt?.getTime() ?? 0)).toBeLessThan(60_000);

    const providers = (await api().account.list({ search: "Dr Search", role: "provider" })).rows;
    expect(providers.map((r) => [r.name, r.patientCount, r.mrn, r.lastSignInAt])).toEqual([
      ["Dr Search Alpha", 2, null, null],
      ["Dr Search Beta", 1, null, null],
    ]);
    // Showing a patient's row is an audited read of their data.
    const reads = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "patient.read"), eq(auditEvents.patientId, patient.id)));
    expect(reads.length).toBeGreaterThan(0);
  });

  it("finds a patient by date of birth however it is typed, and by email, as the caseload does", async () => {
    const born = await createUser(t.db, "patient", {
      name: "Dora Birthday",
      email: "dora.b@dob-search.test",
    });
    await t.db.update(users).set({ dateOfBirth: "1957-02-28" }).where(eq(users.id, born.id));
    const twin = await createUser(t.db, "patient", { name: "Tess Twin" });
    await t.db.update(users).set({ dateOfBirth: "1957-02-28" }).where(eq(users.id, twin.id));
    const other = await createUser(t.db, "patient", { name: "Olga Other" });
    await t.db.update(users).set({ dateOfBirth: "1957-02-27" }).where(eq(users.id, other.id));
    const ids = async (search: string) =>
      (await api().account.list({ search })).rows.map((r) => r.id).sort();
    const both = [born.id, twin.id].sort();
    for (const typed of [
      "28 Feb 1957",
      "28 February 1957",
      "1957-02-28",
      "28/02/1957",
      "28.2.57",
      "02/28/1957",
      "Feb 28, 1957",
    ])
      expect(await ids(typed), typed).toEqual(both);
    expect(await ids("27/02/1957")).toEqual([other.id]);
    expect(await ids("29/02/1957")).toEqual([]);
    expect(await ids("DORA.B@dob-search")).toEqual([born.id]);
    expect(await ids("@dob-search.test")).toEqual([born.id]);
  });
});

describe("care teams", () => {
  it("assigns a patient to a provider once, lists it on both accounts, and unassigns", async () => {
    const provider = await createUser(t.db, "provider");
    const patient = await createUser(t.db, "patient");
    const pair = { patientId: patient.id, providerId: provider.id };
    expect(await api().careTeam.assign(pair)).toEqual({ assigned: true });
    expect(await api().careTeam.assign(pair)).toEqual({ assigned: false });

    const patientView = await api().account.get({ id: patient.id });
    expect(patientView.careTeam.map((m) => m.id)).toEqual([provider.id]);
    const providerView = await api().account.get({ id: provider.id });
    expect(providerView.careTeam.map((m) => m.id)).toEqual([patient.id]);
    expect(await auditOf("account.read", patient.id)).toMatchObject([{ patientId: patient.id }]);

    await api().careTeam.unassign(pair);
    expect((await api().account.get({ id: patient.id })).careTeam).toEqual([]);
    expect((await errorOf(api().careTeam.unassign(pair))).code).toBe("NOT_FOUND");
    const [assign] = await auditOf("care_team.assign", provider.id);
    const [unassign] = await auditOf("care_team.unassign", provider.id);
    expect(assign?.patientId).toBe(patient.id);
    expect(unassign?.patientId).toBe(patient.id);
  });

  it("refuses pairs that are not a patient and an active provider", async () => {
    const provider = await createUser(t.db, "provider");
    const other = await createUser(t.db, "provider");
    const patient = await createUser(t.db, "patient");
    const inactive = await createUser(t.db, "provider", { active: false });
    const swapped = await errorOf(
      api().careTeam.assign({ patientId: other.id, providerId: provider.id }),
    );
    expect(swapped.message).toBe("Only a patient account can be assigned to a provider.");
    const toPatient = await errorOf(
      api().careTeam.assign({ patientId: patient.id, providerId: patient.id }),
    );
    expect(toPatient.message).toBe("Patients can only be assigned to a provider account.");
    const toInactive = await errorOf(
      api().careTeam.assign({ patientId: patient.id, providerId: inactive.id }),
    );
    expect(toInactive.message).toMatch(/deactivated/);
  });
});

describe("clinic settings", () => {
  it("updates the success criteria and the time zone, audits it, and refuses unknown zones", async () => {
    expect(await api().settings.get()).toMatchObject({ successCriteria: "strict", timeZone: null });
    await api().settings.update({ successCriteria: "lenient", timeZone: "Pacific/Kiritimati" });
    expect(await api().settings.get()).toMatchObject({
      successCriteria: "lenient",
      timeZone: "Pacific/Kiritimati",
    });
    // 2024-01-01 10:30 UTC is already the 2nd on Kiritimati (UTC+14)
    expect(await clinicToday(t.db, new Date("2024-01-01T10:30:00Z"))).toBe("2024-01-02");
    const bad = await errorOf(
      api().settings.update({ successCriteria: "strict", timeZone: "Mars/Olympus" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    await api().settings.update({ successCriteria: "strict", timeZone: null });
    expect(await api().settings.get()).toMatchObject({ successCriteria: "strict", timeZone: null });
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "settings.update"));
    expect(audits).toHaveLength(2);
  });

  it("keeps the clinic's name and phone (empty clears them, left out keeps them)", async () => {
    await api().settings.update({
      successCriteria: "strict",
      timeZone: null,
      clinicName: "  Riverside Pain Clinic ",
      clinicPhone: "+1 (555) 010-2030",
    });
    expect(await api().settings.get()).toMatchObject({
      clinicName: "Riverside Pain Clinic",
      clinicPhone: "+1 (555) 010-2030",
    });
    await api().settings.update({ successCriteria: "lenient", timeZone: null });
    expect(await api().settings.get()).toMatchObject({
      successCriteria: "lenient",
      clinicName: "Riverside Pain Clinic",
    });
    const bad = await errorOf(
      api().settings.update({
        successCriteria: "strict",
        timeZone: null,
        clinicPhone: "call <script>",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    await api().settings.update({
      successCriteria: "strict",
      timeZone: null,
      clinicName: "",
      clinicPhone: "",
    });
    expect(await api().settings.get()).toMatchObject({ clinicName: null, clinicPhone: null });
  });

  it("keeps the clinic's warning signs and reply time; patients read them, or the standard signs", async () => {
    const patient = await createUser(t.db, "patient");
    const contact = () => callerFor(t.db, patient).settings.contact();
    expect(await contact()).toMatchObject({
      warningSigns: DEFAULT_WARNING_SIGNS,
      replyTime: null,
    });
    await api().settings.update({
      successCriteria: "strict",
      timeZone: null,
      warningSigns: [" A fever ", "", "A red, hot or swollen site"],
      replyTime: " within two working days ",
    });
    expect(await contact()).toMatchObject({
      warningSigns: ["A fever", "A red, hot or swollen site"],
      replyTime: "within two working days",
    });
    const tooMany = await errorOf(
      api().settings.update({
        successCriteria: "strict",
        timeZone: null,
        warningSigns: Array.from({ length: 11 }, (_, i) => `Sign ${i}`),
      }),
    );
    expect(tooMany.code).toBe("BAD_REQUEST");
    // Left out: unchanged; empty: the standard list again, and the reply time not said.
    await api().settings.update({ successCriteria: "strict", timeZone: null });
    expect((await contact()).warningSigns).toEqual(["A fever", "A red, hot or swollen site"]);
    await api().settings.update({
      successCriteria: "strict",
      timeZone: null,
      warningSigns: [""],
      replyTime: "",
    });
    expect(await contact()).toMatchObject({
      warningSigns: DEFAULT_WARNING_SIGNS,
      replyTime: null,
    });
    expect(await api().settings.get()).toMatchObject({ warningSigns: null, replyTime: null });
  });
});

describe("who may administer", () => {
  it("answers FORBIDDEN to providers and patients on the admin procedures", async () => {
    for (const role of ["provider", "patient"] as const) {
      const caller = callerFor(t.db, await createUser(t.db, role));
      const someone = "00000000-0000-4000-8000-000000000000";
      for (const call of [
        () => caller.account.create({ role: "admin", name: "X", email: "x@clinic.test" }),
        () => caller.account.deactivate({ id: someone }),
        () => caller.account.resetPassword({ id: someone }),
        () => caller.careTeam.assign({ patientId: someone, providerId: someone }),
        () => caller.settings.update({ successCriteria: "lenient", timeZone: null }),
        () => caller.audit.list({}),
        () =>
          caller.import.patients({ rows: [{ row: 2, name: "a", email: "a", providerEmail: "b" }] }),
      ])
        expect((await errorOf(call())).code).toBe("FORBIDDEN");
    }
  });
});
