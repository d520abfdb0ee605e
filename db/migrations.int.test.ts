// Rows stored before a migration stay readable after it: the database is migrated to an earlier
// point, rows are written as the code of that time wrote them, then the rest is applied and the
// services of today read them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/policy";
import { assessProcedure, latestProcedure } from "@/server/services/assessments";
import { getEntry } from "@/server/services/diary";
import { getProcedure } from "@/server/services/procedures";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";

/** A copy of db/migrations whose journal ends with migration `last` (e.g. "0011"). */
function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(path.join(process.cwd(), "db", "migrations"), dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8"));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag.slice(0, 4) <= last);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const PATIENT = "00000000-0000-4000-8000-000000000001";
const PROVIDER = "00000000-0000-4000-8000-000000000002";
const SPINE = "00000000-0000-4000-8000-000000000010";
const KNEE = "00000000-0000-4000-8000-000000000011";
const ENTRY = "00000000-0000-4000-8000-000000000020";

let t: TestDatabase;
let folder: string;
const provider: Actor = {
  id: PROVIDER,
  role: "provider",
  name: "Dr. Old",
  email: "old.provider@example.com",
  mustChangePassword: false,
};
const patient: Actor = { ...provider, id: PATIENT, role: "patient", email: "old@example.com" };

beforeAll(async () => {
  folder = migrationsUpTo("0011");
  t = await createTestDatabase({ migrationsFolder: folder });
  // As migration 0011's code wrote them: laterality with "midline", locations without sides.
  await t.db.execute(sql`
    insert into users (id, email, name, role, password_hash) values
      (${PATIENT}, 'old@example.com', 'Olive Old', 'patient', 'x'),
      (${PROVIDER}, 'old.provider@example.com', 'Dr. Old', 'provider', 'x')`);
  await t.db.execute(
    sql`insert into care_team (provider_id, patient_id) values (${PROVIDER}, ${PATIENT})`,
  );
  await t.db.execute(sql`
    insert into procedures (id, patient_id, recorded_by, performed_on, modality, region, laterality,
      baseline_pain, baseline_locations)
    values
      (${SPINE}, ${PATIENT}, ${PROVIDER}, '2026-01-05', 'radiofrequency', 'thoracic', 'midline', 6, '{thoracic}'),
      (${KNEE}, ${PATIENT}, ${PROVIDER}, '2026-02-01', 'radiofrequency', 'knee', 'right', 7, '{knee}')`);
  await t.db.execute(sql`
    insert into procedure_revisions (procedure_id, version, data, recorded_by, recorded_at)
    values (${KNEE}, 1, ${JSON.stringify({ performedOn: "2026-02-01", modality: "radiofrequency", region: "knee", laterality: "left", target: "", baselinePain: 7, baselineInterference: null, baselineLocations: ["knee"], baselineQualities: [], blockReliefPct: null, notes: "", repeatsProcedureId: null })}::jsonb, ${PROVIDER}, now())`);
  await t.db.execute(sql`update procedures set version = 2 where id = ${KNEE}`);
  await t.db.execute(sql`
    insert into diary_entries (id, patient_id, procedure_id, client_id, entry_date, pain_average,
      locations, qualities)
    values (${ENTRY}, ${PATIENT}, ${KNEE}, ${ENTRY}, '2026-02-20', 4, '{knee}', '{aching}')`);
  await t.database.migrate();
});
afterAll(async () => {
  await t?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("migration 0012: a procedure's side (docs/clinical-rules.md#locations-and-sides)", () => {
  it("keeps a sided procedure's side and turns midline into no side", async () => {
    const knee = await getProcedure(t.db, provider, KNEE);
    expect(knee.procedure.side).toBe("right");
    const spine = await getProcedure(t.db, provider, SPINE);
    expect(spine.procedure.side).toBeNull();
  });

  it("reads an earlier version stored with laterality as its side", async () => {
    const knee = await getProcedure(t.db, provider, KNEE);
    expect(knee.versions.map((v) => [v.version, v.side])).toEqual([
      [2, "right"],
      [1, "left"],
    ]);
  });

  it("keeps an entry stored without sides readable, its plain location meaning either side", async () => {
    const entry = await getEntry(t.db, patient, ENTRY, new Date("2026-02-21T12:00:00Z"));
    expect(entry.entry.locations).toEqual(["knee"]);
    const procedure = await latestProcedure(t.db, PATIENT);
    expect(procedure?.id).toBe(KNEE);
    if (!procedure) return;
    const a = await assessProcedure(t.db, procedure, { asOf: "2026-02-21" });
    // The unsided "knee" is the treated knee, not a new location.
    expect(a.flags.map((f) => f.code)).not.toContain("PAIN_SHIFT");
  });
});
