// The clinic's data leaving the portal, for admins (docs/decisions/015-fhir-export.md, issue 12):
// FHIR NDJSON per resource type (FHIR Bulk Data style) and the outcome table as CSV. Both stream:
// they read the database in keyset batches and yield text as they go, so memory does not grow with
// the clinic (docs/decisions/016). Every export is audited.
import "server-only";
import { and, asc, count, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { decisions, diaryEntries, procedures, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { forbidden } from "@/server/errors";
import {
  type BulkType,
  baselineObservation,
  blockObservation,
  blockProcedureResource,
  carePlanResource,
  type FhirEntryInput,
  painObservation,
  patientResource,
  pegObservation,
  pgicResponse,
  procedureResource,
} from "@/server/fhir/map";
import { assessOutcome, reliefEnded, repeatEvidence } from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { csvRow } from "@/shared/csv";
import { readInputs } from "./assessments";
import { recordAudit } from "./audit";
import { blocksAfter } from "./blocks";
import { evidenceContext } from "./repeat-policies";
import { getClinicSettings } from "./settings";

/** Rows read per query: small enough to keep memory flat, large enough to keep queries few. */
export const BATCH = 2_000;

function requireAdmin(actor: Actor) {
  if (actor.role !== "admin") throw forbidden();
}

const ZERO = "00000000-0000-0000-0000-000000000000";

/** Reads `next(after)` until a short batch, yielding each batch's rows. */
async function* batches<T extends { id: string }>(
  next: (after: string) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after = ZERO;
  for (;;) {
    const rows = await next(after);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

const ndjson = (resources: readonly object[]) =>
  resources.map((r) => `${JSON.stringify(r)}\n`).join("");

const entryColumns = {
  id: diaryEntries.id,
  patientId: diaryEntries.patientId,
  procedureId: diaryEntries.procedureId,
  entryDate: diaryEntries.entryDate,
  painAverage: diaryEntries.painAverage,
  locations: diaryEntries.locations,
  qualities: diaryEntries.qualities,
  siteSoreness: diaryEntries.siteSoreness,
  enjoyment: diaryEntries.enjoyment,
  activity: diaryEntries.activity,
  pgic: diaryEntries.pgic,
  checkInDay: diaryEntries.checkInDay,
  updatedAt: diaryEntries.updatedAt,
};

/** Live procedures with everything their FHIR resources carry, by id after `after`. */
function proceduresAfter(db: Db, after: string) {
  return db
    .select()
    .from(procedures)
    .where(and(isNull(procedures.deletedAt), gt(procedures.id, after)))
    .orderBy(asc(procedures.id))
    .limit(BATCH);
}

/** Live entries (not deleted, of a procedure not deleted), by id after `after`. */
function entriesAfter(db: Db, after: string, onlyPgic: boolean): Promise<FhirEntryInput[]> {
  return db
    .select(entryColumns)
    .from(diaryEntries)
    .innerJoin(procedures, eq(procedures.id, diaryEntries.procedureId))
    .where(
      and(
        gt(diaryEntries.id, after),
        isNull(diaryEntries.deletedAt),
        isNull(procedures.deletedAt),
        onlyPgic ? isNotNull(diaryEntries.pgic) : undefined,
      ),
    )
    .orderBy(asc(diaryEntries.id))
    .limit(BATCH);
}

/** One resource type of the whole clinic as NDJSON, batch by batch. */
async function* resourcesOf(db: Db, type: BulkType): AsyncGenerator<string> {
  switch (type) {
    case "Patient":
      for await (const rows of batches((after) =>
        db
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            active: users.active,
            birthDate: users.dateOfBirth,
            mrn: users.mrn,
            phone: users.phone,
          })
          .from(users)
          .where(and(eq(users.role, "patient"), gt(users.id, after)))
          .orderBy(asc(users.id))
          .limit(BATCH),
      ))
        yield ndjson(rows.map(patientResource));
      return;
    case "Procedure":
      for await (const rows of batches((after) => proceduresAfter(db, after)))
        yield ndjson(rows.map(procedureResource));
      for await (const rows of batches((after) => blocksAfter(db, after, BATCH)))
        yield ndjson(rows.map(blockProcedureResource));
      return;
    case "Observation":
      // Each procedure's baseline first, then every diary entry's.
      for await (const rows of batches((after) => proceduresAfter(db, after)))
        yield ndjson(rows.map(baselineObservation));
      for await (const rows of batches((after) => entriesAfter(db, after, false)))
        yield ndjson(rows.flatMap((e) => [painObservation(e), pegObservation(e) ?? []].flat()));
      // Each block's answers.
      for await (const rows of batches((after) => blocksAfter(db, after, BATCH)))
        yield ndjson(rows.flatMap((b) => b.records.map((r) => blockObservation(b, r))));
      return;
    case "QuestionnaireResponse":
      for await (const rows of batches((after) => entriesAfter(db, after, true)))
        yield ndjson(rows.flatMap((e) => pgicResponse(e) ?? []));
      return;
    case "CarePlan":
      for await (const rows of batches((after) =>
        db
          .select({
            id: decisions.id,
            patientId: decisions.patientId,
            procedureId: decisions.procedureId,
            createdAt: decisions.createdAt,
            providerName: users.name,
            strategies: decisions.strategies,
            followUpOn: decisions.followUpOn,
            supersedesId: decisions.supersedesId,
            suspectedFactors: decisions.suspectedFactors,
            rationale: decisions.rationale,
            // The current plan: not amended, and no later decision of the patient that is not.
            current: sql<boolean>`not exists (select 1 from decisions a where a.supersedes_id = ${decisions.id})
              and not exists (select 1 from decisions l where l.patient_id = ${decisions.patientId}
                and (l.created_at, l.id) > (${decisions.createdAt}, ${decisions.id})
                and not exists (select 1 from decisions a where a.supersedes_id = l.id))`,
          })
          .from(decisions)
          .leftJoin(users, eq(users.id, decisions.providerId))
          .where(gt(decisions.id, after))
          .orderBy(asc(decisions.id))
          .limit(BATCH),
      ))
        yield ndjson(rows.map((d) => carePlanResource(d, "staff")));
      return;
  }
}

/**
 * The whole clinic's resources of one type as NDJSON (one resource per line), for admins.
 * Audited when it starts.
 */
export async function bulkNdjson(
  db: Db,
  actor: Actor,
  type: BulkType,
  ip: string | null = null,
): Promise<AsyncGenerator<string>> {
  requireAdmin(actor);
  await recordAudit(db, {
    actor,
    action: "clinic.export",
    outcome: "success",
    ip,
    details: { format: "ndjson", type },
  });
  return resourcesOf(db, type);
}

/** How many resources of each type the bulk export will write (for the progress bar). */
export async function bulkCounts(db: Db, actor: Actor): Promise<Record<BulkType, number>> {
  requireAdmin(actor);
  const live = and(isNull(diaryEntries.deletedAt), isNull(procedures.deletedAt));
  const [[patients], [procs], [entries], [plans]] = await Promise.all([
    db.select({ n: count() }).from(users).where(eq(users.role, "patient")),
    db.select({ n: count() }).from(procedures).where(isNull(procedures.deletedAt)),
    db
      .select({
        all: count(),
        peg: sql<number>`count(*) filter (where ${diaryEntries.enjoyment} is not null and ${diaryEntries.activity} is not null)::int`,
        pgic: sql<number>`count(${diaryEntries.pgic})::int`,
      })
      .from(diaryEntries)
      .innerJoin(procedures, eq(procedures.id, diaryEntries.procedureId))
      .where(live),
    db.select({ n: count() }).from(decisions),
  ]);
  return {
    Patient: patients?.n ?? 0,
    Procedure: procs?.n ?? 0,
    Observation: (procs?.n ?? 0) + (entries?.all ?? 0) + (entries?.peg ?? 0),
    QuestionnaireResponse: entries?.pgic ?? 0,
    CarePlan: plans?.n ?? 0,
  };
}

export const OUTCOME_COLUMNS = [
  "procedure_id",
  "patient_id",
  "performed_on",
  "modality",
  "region",
  "side",
  // The technique (docs/clinical-rules.md#technique): codes and numbers, empty when not recorded.
  "targets",
  "rf_variant",
  "lesion_temp_c",
  "lesion_seconds",
  "lesion_count",
  "probe_gauge",
  "active_tip_mm",
  "imaging",
  "repeats_procedure_id",
  "as_of",
  "day",
  "phase",
  "category",
  "criteria",
  "success",
  "baseline_pain",
  "current_pain",
  "reduction_points",
  "reduction_pct",
  "peak_reduction_pct",
  "relief_duration_days",
  "relief_ended",
  "baseline_interference",
  "current_interference",
  "function_improved",
  "entries_in_window",
  "flags",
  // Repeat-ablation evidence under the patient's policy (docs/decisions/030): empty when none is
  // chosen. Runs as dates and days; the criteria as true/false.
  "evidence_policy_id",
  "pain_run_from",
  "pain_run_to",
  "pain_run_days",
  "pain_run_min_reduction_pct",
  "function_run_from",
  "function_run_to",
  "function_run_days",
  "function_run_min_reduction_pct",
  "relief_documented",
  "repeat_interval_met",
  "repeat_frequency_met",
  "repeat_eligible",
];

const OUTCOME_BATCH = 250;
const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/**
 * The clinic's outcome table as CSV: one row per procedure with its assessment as of today
 * (docs/clinical-rules.md, from assessOutcome), ids and codes only, no free text. Streams in
 * batches of procedures.
 */
export async function outcomeCsv(
  db: Db,
  actor: Actor,
  ip: string | null = null,
): Promise<AsyncGenerator<string>> {
  requireAdmin(actor);
  const settings = await getClinicSettings(db);
  const asOf = todayInZone(settings.timeZone);
  await recordAudit(db, {
    actor,
    action: "clinic.export",
    outcome: "success",
    ip,
    details: { format: "csv", type: "outcomes" },
  });
  return (async function* () {
    yield csvRow(OUTCOME_COLUMNS);
    let after = ZERO;
    for (;;) {
      const procs = await db
        .select()
        .from(procedures)
        .where(and(isNull(procedures.deletedAt), gt(procedures.id, after)))
        .orderBy(asc(procedures.id))
        .limit(OUTCOME_BATCH);
      if (procs.length === 0) return;
      // The engine's input through the one batched diary read (./assessments), one query a batch.
      const parts = readInputs(
        db,
        procs.map((p) => p.id),
        { asOf, criteria: settings.successCriteria },
        1,
      );
      const inputs = new Map((await Promise.all(parts)).flat().map((r) => [r.id, r.input]));
      const evidence = await evidenceContext(
        db,
        procs.map((p) => p.patientId),
      );
      let chunk = "";
      for (const p of procs) {
        const input = inputs.get(p.id);
        if (!input) continue;
        const a = assessOutcome(input);
        const policy = evidence.policyOf(p.patientId);
        const e = policy
          ? repeatEvidence({
              procedure: input.procedure,
              entries: input.entries,
              asOf,
              policy,
              ablationsAtTarget: evidence.ablationsAtTarget(p, asOf),
            })
          : null;
        chunk += csvRow([
          p.id,
          p.patientId,
          p.performedOn,
          p.modality,
          p.region,
          p.side ?? "",
          p.targets.join(";"),
          p.rfVariant,
          p.lesionTempC,
          p.lesionSeconds,
          p.lesionCount,
          p.probeGauge,
          p.activeTipMm,
          p.imaging,
          p.repeatsProcedureId,
          a.asOf,
          a.day,
          a.phase,
          a.category,
          a.criteria,
          a.success,
          a.baselinePain,
          round(a.currentPain),
          round(a.reductionPoints),
          round(a.reductionPct),
          round(a.peakReductionPct),
          a.reliefDurationDays,
          reliefEnded(a),
          a.baselineInterference,
          round(a.currentInterference),
          a.functionImproved,
          a.entryCountInWindow,
          a.flags.map((f) => f.code).join(";"),
          policy?.id ?? null,
          e?.painRun?.from ?? null,
          e?.painRun?.to ?? null,
          e?.painRun?.days ?? null,
          round(e?.painRun?.minReductionPct ?? null),
          e?.functionRun?.from ?? null,
          e?.functionRun?.to ?? null,
          e?.functionRun?.days ?? null,
          round(e?.functionRun?.minReductionPct ?? null),
          e?.relief ?? null,
          e?.interval ?? null,
          e?.frequency ?? null,
          e?.eligible ?? null,
        ]);
      }
      yield chunk;
      if (procs.length < OUTCOME_BATCH) return;
      after = procs[procs.length - 1]?.id ?? after;
    }
  })();
}
