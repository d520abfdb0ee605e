/**
 * FHIR import (SPEC 8, round trip; docs/decisions/028-fhir-import.md): every demo patient exported
 * with `Patient/$everything` and imported into a fresh clinic has the same assessment for every
 * procedure; a Bundle with one bad resource, a taken email or a taken MRN stores nothing and names
 * the problem by resource.
 */
import type { Bundle, Observation } from "@medplum/fhirtypes";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, diaryEntries, invitations, procedures, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { Actor } from "@/server/authz/policy";
import { type AssessmentKey, assessmentKey, readAndAssess } from "@/server/services/assessments";
import { judgePatientBlocks } from "@/server/services/blocks";
import { importFhirBundle } from "@/server/services/fhir-import";
import { fhirEverything } from "@/server/services/reports";
import { clinicToday } from "@/server/services/settings";
import { openSupportAccess } from "@/server/services/support-access";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";

let source: TestDatabase;
let target: TestDatabase;
let key: AssessmentKey;
let admin: Actor;
const bundles: Array<{ email: string; bundle: Bundle }> = [];

async function adminOf(db: Db, email: string): Promise<Actor> {
  const [u] = await db
    .insert(users)
    .values({ role: "admin", name: "Import Admin", email, passwordHash: "hash:x" })
    .returning();
  if (!u) throw new Error("admin");
  return { ...u, role: "admin", mustChangePassword: false };
}

/** Each procedure's assessment, oldest procedure first. */
async function assessmentsOf(db: Db, patientId: string) {
  const rows = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.patientId, patientId), isNull(procedures.deletedAt)))
    .orderBy(asc(procedures.performedOn), asc(procedures.createdAt));
  return Promise.all(
    rows.map(async (p) => ({
      performedOn: p.performedOn,
      assessment: (await readAndAssess(db, p, key)).assessment,
    })),
  );
}

async function counts(db: Db) {
  const n = async (table: typeof users | typeof procedures | typeof diaryEntries) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return { users: await n(users), procedures: await n(procedures), entries: await n(diaryEntries) };
}

const importOf = (bundle: unknown, checkOnly = false) =>
  importFhirBundle(target.db, admin, { bundle: JSON.stringify(bundle), checkOnly }, "127.0.0.1");

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.db, {
    today: await clinicToday(source.db),
    hashPassword: async (p) => `hash:${p}`,
  });
  key = await assessmentKey(source.db);
  const sourceAdmin = await adminOf(source.db, "export-admin@example.test");
  const patients = await source.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.role, "patient"));
  for (const p of patients) {
    // The other clinic's admin exports each record through a support access (decision 036).
    await openSupportAccess(source.db, sourceAdmin, { patientId: p.id, reason: "Transfer" });
    bundles.push({
      email: p.email,
      bundle: await fhirEverything(source.db, sourceAdmin, p.id, {
        baseUrl: "https://a.test/fhir",
      }),
    });
  }
  target = await createTestDatabase();
  admin = await adminOf(target.db, "import-admin@example.test");
}, 600_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe("FHIR import", () => {
  it("refuses a Bundle with one bad resource, names it, and stores nothing", async () => {
    const good = bundles.find((b) =>
      b.bundle.entry?.some((e) => e.resource?.id?.startsWith("pain-")),
    );
    if (!good) throw new Error("no demo patient with a diary");
    const bad = structuredClone(good.bundle);
    const pain = bad.entry?.find((e) => e.resource?.id?.startsWith("pain-"))
      ?.resource as Observation;
    pain.valueQuantity = { ...pain.valueQuantity, value: 14 };
    const before = await counts(target.db);
    const result = await importOf(bad);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          resource: `Observation/${pain.id}`,
          message: "The pain score must be a whole number from 0 to 10.",
        },
      ],
    });
    expect(await counts(target.db)).toEqual(before);
  });

  it("lists a Bundle's problems by resource: not JSON, not a Bundle, a procedure without a baseline", async () => {
    const text = await importFhirBundle(
      target.db,
      admin,
      { bundle: "{not json", checkOnly: false },
      null,
    );
    expect(text).toEqual({
      ok: false,
      problems: [{ resource: "Bundle", message: "The file is not JSON: export the Bundle again." }],
    });
    const notBundle = await importOf({ resourceType: "Patient" });
    expect(notBundle.ok || notBundle.problems[0]?.message).toBe(
      "This is not a FHIR Bundle (resourceType must be Bundle).",
    );
    const first = bundles[0]?.bundle as Bundle;
    const noBaseline = {
      ...first,
      entry: first.entry?.filter((e) => !e.resource?.id?.startsWith("baseline-")),
    };
    const result = await importOf(noBaseline);
    const procedureId = first.entry?.find((e) => e.resource?.resourceType === "Procedure")?.resource
      ?.id;
    expect(result.ok ? [] : result.problems).toContainEqual({
      resource: `Procedure/${procedureId}`,
      message: "The procedure has no baseline Observation (the pain before it).",
    });
  });

  it("checks without storing, then imports every demo patient with the same assessment of every procedure", async () => {
    expect(bundles.length).toBeGreaterThan(1);
    for (const { email, bundle } of bundles) {
      const before = await counts(target.db);
      const check = await importOf(bundle, true);
      expect(check.ok, JSON.stringify(check)).toBe(true);
      expect(await counts(target.db)).toEqual(before);

      const result = await importOf(bundle);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.stored).toBe(true);
      const [imported] = await target.db
        .select()
        .from(users)
        .where(eq(users.id, result.summary.patientId ?? ""));
      expect(imported).toMatchObject({ email, role: "patient", mustChangePassword: true });
      const patientId = (bundle.entry?.[0]?.resource?.id ?? "") as string;
      const [original] = await source.db.select().from(users).where(eq(users.id, patientId));
      expect(imported?.name).toBe(original?.name);
      expect(imported?.mrn).toBe(original?.mrn);

      const expected = await assessmentsOf(source.db, patientId);
      expect(expected.length).toBeGreaterThan(0);
      expect(await assessmentsOf(target.db, imported?.id ?? "")).toEqual(expected);
      // Diagnostic blocks come back with their answers, judged alike.
      const blocksOf = async (db: Db, id: string) =>
        (await judgePatientBlocks(db, id)).blocks.map(({ id: _id, records, ...b }) => ({
          ...b,
          records: records.map(({ recordedAt: _at, ...r }) => r),
        }));
      expect(await blocksOf(target.db, imported?.id ?? "")).toEqual(
        await blocksOf(source.db, patientId),
      );
      if (email === "margaret.hill@example.com")
        expect((await blocksOf(target.db, imported?.id ?? "")).length).toBe(2);

      // Invited (section 7.4), and the import audited.
      const [invited] = await target.db
        .select({ n: count() })
        .from(invitations)
        .where(eq(invitations.userId, imported?.id ?? ""));
      expect(invited?.n).toBe(1);
      const [audited] = await target.db
        .select({ n: count() })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, "import.fhir"), eq(auditEvents.patientId, imported?.id ?? "")),
        );
      expect(audited?.n).toBe(1);
    }
  }, 600_000);

  it("refuses a taken email or MRN with a clear problem and stores nothing", async () => {
    const withMrn = bundles.find((b) => b.bundle.entry?.[0]?.resource);
    if (!withMrn) throw new Error("no bundle");
    const before = await counts(target.db);
    // With a bad resource as well: both are listed at once.
    const twice = structuredClone(withMrn.bundle);
    const pain = twice.entry?.find((e) => e.resource?.id?.startsWith("pain-"))?.resource as
      | Observation
      | undefined;
    if (pain) pain.valueQuantity = { value: 14 };
    const both = await importOf(twice);
    expect(both.ok ? [] : both.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        "An account with this email already exists in this clinic.",
        ...(pain ? ["The pain score must be a whole number from 0 to 10."] : []),
      ]),
    );
    const again = await importOf(withMrn.bundle);
    const patientRef = `Patient/${withMrn.bundle.entry?.[0]?.resource?.id}`;
    expect(again.ok ? [] : again.problems).toContainEqual({
      resource: patientRef,
      message: "An account with this email already exists in this clinic.",
    });
    expect(await counts(target.db)).toEqual(before);

    const other = structuredClone(withMrn.bundle);
    const patient = other.entry?.[0]?.resource as {
      telecom: Array<{ system: string; value: string }>;
      identifier: Array<{ system?: string; value?: string }>;
    };
    patient.telecom = [{ system: "email", value: "someone.new@example.test" }];
    patient.identifier = [
      ...patient.identifier.filter((i) => !i.system?.endsWith(":mrn")),
      { system: "urn:ablation-follow-up-portal:mrn", value: "MRN-777" },
    ];
    expect((await importOf(other)).ok).toBe(true);
    const third = structuredClone(other);
    (third.entry?.[0]?.resource as typeof patient).telecom = [
      { system: "email", value: "third.person@example.test" },
    ];
    expect(await importOf(third)).toEqual({
      ok: false,
      problems: [
        {
          resource: patientRef,
          message: "Another patient in this clinic already has the MRN MRN-777.",
        },
      ],
    });
    const after = await counts(target.db);
    expect(after.users).toBe(before.users + 1);
  });
});
