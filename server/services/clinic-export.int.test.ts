// The clinic's outcome CSV says, for every procedure, what the engine says of it: its rows are
// read through the one batched diary read (./assessments), and must agree with each procedure's
// own assessment (assessProcedure) on a mix of diaries, including a neuropathic flag, a pain shift
// to the other knee and a procedure with no entries.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, createUser } from "@/server/testing/fixtures";
import { assessProcedure } from "./assessments";
import { OUTCOME_COLUMNS, outcomeCsv } from "./clinic-export";
import { listPolicies } from "./repeat-policies";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let admin: Actor;
let today: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  admin = await createUser(db, "admin");
  const provider = await createUser(db, "provider");
  const diaries = [
    { daysAgo: 120, entries: dailyEntries(0, 120, (d) => (d < 10 ? 6 : 2)) },
    {
      daysAgo: 60,
      entries: dailyEntries(
        0,
        60,
        (d) => (d < 20 ? 4 : 7),
        (d) => ({
          qualities: d > 50 ? ["burning", "tingling"] : ["aching"],
        }),
      ),
    },
    {
      daysAgo: 45,
      region: "knee" as const,
      side: "right" as const,
      entries: dailyEntries(
        0,
        45,
        () => 3,
        (d) => ({
          locations: d > 38 ? ["knee:left"] : ["knee:right"],
        }),
      ),
    },
    { daysAgo: 20, entries: [] },
  ];
  for (const d of diaries) {
    const patient = await createUser(db, "patient");
    await assignPatient(db, provider, patient);
    const p = await insertProcedure(db, patient, provider, addDays(today, -d.daysAgo), {
      ...(d.region
        ? {
            region: d.region,
            side: d.side,
            baselineLocations: ["knee:right"],
            targets: ["genicular:superomedial", "genicular:inferomedial"],
            rfVariant: "cooled",
            lesionTempC: 60,
            lesionSeconds: 150,
            lesionCount: 2,
            probeGauge: 17,
            activeTipMm: 4,
            imaging: "fluoroscopy",
          }
        : {}),
    });
    await insertEntries(db, p, d.entries);
    // The first patient's care team chose the Medicare example.
    if (d.daysAgo === 120) {
      const medicare = (await listPolicies(db)).find((x) => x.name.startsWith("Medicare"));
      await db.update(users).set({ repeatPolicyId: medicare?.id }).where(eq(users.id, patient.id));
    }
  }
});
afterAll(async () => t?.close());

async function csvRows() {
  let text = "";
  for await (const chunk of await outcomeCsv(db, admin)) text += chunk;
  const [header, ...rows] = text.trim().split("\r\n");
  expect(header?.split(",")).toEqual([...OUTCOME_COLUMNS]);
  return rows.map((line) =>
    Object.fromEntries(line.split(",").map((v, i) => [OUTCOME_COLUMNS[i], v])),
  );
}

describe("the clinic outcome CSV", () => {
  it("gives each procedure the engine's own assessment", async () => {
    const rows = await csvRows();
    expect(rows).toHaveLength(4);
    const procs = await db.query.procedures.findMany();
    const flags = new Set<string>();
    for (const p of procs) {
      const a = await assessProcedure(db, p);
      const row = rows.find((r) => r.procedure_id === p.id);
      expect(row, p.id).toBeDefined();
      expect(row).toMatchObject({
        as_of: a.asOf,
        day: String(a.day),
        phase: a.phase,
        category: a.category,
        entries_in_window: String(a.entryCountInWindow),
        flags: a.flags.map((f) => f.code).join(";"),
      });
      for (const f of a.flags) flags.add(f.code);
    }
    // The technique's codes and numbers where recorded (the knee), empty elsewhere.
    expect(
      rows
        .map((r) => [
          r.region,
          r.targets,
          r.rf_variant,
          r.lesion_temp_c,
          r.lesion_seconds,
          r.lesion_count,
          r.probe_gauge,
          r.active_tip_mm,
          r.imaging,
        ])
        .sort(),
    ).toEqual([
      [
        "knee",
        "genicular:superomedial;genicular:inferomedial",
        "cooled",
        "60",
        "150",
        "2",
        "17",
        "4",
        "fluoroscopy",
      ],
      ...Array.from({ length: 3 }, () => ["lumbar", "", "", "", "", "", "", "", ""]),
    ]);
    // Repeat-ablation evidence where a policy is chosen: pain 6 until day 9, then 2, against a
    // baseline of 7. The first window at 50% or more ends on day 14 (days 8-14: mean 22/7), the
    // last on day 120: 113 days, short of Medicare's 182; and 120 days since the ablation is short
    // of its interval. Empty where no policy is chosen.
    const evidence = rows.map((r) => [
      r.pain_run_from,
      r.pain_run_to,
      r.pain_run_days,
      r.relief_documented,
      r.repeat_interval_met,
      r.repeat_frequency_met,
      r.repeat_eligible,
    ]);
    expect(evidence.filter((e) => e[0] !== "")).toEqual([
      [addDays(today, -120 + 8), today, "113", "false", "false", "true", "false"],
    ]);
    expect(rows.filter((r) => r.evidence_policy_id === "")).toHaveLength(3);
    // The mix reaches the rules that read locations and qualities, not only pain.
    expect(flags).toContain("NEW_NEUROPATHIC_SYMPTOMS");
    expect(flags).toContain("PAIN_SHIFT");
  });
});
