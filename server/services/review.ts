// The review of one patient (issue 4): procedures, the assessment of one of them with its flags
// (and their acknowledgements) and suggestions, the chart, the entries, PGIC answers and decisions.
// For the care team, and for admins reading for support; every read is audited.
import "server-only";
import type { Db } from "@/db/client";
import { diaryEntries } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { notFound } from "@/server/errors";
import {
  daysBetween,
  type Location,
  type Pgic,
  type Quality,
  reviewState,
  yearsBetween,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { readAndAssess } from "./assessments";
import { patientDecisions } from "./decisions";
import { flagStatuses, latestAcknowledgements } from "./flags";
import { awaitingReplies } from "./messages";
import { openCallTasks } from "./outreach";
import { readablePatient } from "./patient-access";
import { patientProcedures, performerNames } from "./procedures";
import { patientPolicy, procedureEvidence } from "./repeat-policies";
import { getClinicSettings } from "./settings";
import { supportAccessesOf } from "./support-access";

export const ENTRIES_PAGE_SIZE = 10;
/** The most entries one procedure's review loads (over five years of daily entries). */
const ENTRIES_MAX = 2_000;

export async function patientReview(
  db: Db,
  actor: Actor,
  input: { patientId: string; procedureId?: string | undefined; entriesPage: number },
  ip: string | null = null,
) {
  // An admin reads a review only through an open support access (decision 036): readablePatient.
  const patient = await readablePatient(db, actor, input.patientId, { view: "review", ip });
  const settings = await getClinicSettings(db);
  const asOf = todayInZone(settings.timeZone);
  const [procs, decisionList, awaiting, policy, calls, support] = await Promise.all([
    patientProcedures(db, patient.id),
    patientDecisions(db, patient.id),
    awaitingReplies(db, [patient.id]),
    patientPolicy(db, patient.id),
    openCallTasks(db, patient.id),
    supportAccessesOf(db, patient.id),
  ]);
  const performerName = await performerNames(db, procs);
  const unreadMessages = awaiting.get(patient.id) ?? null;
  const defaultProcedure = procs.find((p) => p.performedOn <= asOf) ?? procs[procs.length - 1];
  const procedure = input.procedureId
    ? procs.find((p) => p.id === input.procedureId)
    : defaultProcedure;
  if (input.procedureId && !procedure) throw notFound("procedure");
  const base = {
    asOf,
    age: patient.dateOfBirth ? yearsBetween(patient.dateOfBirth, asOf) : null,
    criteria: settings.successCriteria,
    patient,
    canManage: actor.role === "provider",
    /** The repeat-ablation policy the care team chose for the patient (their payer's), or null. */
    policy,
    /** Open "Call the patient" tasks, earliest due first (docs/decisions/035-outreach.md). */
    calls,
    /** Admins' support reads of this record (decision 036): who, when and why. */
    supportAccesses: support,
    procedures: procs.map((p) => ({
      id: p.id,
      performedOn: p.performedOn,
      modality: p.modality,
      region: p.region,
      side: p.side,
      target: p.target,
      targets: p.targets,
      rfVariant: p.rfVariant,
      lesionTempC: p.lesionTempC,
      lesionSeconds: p.lesionSeconds,
      lesionCount: p.lesionCount,
      probeGauge: p.probeGauge,
      activeTipMm: p.activeTipMm,
      imaging: p.imaging,
      baselinePain: p.baselinePain,
      baselineInterference: p.baselineInterference,
      baselineLocations: p.baselineLocations as Location[],
      baselineQualities: p.baselineQualities as Quality[],
      blockReliefPct: p.blockReliefPct,
      notes: p.notes,
      repeatsProcedureId: p.repeatsProcedureId,
      performedBy: p.performedBy,
      performedByName: p.performedBy ? (performerName.get(p.performedBy) ?? null) : null,
      version: p.version,
      updatedAt: p.updatedAt,
    })),
    decisions: decisionList,
  };
  // The patient's review state (docs/clinical-rules.md#review-states), as the queue shows it, when
  // the latest procedure is shown.
  const plan = decisionList.find((d) => d.supersededById === null) ?? null;
  const stateOf = (
    latest: { performedOn: string } | null,
    openFlags: number,
    checkIns: ReadonlyArray<{ day: number; status: string }>,
  ) =>
    reviewState({
      today: asOf,
      procedure: latest,
      openFlags,
      overdueCheckIns: checkIns.filter((c) => c.status === "overdue").map((c) => c.day),
      dueCheckIns: checkIns.filter((c) => c.status === "due").map((c) => c.day),
      decision: plan
        ? {
            decidedAt: plan.createdAt.toISOString(),
            decidedOn: todayInZone(settings.timeZone, plan.createdAt),
            followUpOn: plan.followUpOn,
          }
        : null,
      unreadMessages,
      assignedOn: asOf,
      callDueOn: calls[0]?.dueOn ?? null,
    });
  if (!procedure) {
    const { state, reasons } = stateOf(null, 0, []);
    return { ...base, state, reasons, selected: null };
  }

  const [{ rows, input: assessmentInput, assessment }, acks] = await Promise.all([
    readAndAssess(
      db,
      procedure,
      { asOf, criteria: settings.successCriteria },
      {
        extra: {
          id: diaryEntries.id,
          medication: diaryEntries.medication,
          note: diaryEntries.note,
          checkInDay: diaryEntries.checkInDay,
          version: diaryEntries.version,
        },
        limit: ENTRIES_MAX,
      },
    ),
    latestAcknowledgements(db, [procedure.id]),
  ]);
  const flags = flagStatuses(assessmentInput, assessment, acks.get(procedure.id) ?? new Map());
  const evidence = await procedureEvidence(db, patient.id, procedure, assessmentInput, assessment);
  const entries = rows.map((e) => ({
    ...e,
    day: daysBetween(procedure.performedOn, e.entryDate),
    locations: e.locations as Location[],
    qualities: e.qualities as Quality[],
    pgic: e.pgic as Pgic | null,
  }));
  const newestFirst = [...entries].reverse();
  const isLatest = !input.procedureId || input.procedureId === defaultProcedure?.id;
  const review = isLatest
    ? stateOf(procedure, flags.filter((f) => !f.acknowledged).length, assessment.checkIns)
    : null;
  const start = (input.entriesPage - 1) * ENTRIES_PAGE_SIZE;
  return {
    ...base,
    state: review?.state ?? null,
    reasons: review?.reasons ?? [],
    selected: {
      procedureId: procedure.id,
      assessment,
      flags,
      /** Repeat-ablation evidence under the patient's policy (null: no policy chosen). */
      evidence,
      chart: {
        baseline: procedure.baselinePain,
        performedOn: procedure.performedOn,
        asOf,
        points: entries.map((e) => ({ date: e.entryDate, pain: e.painAverage })),
      },
      entries: {
        rows: newestFirst.slice(start, start + ENTRIES_PAGE_SIZE),
        total: entries.length,
        page: input.entriesPage,
        pageSize: ENTRIES_PAGE_SIZE,
      },
      pgicAnswers: newestFirst
        .filter((e) => e.pgic !== null)
        .map((e) => ({ date: e.entryDate, day: e.day, checkInDay: e.checkInDay, answer: e.pgic })),
    },
  };
}

export type PatientReview = Awaited<ReturnType<typeof patientReview>>;
