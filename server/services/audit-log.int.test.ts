import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { parseCsv } from "@/shared/csv";
import { recordAudit } from "./audit";
import { exportAuditEvents } from "./audit-log";

let t: TestDatabase;
let admin: Actor;
let provider: Actor;
let patient: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, "admin", { name: "Ada Admin" });
  provider = await createUser(t.db, "provider", { name: "Dr. Quinn" });
  patient = await createUser(t.db, "patient", { name: '=HYPERLINK("http://evil")' });
  await callerFor(t.db, admin).careTeam.assign({ patientId: patient.id, providerId: provider.id });
  await recordAudit(t.db, {
    actor: provider,
    action: "patient.read",
    outcome: "success",
    patientId: patient.id,
    ip: "198.51.100.1",
  });
  // a denial by the patient (not allowed to list accounts)
  await callerFor(t.db, patient)
    .account.list({})
    .catch(() => {});
});
afterAll(async () => {
  await t.close();
});

const list = (input: Parameters<ReturnType<typeof callerFor>["audit"]["list"]>[0]) =>
  callerFor(t.db, admin).audit.list(input);

describe("the audit view", () => {
  it("lists events newest first with the names of the person and the patient, and the address", async () => {
    const { rows, hasMore } = await list({});
    expect(hasMore).toBe(false);
    expect(rows[0]?.action).toBe("request.denied");
    const read = rows.find((r) => r.action === "patient.read");
    expect(read).toMatchObject({
      actorName: "Dr. Quinn",
      actorRole: "provider",
      patientName: patient.name,
      ip: "198.51.100.1",
      outcome: "success",
    });
    expect(read?.when).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("filters by person, patient, action, outcome and date range", async () => {
    expect((await list({ person: "quinn" })).rows.map((r) => r.action)).toEqual(["patient.read"]);
    expect((await list({ patient: "HYPERLINK" })).rows.map((r) => r.action).sort()).toEqual([
      "care_team.assign",
      "patient.read",
    ]);
    expect((await list({ action: "care_team.assign" })).rows).toHaveLength(1);
    expect((await list({ outcome: "denied" })).rows.map((r) => r.actorId)).toEqual([patient.id]);
    expect((await list({ person: "100%_nobody" })).rows).toEqual([]);
    expect((await list({ from: "2000-01-01", to: "2000-12-31" })).rows).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ from: today, to: today })).rows.length).toBeGreaterThanOrEqual(3);
    await expect(list({ from: "2024-02-02", to: "2024-02-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("pages through the trail with the number of pages; a page past the last gives the last", async () => {
    const first = await list({ page: 1, pageSize: 2 });
    const second = await list({ page: 2, pageSize: 2 });
    expect(first.hasMore).toBe(true);
    expect(first.rows).toHaveLength(2);
    expect(second.rows[0]?.id).not.toBe(first.rows[1]?.id);
    expect(first.pages).toBe(Math.ceil(first.total / 2));
    const past = await list({ page: 999, pageSize: 2 });
    expect(past.page).toBe(first.pages);
    expect(past.hasMore).toBe(false);
    expect(past.rows.length).toBe(first.total - 2 * ((first.pages ?? 1) - 1));
  });

  it("offers the recorded actions as filter choices", async () => {
    expect(await callerFor(t.db, admin).audit.actions()).toEqual(
      expect.arrayContaining(["care_team.assign", "patient.read", "request.denied"]),
    );
  });
});

describe("the CSV export", () => {
  it("exports the filtered trail, escaped and safe to open in a spreadsheet, and audits the export", async () => {
    let csv = "";
    for await (const chunk of await exportAuditEvents(
      t.db,
      admin,
      { patient: "HYPERLINK" },
      "192.0.2.50",
    ))
      csv += chunk;
    const [header, ...records] = parseCsv(csv);
    // The clinic's zone is UTC here: still no header twice.
    expect(header).toEqual([
      "Clinic time (UTC)",
      "Timestamp UTC (ISO 8601)",
      "Person",
      "Person email",
      "Role",
      "Action",
      "What",
      "Outcome",
      "Patient",
      "Patient ID",
      "Target type",
      "Target ID",
      "IP address",
      "Details",
      "Details in words",
      "Chain position",
      "Previous hash",
      "Hash",
    ]);
    expect(new Set(header).size).toBe(header?.length);
    expect(records).toHaveLength(2);
    // Each row carries its place in the hash chain and its hash (decision 024).
    for (const record of records) {
      expect(record[15]).toMatch(/^\d+$/);
      expect(record[17]).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const record of records) expect(record[8]).toBe(`'${patient.name}`);
    expect(records.map((r) => r[6]).sort()).toEqual([
      "Added a patient to a care team",
      "Viewed a patient's record",
    ]);
    const exports = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "audit.export"));
    expect(exports).toMatchObject([
      { actorId: admin.id, ip: "192.0.2.50", details: { filters: { patient: "HYPERLINK" } } },
    ]);
  });

  it("streams more rows than one batch without losing or repeating any", async () => {
    for (let i = 0; i < 1100; i++)
      await recordAudit(t.db, { actor: provider, action: "bulk.test", outcome: "success" });
    let csv = "";
    for await (const chunk of await exportAuditEvents(t.db, admin, { action: "bulk.test" }, null))
      csv += chunk;
    expect(parseCsv(csv)).toHaveLength(1101);
  });
});
