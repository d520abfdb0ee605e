import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, procedureRevisions } from "@/db/schema";
import type { RecordProcedureInput } from "@/server/api/routers/procedure.schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { fieldErrors } from "@/server/testing/field-errors";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;
let provider: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  provider = await createUser(db, "provider", { name: "Dr. Recorder" });
});
afterAll(async () => {
  await t?.close();
});

async function teamPatient() {
  const patient = await createUser(db, "patient");
  await assignPatient(db, provider, patient);
  return patient;
}

const fields = (patientId: string, extra: Partial<RecordProcedureInput> = {}) => ({
  patientId,
  performedOn: addDays(today, -10),
  modality: "radiofrequency" as const,
  region: "knee" as const,
  side: "left" as const,
  target: "Genicular nerves",
  baselinePain: 7.5,
  baselineInterference: 6,
  baselineLocations: ["knee" as const, "hip" as const],
  baselineQualities: ["aching" as const],
  blockReliefPct: 80,
  notes: "Two blocks, 80% relief.",
  ...extra,
});

describe("procedures", () => {
  it("records a procedure for a patient on the care team, audited", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const procedure = await api.procedure.record(fields(patient.id));
    expect(procedure).toMatchObject({
      patientId: patient.id,
      version: 1,
      baselinePain: 7.5,
      baselineLocations: ["knee", "hip"],
      repeatsProcedureId: null,
    });
    expect(await api.procedure.list({ patientId: patient.id })).toHaveLength(1);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, procedure.id));
    expect(audit).toMatchObject({ action: "procedure.record", patientId: patient.id });
    // the patient's diary now has its procedure
    expect((await callerFor(db, patient).diary.home()).procedure?.id).toBe(procedure.id);
  });

  it("is performed by the recording provider unless another provider is named", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const mine = await api.procedure.record(fields(patient.id));
    expect(mine.performedBy).toBe(provider.id);
    const surgeon = await createUser(db, "provider", { name: "Dr. Surgeon" });
    expect((await api.procedure.performers()).map((p) => p.id)).toContain(surgeon.id);
    const theirs = await api.procedure.record(
      fields(patient.id, { performedOn: addDays(today, -5), performedBy: surgeon.id }),
    );
    expect(theirs.performedBy).toBe(surgeon.id);
    // An edit by the recording provider keeps who performed it.
    const { patientId: _, ...theirFields } = fields(patient.id, {
      performedOn: addDays(today, -5),
      performedBy: surgeon.id,
    });
    const edited = await api.procedure.update({
      id: theirs.id,
      version: 1,
      ...theirFields,
      notes: "Corrected notes.",
    });
    expect(edited).toMatchObject({ performedBy: surgeon.id, recordedBy: provider.id });
    // Only a provider can be named.
    const errors = (await fieldErrors(
      api.procedure.record(
        fields(patient.id, { performedOn: addDays(today, -3), performedBy: patient.id }),
      ),
    )) as Record<string, string[] | undefined>;
    expect(errors.performedBy?.[0]).toMatch(/provider who performed/);
  });

  it("keeps every earlier version when a procedure is edited", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const v1 = await api.procedure.record(fields(patient.id));
    const { patientId: _, ...v1Fields } = fields(patient.id);
    const v2 = await api.procedure.update({
      id: v1.id,
      version: 1,
      ...v1Fields,
      baselinePain: 8,
      notes: "Corrected baseline.",
    });
    expect(v2).toMatchObject({ version: 2, baselinePain: 8 });
    const { versions } = await api.procedure.get({ id: v1.id });
    expect(versions.map((v) => [v.version, v.baselinePain, v.notes])).toEqual([
      [2, 8, "Corrected baseline."],
      [1, 7.5, "Two blocks, 80% relief."],
    ]);
    expect(versions[1]?.recordedByName).toBe("Dr. Recorder");
    expect(
      await db.select().from(procedureRevisions).where(eq(procedureRevisions.procedureId, v1.id)),
    ).toHaveLength(1);

    // an edit made on an old version is refused; so is an edit that changes nothing
    await expect(
      api.procedure.update({ id: v1.id, version: 1, ...v1Fields, baselinePain: 9 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      api.procedure.update({
        id: v1.id,
        version: 2,
        ...v1Fields,
        baselinePain: 8,
        notes: "Corrected baseline.",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("records the technique, keeps it with each version, and reads versions stored before it", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const technique = {
      targets: ["genicular:superolateral", "genicular:superomedial", "genicular:inferomedial"],
      rfVariant: "cooled" as const,
      lesionTempC: 60,
      lesionSeconds: 150,
      lesionCount: 3,
      probeGauge: 17,
      activeTipMm: 4,
      imaging: "fluoroscopy" as const,
    };
    const v1 = await api.procedure.record(fields(patient.id, technique));
    // stored in the list's order, so that the same targets are the same whatever the clicks
    const inOrder = ["genicular:superomedial", "genicular:superolateral", "genicular:inferomedial"];
    expect(v1).toMatchObject({ ...technique, targets: inOrder });
    // read back as the pages read it
    const review = await api.caseload.review({ patientId: patient.id, entriesPage: 1 });
    expect(review.procedures[0]).toMatchObject({ ...technique, targets: inOrder });

    // the procedure form's edit: another variant and fewer targets; the first version keeps its own
    const { patientId: _, ...v1Fields } = fields(patient.id, technique);
    await api.procedure.update({
      id: v1.id,
      version: 1,
      ...v1Fields,
      targets: ["genicular:superomedial"],
      rfVariant: "conventional",
      lesionTempC: 80,
      activeTipMm: 10,
    });
    const { versions } = await api.procedure.get({ id: v1.id });
    expect(versions.map((v) => [v.version, v.rfVariant, v.targets, v.lesionTempC])).toEqual([
      [2, "conventional", ["genicular:superomedial"], 80],
      [1, "cooled", inOrder, 60],
    ]);

    // a version stored before the technique existed (migration 0016) reads with none recorded
    await db.execute(
      sql`update procedure_revisions set data = data - 'targets' - 'rfVariant' - 'lesionTempC'
        - 'lesionSeconds' - 'lesionCount' - 'probeGauge' - 'activeTipMm' - 'imaging'
        where procedure_id = ${v1.id}`,
    );
    const [, old] = (await api.procedure.get({ id: v1.id })).versions;
    expect(old).toMatchObject({
      version: 1,
      targets: [],
      rfVariant: null,
      lesionTempC: null,
      lesionSeconds: null,
      lesionCount: null,
      probeGauge: null,
      activeTipMm: null,
      imaging: null,
      baselinePain: 7.5,
    });
  });

  it("refuses a technique that does not fit the procedure, with a message per field", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    expect(
      await fieldErrors(
        api.procedure.record(
          fields(patient.id, {
            modality: "cryoablation",
            targets: ["medial_branch:L4", "genicular:superomedial"],
            rfVariant: "cooled",
            lesionTempC: 100,
            lesionSeconds: 20,
            lesionCount: 21,
          }),
        ),
      ),
    ).toEqual({
      targets: ["L4 medial branch is not a target of the knee region."],
      rfVariant: ["The RF variant applies to radiofrequency ablation only."],
      lesionTempC: ["Enter the lesion temperature as a whole number from 40 to 95 °C."],
      lesionSeconds: ["Enter the seconds per lesion as a whole number from 30 to 360 s."],
      lesionCount: ["Enter the number of lesions as a whole number from 1 to 20."],
    });
    expect(await api.procedure.list({ patientId: patient.id })).toHaveLength(0);
  });

  it("marks a repeat of an earlier procedure of the same patient only", async () => {
    const patient = await teamPatient();
    const other = await teamPatient();
    const api = callerFor(db, provider);
    const first = await api.procedure.record(
      fields(patient.id, { performedOn: addDays(today, -300) }),
    );
    const elsewhere = await api.procedure.record(fields(other.id));
    const repeat = await api.procedure.record(fields(patient.id, { repeatsProcedureId: first.id }));
    expect(repeat.repeatsProcedureId).toBe(first.id);
    expect(
      await fieldErrors(
        api.procedure.record(fields(patient.id, { repeatsProcedureId: elsewhere.id })),
      ),
    ).toEqual({ repeatsProcedureId: ["Choose one of this patient's earlier procedures."] });
    expect(
      await fieldErrors(
        api.procedure.record(
          fields(patient.id, { repeatsProcedureId: first.id, performedOn: addDays(today, -400) }),
        ),
      ),
    ).toEqual({ repeatsProcedureId: ["A repeat comes after the procedure it repeats."] });
  });

  it("checks the fields with a message per field", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    expect(
      await fieldErrors(api.procedure.record(fields(patient.id, { baselinePain: 0 }))),
    ).toEqual({
      baselinePain: ["Enter the baseline pain as a number from 1 to 10."],
    });
    expect(
      await fieldErrors(api.procedure.record(fields(patient.id, { baselinePain: 6.25 }))),
    ).toEqual({ baselinePain: ["Give the baseline pain to at most one decimal place."] });
    expect(
      await fieldErrors(api.procedure.record(fields(patient.id, { performedOn: "2025-02-30" }))),
    ).toEqual({ performedOn: ["Enter the date of the procedure (YYYY-MM-DD)."] });
    expect(
      await fieldErrors(
        api.procedure.record(fields(patient.id, { performedOn: addDays(today, 400) })),
      ),
    ).toEqual({ performedOn: ["A planned procedure can be recorded at most a year ahead."] });
    expect(
      await fieldErrors(
        api.procedure.record(fields(patient.id, { baselineLocations: ["knee", "knee"] })),
      ),
    ).toEqual({ baselineLocations: ["Choose each location only once."] });
  });

  it("keeps procedures within the care team", async () => {
    const patient = await teamPatient();
    const api = callerFor(db, provider);
    const procedure = await api.procedure.record(fields(patient.id));
    const stranger = callerFor(db, await createUser(db, "provider"));
    await expect(stranger.procedure.record(fields(patient.id))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(stranger.procedure.get({ id: procedure.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(stranger.procedure.list({ patientId: patient.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { patientId: _, ...rest } = fields(patient.id);
    await expect(
      stranger.procedure.update({ id: procedure.id, version: 1, ...rest }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a provider is not a patient
    await expect(api.procedure.record(fields(provider.id))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const admin = callerFor(db, await createUser(db, "admin"));
    // An admin reads it only through an open support access (decision 036).
    await expect(admin.procedure.get({ id: procedure.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await admin.support.open({ patientId: patient.id, reason: "Procedure date query" });
    expect((await admin.procedure.get({ id: procedure.id })).procedure.id).toBe(procedure.id);
    await expect(admin.procedure.record(fields(patient.id))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerFor(db, patient).procedure.list({ patientId: patient.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
