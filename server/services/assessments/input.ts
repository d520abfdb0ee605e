// The engine's input from stored rows: the builder (toAssessmentInput) and the read of one
// procedure's diary for the pages that show its entries too (the review, the visit report, a
// decision's snapshot). Many procedures at once are read by ./diary-reader.ts.
import "server-only";
import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { diaryEntries, procedures } from "@/db/schema";
import {
  type Assessment,
  type AssessmentInput,
  assessOutcome,
  type Criteria,
  type Location,
  type Pgic,
  type ProcedureSide,
  type Quality,
  type Region,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { getClinicSettings } from "../settings";
import type { AssessmentKey } from "./cache";

export type ProcedureRow = typeof procedures.$inferSelect;
export type EntryRow = Pick<
  typeof diaryEntries.$inferSelect,
  | "entryDate"
  | "painAverage"
  | "enjoyment"
  | "activity"
  | "locations"
  | "qualities"
  | "siteSoreness"
  | "pgic"
>;

/** PEG interference: the mean of the enjoyment and activity items, when both were answered. */
export function interferenceOf(entry: Pick<EntryRow, "enjoyment" | "activity">): number | null {
  return entry.enjoyment == null || entry.activity == null
    ? null
    : (entry.enjoyment + entry.activity) / 2;
}

/**
 * Stored rows to the engine's input (docs/clinical-rules.md#input). Vocabulary columns were
 * validated by the zod enums when written, so they are read back as those types.
 */
export function toAssessmentInput(
  procedure: Pick<
    ProcedureRow,
    | "performedOn"
    | "region"
    | "side"
    | "baselinePain"
    | "baselineInterference"
    | "baselineLocations"
    | "baselineQualities"
  >,
  entries: readonly EntryRow[],
  asOf: string,
  criteria: Criteria,
): AssessmentInput {
  return {
    procedure: {
      performedOn: procedure.performedOn,
      region: procedure.region as Region,
      side: procedure.side as ProcedureSide | null,
      baselinePain: procedure.baselinePain,
      baselineInterference: procedure.baselineInterference,
      baselineLocations: procedure.baselineLocations as Location[],
      baselineQualities: procedure.baselineQualities as Quality[],
    },
    entries: entries.map((e) => ({
      entryDate: e.entryDate,
      painAverage: e.painAverage,
      interference: interferenceOf(e),
      locations: e.locations as Location[],
      qualities: e.qualities as Quality[],
      siteSoreness: e.siteSoreness,
      pgic: (e.pgic as Pgic | null) ?? null,
    })),
    asOf,
    criteria,
  };
}

/** The diary columns the engine reads (EntryRow), for selects that feed toAssessmentInput. */
export const assessedEntryColumns = {
  entryDate: diaryEntries.entryDate,
  painAverage: diaryEntries.painAverage,
  enjoyment: diaryEntries.enjoyment,
  activity: diaryEntries.activity,
  locations: diaryEntries.locations,
  qualities: diaryEntries.qualities,
  siteSoreness: diaryEntries.siteSoreness,
  pgic: diaryEntries.pgic,
};

/** The patient's most recent procedure that is not deleted, or null. */
export async function latestProcedure(db: DbOrTx, patientId: string): Promise<ProcedureRow | null> {
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.patientId, patientId), isNull(procedures.deletedAt)))
    .orderBy(desc(procedures.performedOn), desc(procedures.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * One procedure's live diary up to `key.asOf`, oldest first (the assessed columns and `extra`, at
 * most `limit` entries), with the engine's input and assessment. Callers must already have checked
 * that the actor may read this patient.
 */
export async function readAndAssess<E extends Record<string, PgColumn>>(
  db: DbOrTx,
  procedure: Parameters<typeof toAssessmentInput>[0] & { id: string },
  key: AssessmentKey,
  { extra, limit }: { extra?: E; limit?: number } = {},
) {
  const query = db
    .select({ ...assessedEntryColumns, ...(extra as E) })
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.procedureId, procedure.id),
        isNull(diaryEntries.deletedAt),
        lte(diaryEntries.entryDate, key.asOf),
      ),
    )
    .orderBy(asc(diaryEntries.entryDate));
  const rows = await (limit === undefined ? query : query.limit(limit));
  const input = toAssessmentInput(procedure, rows, key.asOf, key.criteria);
  return { rows, input, assessment: assessOutcome(input) };
}

/** The clinic's today (or `asOf`) and criteria: what an assessment made now is valid for. */
export async function assessmentKey(
  db: DbOrTx,
  opts: { asOf?: string | undefined; now?: Date } = {},
): Promise<AssessmentKey> {
  const settings = await getClinicSettings(db);
  return {
    asOf: opts.asOf ?? todayInZone(settings.timeZone, opts.now),
    criteria: settings.successCriteria,
  };
}

/**
 * The assessment of one procedure as of the clinic's today (or `asOf`), from its live diary
 * entries. Callers must already have checked that the actor may read this patient.
 */
export async function assessProcedure(
  db: DbOrTx,
  procedure: ProcedureRow,
  opts: { asOf?: string } = {},
): Promise<Assessment> {
  return (await readAndAssess(db, procedure, await assessmentKey(db, opts))).assessment;
}
