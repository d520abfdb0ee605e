import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, careTeam, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { csvRow } from "@/shared/csv";
import {
  type ImportPlan,
  planPatientImport,
  runPatientImport,
  summarizeImport,
} from "@/shared/patient-import";
import { signIn } from "./auth";

let t: TestDatabase;
let admin: Actor;
let provider: Actor;
let otherProvider: Actor;
let inactiveProvider: Actor;
let staff: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, "admin");
  provider = await createUser(t.db, "provider", { email: "dr.one@clinic.test" });
  otherProvider = await createUser(t.db, "provider", { email: "dr.two@clinic.test" });
  inactiveProvider = await createUser(t.db, "provider", {
    email: "dr.gone@clinic.test",
    active: false,
  });
  staff = await createUser(t.db, "admin", { email: "office@clinic.test" });
});
afterAll(async () => {
  await t.close();
});

/** 1,000 data rows; the 10 bad ones are at known spreadsheet rows with known reasons. */
function thousandRowFile() {
  const bad = new Map<number, { cells: string[]; reason: RegExp }>([
    [
      12,
      {
        cells: ["", "blank.name@p.test", provider.email],
        reason: /^Name: Enter the person's name\./,
      },
    ],
    [103, { cells: ["No Email", "", provider.email], reason: /^Email: Enter an email address\./ }],
    [
      204,
      {
        cells: ["Bad Email", "not-an-email", provider.email],
        reason: /^Email: Enter an email address like/,
      },
    ],
    [
      305,
      {
        cells: ["No Provider", "np@p.test", ""],
        reason: /^Provider email: Enter the provider's email\./,
      },
    ],
    [
      406,
      {
        cells: ["Unknown Provider", "up@p.test", "nobody@clinic.test"],
        reason: /^No provider account/,
      },
    ],
    [507, { cells: ["Gone Provider", "gp@p.test", inactiveProvider.email], reason: /deactivated/ }],
    [608, { cells: ["Staff", staff.email.toUpperCase(), provider.email], reason: /staff account/ }],
    [
      709,
      { cells: ["Twin", "patient-0005@p.test", provider.email], reason: /^Same email as row 7\.$/ },
    ],
    [
      810,
      {
        cells: ["Twin 2", "PATIENT-0100@P.TEST", provider.email],
        reason: /^Same email as row 104\.$/,
      },
    ],
    [
      911,
      {
        cells: ["=cmd|' /C calc'!A0", "x".repeat(300), provider.email],
        reason: /^Email: An email address has at most 254/,
      },
    ],
  ]);
  let text = csvRow(["Name", "Email", "Provider email"]);
  for (let row = 2, n = 0; row <= 1001; row++) {
    const cells = bad.get(row)?.cells ?? [
      `Patient, Number ${n}`,
      `patient-${String(n).padStart(4, "0")}@p.test`,
      n % 2 ? provider.email : otherProvider.email.toUpperCase(),
    ];
    if (!bad.has(row)) n++;
    text += csvRow(cells);
  }
  return { text, bad };
}

async function runImport(text: string) {
  const plan = planPatientImport(text);
  if ("error" in plan) throw new Error(plan.error);
  const api = callerFor(t.db, admin);
  const progress: number[] = [];
  const results = await runPatientImport(
    plan as ImportPlan,
    (rows) => api.import.patients({ rows }),
    (done) => progress.push(done),
  );
  return { results, progress };
}

describe("bulk import of patients", () => {
  it("imports 990 of 1,000 rows, reports the 10 bad ones by row and reason, and a second run creates nobody", async () => {
    const { text, bad } = thousandRowFile();
    const before = await t.db.select({ n: count() }).from(users);

    const first = await runImport(text);
    expect(first.results).toHaveLength(1000);
    expect(summarizeImport(first.results)).toEqual({
      created: 990,
      exists: 0,
      assigned: 0,
      invalid: 10,
    });
    const invalid = first.results.filter((r) => r.status === "invalid");
    expect(invalid.map((r) => r.row)).toEqual([...bad.keys()]);
    for (const r of invalid)
      expect(r.message, `row ${r.row}`).toMatch(bad.get(r.row)?.reason ?? /x/);
    expect(first.progress.at(-1)).toBe(998); // 2 duplicates never leave the browser
    expect(first.progress.length).toBeGreaterThan(10);

    const after = await t.db.select({ n: count() }).from(users);
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(990);
    const [assigned] = await t.db
      .select({ n: count() })
      .from(careTeam)
      .where(eq(careTeam.providerId, provider.id));
    expect(assigned?.n).toBe(495);
    const [imported] = await t.db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = 'patient-0001@p.test'`);
    expect(imported).toMatchObject({
      name: "Patient, Number 1",
      role: "patient",
      mustChangePassword: true,
    });
    // nobody can sign in before the admin issues a temporary password
    expect(
      (await signIn(t.db, { email: "patient-0001@p.test", password: "" }, "192.0.2.9")).ok,
    ).toBe(false);

    const second = await runImport(text);
    expect(summarizeImport(second.results)).toEqual({
      created: 0,
      exists: 990,
      assigned: 0,
      invalid: 10,
    });
    const again = await t.db.select({ n: count() }).from(users);
    expect(again[0]?.n).toBe(after[0]?.n);

    const creations = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.create"), eq(auditEvents.actorId, admin.id)));
    expect(creations[0]?.n).toBe(990);
  }, 120_000);

  it("adds an existing patient to a new provider's care team instead of creating them again", async () => {
    const text = `${csvRow(["name", "email", "provider email"])}${csvRow(["Patient", "patient-0001@p.test", otherProvider.email])}`;
    const { results } = await runImport(text);
    expect(results).toEqual([
      {
        row: 2,
        status: "assigned",
        message: "Already has an account; added to this provider's care team.",
      },
    ]);
  });

  it("refuses oversized chunks at the boundary", async () => {
    const rows = Array.from({ length: 101 }, (_, i) => ({
      row: i + 2,
      name: "A",
      email: `a${i}@p.test`,
      providerEmail: provider.email,
    }));
    await expect(callerFor(t.db, admin).import.patients({ rows })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
