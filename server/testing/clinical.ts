// Test helpers for clinical data: a procedure and a diary written straight to the database
// (the diary's own rules are tested with the diary service).
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { diaryEntries, procedures } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays, type Location, type Pgic, type Quality } from "@/server/outcomes";

export type TestEntry = {
  /** Days after the procedure. */
  day: number;
  pain: number;
  enjoyment?: number | null;
  activity?: number | null;
  locations?: Location[];
  qualities?: Quality[];
  siteSoreness?: boolean;
  pgic?: Pgic | null;
};

export async function insertProcedure(
  db: Db,
  patient: Actor,
  provider: Actor,
  performedOn: string,
  extra: Partial<typeof procedures.$inferInsert> = {},
) {
  const [row] = await db
    .insert(procedures)
    .values({
      patientId: patient.id,
      recordedBy: provider.id,
      performedBy: provider.id,
      performedOn,
      modality: "radiofrequency",
      region: "lumbar",
      side: "bilateral",
      target: "L4-L5 medial branches",
      baselinePain: 7,
      baselineInterference: 6,
      baselineLocations: ["lumbar"],
      baselineQualities: ["aching"],
      ...extra,
    })
    .returning();
  if (!row) throw new Error("insertProcedure: nothing inserted");
  return row;
}

export async function insertEntries(
  db: Db,
  procedure: { id: string; patientId: string; performedOn: string },
  entries: readonly TestEntry[],
) {
  if (entries.length === 0) return;
  await db.insert(diaryEntries).values(
    entries.map((e) => ({
      patientId: procedure.patientId,
      procedureId: procedure.id,
      clientId: randomUUID(),
      entryDate: addDays(procedure.performedOn, e.day),
      painAverage: e.pain,
      enjoyment: e.enjoyment === undefined ? Math.max(0, e.pain - 1) : e.enjoyment,
      activity: e.activity === undefined ? e.pain : e.activity,
      locations: e.locations ?? ["lumbar"],
      qualities: e.qualities ?? ["aching"],
      siteSoreness: e.siteSoreness ?? false,
      pgic: e.pgic ?? null,
    })),
  );
}

/** Daily entries on days `from..to` with pain from `pain(day)`. */
export function dailyEntries(
  from: number,
  to: number,
  pain: (day: number) => number,
  extra: (day: number) => Partial<TestEntry> = () => ({}),
): TestEntry[] {
  const out: TestEntry[] = [];
  for (let day = from; day <= to; day++) out.push({ day, pain: pain(day), ...extra(day) });
  return out;
}
