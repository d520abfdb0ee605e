import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
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
import { getClinicSettings } from "./settings";

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
 * The assessment of one procedure as of the clinic's today (or `asOf`), from its live diary
 * entries. Callers must already have checked that the actor may read this patient.
 */
export async function assessProcedure(
  db: DbOrTx,
  procedure: ProcedureRow,
  opts: { asOf?: string } = {},
): Promise<Assessment> {
  return assessOutcome(await assessmentInputOf(db, procedure, opts));
}

/**
 * The engine's input for one procedure as of the clinic's today (or `asOf`); see assessProcedure.
 */
export async function assessmentInputOf(
  db: DbOrTx,
  procedure: ProcedureRow,
  opts: { asOf?: string } = {},
): Promise<AssessmentInput> {
  const settings = await getClinicSettings(db);
  const asOf = opts.asOf ?? todayInZone(settings.timeZone);
  const entries = await db
    .select(assessedEntryColumns)
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.procedureId, procedure.id),
        isNull(diaryEntries.deletedAt),
        lte(diaryEntries.entryDate, asOf),
      ),
    )
    .orderBy(asc(diaryEntries.entryDate));
  return toAssessmentInput(procedure, entries, asOf, settings.successCriteria);
}
