import type { Db } from "@/db/client";
import { decisions, diaryEntries, procedures } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { clinicToday } from "@/server/services/settings";
import { assignPatient, createUser } from "./fixtures";

/** Two patients with a procedure, diary entries and (the first) a decision; their providers. */
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A small clinic: `providerA` follows `patient` (the "own" records), `providerB` follows only
 * `otherPatient`; `spare` is a patient on nobody's care team. The patient's procedure was 25 days
 * ago and their last three days are worse than baseline, so flags are raised.
 */
export async function createWorld(db: Db) {
  const [admin, providerA, providerB, patient, otherPatient, spare] = await Promise.all([
    createUser(db, "admin"),
    createUser(db, "provider"),
    createUser(db, "provider"),
    createUser(db, "patient"),
    createUser(db, "patient"),
    createUser(db, "patient"),
  ]);
  await assignPatient(db, providerA, patient);
  await assignPatient(db, providerB, otherPatient);
  const today = await clinicToday(db);
  const own = await recordPatientData(db, patient, providerA, today);
  const other = await recordPatientData(db, otherPatient, providerB, today);
  const [decision] = await db
    .insert(decisions)
    .values({
      patientId: patient.id,
      procedureId: own.procedureId,
      providerId: providerA.id,
      strategies: [{ strategy: "physical_therapy", note: "" }],
      assessmentSnapshot: {},
    })
    .returning({ id: decisions.id });
  return {
    today,
    admin,
    providerA,
    providerB,
    patient,
    otherPatient,
    spare,
    own,
    other,
    decisionId: decision?.id ?? "",
  };
}

async function recordPatientData(db: Db, patient: Actor, provider: Actor, today: string) {
  const [procedure] = await db
    .insert(procedures)
    .values({
      patientId: patient.id,
      recordedBy: provider.id,
      performedOn: addDays(today, -25),
      modality: "radiofrequency",
      region: "lumbar",
      laterality: "bilateral",
      baselinePain: 6,
    })
    .returning({ id: procedures.id });
  if (!procedure) throw new Error("world: no procedure");
  const entries = await db
    .insert(diaryEntries)
    .values(
      [1, 2, 3].map((daysAgo) => ({
        patientId: patient.id,
        procedureId: procedure.id,
        clientId: crypto.randomUUID(),
        entryDate: addDays(today, -daysAgo),
        painAverage: 8,
        enjoyment: 7,
        activity: 7,
        locations: ["lumbar"],
      })),
    )
    .returning({ id: diaryEntries.id });
  return { procedureId: procedure.id, entryId: entries[0]?.id ?? "" };
}
