// One versioned cache of assessments per procedure and kind (assessment_cache,
// docs/decisions/008-caseload-assessment-cache.md): a row is valid only for the procedure's
// data_version (raised by triggers on every write that can change an assessment), the clinic's
// today and criteria, and the code's version of its kind. Readers join the valid rows into their
// own queries (validCacheRow) or read them by procedure (cachedAssessments); the procedures without
// one are read in a fixed number of queries, assessed, and stored (assessAndStore).
import "server-only";
import { and, eq, inArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessmentCache } from "@/db/schema";
import { log } from "@/server/log";
import type { AssessmentInput, Criteria } from "@/server/outcomes";
import { readInputs } from "./diary-reader";

/**
 * Raise when an assessment could differ for the same data and day: a change to the outcome
 * engine's rules, to the acknowledgement episodes, or to the caseload's stored shape. Every cached
 * row of another version is then recomputed. `caseload-cache.test.ts` fingerprints the assessments
 * of a fixed set of diaries and fails until this is raised when they change.
 */
export const ASSESSMENT_VERSION = 4;

/**
 * What is cached per procedure, and the version each kind's rows must carry:
 * - `caseload`: the caseload row's assessment part (CaseloadAssessment in ../caseload.ts);
 * - `outcome`: the procedure's contribution to the clinic's outcomes (ProcedureOutcome,
 *   server/analytics/cohort.ts; decision 018); the thousands digit follows the engine, the rest
 *   the cohort rules and the stored shape;
 * - `patient`: what the patient sees of the assessment (PatientAssessment, ./patient-view.ts),
 *   fingerprinted in `caseload-cache.test.ts` too.
 */
export const CACHE_VERSIONS = {
  caseload: ASSESSMENT_VERSION,
  outcome: ASSESSMENT_VERSION * 1000 + 1,
  patient: ASSESSMENT_VERSION * 1000 + 1,
} as const;
export type CacheKind = keyof typeof CACHE_VERSIONS;

/** What a cached assessment is valid for, besides the procedure's data_version. */
export type AssessmentKey = { asOf: string; criteria: Criteria };

/** A procedure as read before its diary: the data_version its assessment is stored under. */
export type Versioned = { id: string; dataVersion: number };

/**
 * The condition that joins a procedure (its id and data_version columns) to its valid cache row of
 * this kind; the row's `value` is null in a left join when there is none.
 */
export function validCacheRow(
  kind: CacheKind,
  procedure: { id: SQLWrapper; dataVersion: SQLWrapper },
  key: AssessmentKey,
) {
  const c = assessmentCache;
  return and(
    eq(c.procedureId, procedure.id),
    eq(c.kind, kind),
    eq(c.dataVersion, procedure.dataVersion),
    eq(c.asOf, key.asOf),
    eq(c.criteria, key.criteria),
    eq(c.engineVersion, CACHE_VERSIONS[kind]),
  );
}

/**
 * The assessments of these procedures (read before, with their data_version) of one kind: the
 * valid cached ones, the others assessed and stored. Two queries when all are cached.
 */
export async function cachedAssessments<T>(
  db: Db,
  kind: CacheKind,
  procedures: readonly Versioned[],
  key: AssessmentKey,
  assess: (input: AssessmentInput, procedureId: string) => T,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (procedures.length === 0) return found;
  const c = assessmentCache;
  const rows = await db
    .select({ id: c.procedureId, dataVersion: c.dataVersion, value: c.value })
    .from(c)
    .where(
      and(
        inArray(
          c.procedureId,
          procedures.map((p) => p.id),
        ),
        eq(c.kind, kind),
        eq(c.asOf, key.asOf),
        eq(c.criteria, key.criteria),
        eq(c.engineVersion, CACHE_VERSIONS[kind]),
      ),
    );
  const versions = new Map(procedures.map((p) => [p.id, p.dataVersion]));
  for (const r of rows) {
    if (versions.get(r.id) === r.dataVersion) found.set(r.id, r.value as T);
  }
  const stale = procedures.filter((p) => !found.has(p.id));
  for (const [id, value] of await assessAndStore(db, kind, stale, key, assess))
    found.set(id, value);
  return found;
}

/**
 * Reads and assesses the procedures that have no valid cache row (their diaries in a fixed number
 * of queries, each part assessed as it arrives once `context` is there too) and stores the results
 * under the data_version read before. None when nothing is stale.
 */
export async function assessAndStore<T, C = undefined>(
  db: Db,
  kind: CacheKind,
  stale: readonly Versioned[],
  key: AssessmentKey,
  assess: (input: AssessmentInput, procedureId: string, context: C) => T,
  context?: Promise<C>,
  parts?: number,
): Promise<Map<string, T>> {
  const assessed = new Map<string, T>();
  if (stale.length === 0) return assessed;
  await Promise.all(
    readInputs(
      db,
      stale.map((p) => p.id),
      key,
      parts,
    ).map(async (part) => {
      const [inputs, ctx] = await Promise.all([part, context]);
      for (const { id, input } of inputs) assessed.set(id, assess(input, id, ctx as C));
    }),
  );

  // One statement; the rows travel as one JSON parameter (three times faster than a VALUES list
  // of 1,000 rows) and are stored in procedure order, so two requests storing the same rows lock
  // them in the same order. A row is replaced only by one of another key computed from data at
  // least as new: requests racing with each other or with a write store nothing that a later
  // request would take for current (decision 008).
  const rows = stale.flatMap((p) => {
    const value = assessed.get(p.id);
    return value === undefined
      ? []
      : [
          {
            procedure_id: p.id,
            data_version: p.dataVersion,
            as_of: key.asOf,
            criteria: key.criteria,
            engine_version: CACHE_VERSIONS[kind],
            value,
          },
        ];
  });
  const c = assessmentCache;
  try {
    await db.execute(sql`
      insert into ${c} (procedure_id, kind, data_version, as_of, criteria, engine_version, value)
      select procedure_id, ${kind}, data_version, as_of, criteria, engine_version, value
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(procedure_id uuid,
        data_version integer, as_of date, criteria text, engine_version integer, value jsonb)
      order by procedure_id
      on conflict (procedure_id, kind) do update set
        data_version = excluded.data_version, as_of = excluded.as_of, criteria = excluded.criteria,
        engine_version = excluded.engine_version, value = excluded.value, computed_at = now()
      where excluded.data_version >= ${c}.data_version
        and (excluded.data_version, excluded.as_of, excluded.criteria, excluded.engine_version)
          is distinct from (${c}.data_version, ${c}.as_of, ${c}.criteria, ${c}.engine_version)`);
  } catch (error) {
    // The assessments above are current whatever happened to the cache: show them.
    log.warn({ err: error, kind, procedures: rows.length }, "assessment cache not stored");
  }
  return assessed;
}
