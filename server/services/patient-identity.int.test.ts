// Patient identity (docs/decisions/012-patient-identity-and-presentation.md): date of birth, MRN
// (unique within the clinic) and phone, taken by the admin's create and edit and by the CSV import;
// the care team chosen in the create form.
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, careTeam, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
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
const email = () => `p-${crypto.randomUUID()}@example.test`;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError & { shape?: { data?: { fieldErrors?: Record<string, string[]> } } };
  return { code: e.code, message: e.message, fields: e.shape?.data?.fieldErrors };
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause as
    | { fieldErrors?: Record<string, string[]> }
    | undefined;
  return { code: (error as TRPCError).code, fields: cause?.fieldErrors ?? {} };
}

describe("patient identity", () => {
  it("creates a patient with date of birth, MRN, phone and their care team in one step", async () => {
    const [a, b] = await Promise.all([createUser(t.db, "provider"), createUser(t.db, "provider")]);
    const created = await api().account.create({
      role: "patient",
      name: "Iris Identity",
      email: email(),
      dateOfBirth: "1962-04-17",
      mrn: " MRN-0001 ",
      phone: "+44 20 7946 0000",
      providerIds: [a.id, b.id],
    });
    expect(created.providers.sort()).toEqual([a.name, b.name].sort());
    const account = await api().account.get({ id: created.id });
    expect(account).toMatchObject({
      dateOfBirth: "1962-04-17",
      mrn: "MRN-0001",
      phone: "+44 20 7946 0000",
    });
    expect(account.careTeam.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    const assigned = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "care_team.assign"), eq(auditEvents.patientId, created.id)),
      );
    expect(assigned).toHaveLength(2);
    // The provider sees the patient with their age on the caseload at once.
    const row = (await callerFor(t.db, a).caseload.list({})).rows.find(
      (r) => r.patientId === created.id,
    );
    expect(row).toMatchObject({ state: "needs_review", reasons: ["no_procedure"] });
    expect(row?.age).toBeGreaterThanOrEqual(60);
  });

  it("keeps the MRN unique within the clinic, whatever its case, with a clear message", async () => {
    await api().account.create({ role: "patient", name: "First", email: email(), mrn: "AB-77" });
    const taken = await fieldErrors(
      api().account.create({ role: "patient", name: "Second", email: email(), mrn: "ab-77" }),
    );
    expect(taken).toEqual({
      code: "CONFLICT",
      fields: { mrn: ["Another patient already has this MRN."] },
    });
    const other = await api().account.create({ role: "patient", name: "Third", email: email() });
    const onEdit = await fieldErrors(
      api().account.updateIdentity({
        id: other.id,
        name: "Third",
        dateOfBirth: "",
        mrn: "AB-77",
        phone: "",
      }),
    );
    expect(onEdit.fields).toEqual({ mrn: ["Another patient already has this MRN."] });
    // Without an MRN, any number of patients.
    await api().account.create({ role: "patient", name: "Fourth", email: email(), mrn: "" });
    await api().account.create({ role: "patient", name: "Fifth", email: email() });
  });

  it("edits a patient's identity, audits which fields changed (not their values)", async () => {
    const { id } = await api().account.create({
      role: "patient",
      name: "Eve Edit",
      email: email(),
    });
    await api().account.updateIdentity({
      id,
      name: "Eve Edited",
      dateOfBirth: "1970-01-31",
      mrn: "E-1",
      phone: "",
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      name: "Eve Edited",
      dateOfBirth: "1970-01-31",
      mrn: "E-1",
      phone: null,
    });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.update_identity"), eq(auditEvents.targetId, id)));
    expect(audit?.details).toEqual({ fields: ["name", "dateOfBirth", "mrn"] });
    expect(JSON.stringify(audit)).not.toContain("1970-01-31");
  });

  it("refuses bad identity fields with messages, and identity on staff accounts", async () => {
    const bad = await failure(
      api().account.create({
        role: "patient",
        name: "Bad",
        email: email(),
        dateOfBirth: "1962-02-30",
        mrn: "MRN 1; drop",
        phone: "call me",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    const future = await fieldErrors(
      api().account.create({
        role: "patient",
        name: "Future",
        email: email(),
        dateOfBirth: `${Number((await clinicToday(t.db)).slice(0, 4)) + 1}-01-01`,
      }),
    );
    expect(future.fields).toEqual({ dateOfBirth: ["The date of birth cannot be in the future."] });
    const staff = await fieldErrors(
      api().account.create({ role: "provider", name: "Doc", email: email(), mrn: "X-1" }),
    );
    expect(staff.fields).toEqual({ mrn: ["Only a patient account has this."] });
    const provider = await createUser(t.db, "provider");
    const inactive = await createUser(t.db, "provider", { active: false });
    const team = await fieldErrors(
      api().account.create({
        role: "patient",
        name: "Team",
        email: email(),
        providerIds: [provider.id, inactive.id],
      }),
    );
    expect(team.fields).toEqual({ providerIds: ["Choose active providers from the list."] });
    // nothing was created by the refused calls
    const teams = await t.db.select().from(careTeam).where(eq(careTeam.providerId, provider.id));
    expect(teams).toEqual([]);
    await expect(
      api().account.updateIdentity({
        id: provider.id,
        name: "Doc",
        dateOfBirth: "1970-01-01",
        mrn: "",
        phone: "",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api().account.updateIdentity({
        id: crypto.randomUUID(),
        name: "Nobody",
        dateOfBirth: "",
        mrn: "",
        phone: "",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("imports date of birth, MRN and phone from the CSV, refusing a taken or repeated MRN", async () => {
    const provider = await createUser(t.db, "provider");
    await api().account.create({ role: "patient", name: "Has Mrn", email: email(), mrn: "CSV-1" });
    const [first, second, third] = [email(), email(), email()];
    const results = await api().import.patients({
      rows: [
        {
          row: 2,
          name: "Csv One",
          email: first,
          providerEmail: provider.email,
          dateOfBirth: "1950-06-01",
          mrn: "CSV-2",
          phone: "0161 496 0000",
        },
        { row: 3, name: "Csv Two", email: second, providerEmail: provider.email, mrn: "csv-1" },
        { row: 4, name: "Csv Three", email: third, providerEmail: provider.email, mrn: "CSV-2" },
      ],
    });
    expect(results.map((r) => [r.row, r.status])).toEqual([
      [2, "created"],
      [3, "invalid"],
      [4, "invalid"],
    ]);
    expect(results[1]?.message).toBe("MRN: Another patient already has this MRN.");
    expect(results[2]?.message).toBe("Same MRN as row 2.");
    const [row] = await t.db.select().from(users).where(eq(users.email, first));
    expect(row).toMatchObject({ dateOfBirth: "1950-06-01", mrn: "CSV-2", phone: "0161 496 0000" });
  });
});
