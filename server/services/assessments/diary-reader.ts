// The batched diary read (docs/decisions/007-caseload-batch-read.md): the live entries of many
// procedures in a fixed number of queries, each procedure's diary packed into one row, decoded
// into the engine's input. The caseload, the outcomes and the patient's own assessment read
// through it when their cache has no valid row (./cache.ts).
import "server-only";
import { and, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { diaryEntries, flagAcknowledgements, procedures } from "@/db/schema";
import {
  type AssessmentEntry,
  type AssessmentInput,
  LOCATION_WINDOW_DAYS,
  type Location,
  NEUROPATHIC_QUALITIES,
  type Pgic,
  type Quality,
} from "@/server/outcomes";
import type { AssessmentKey } from "./cache";
import { interferenceOf, toAssessmentInput } from "./input";

/** The diary read is split into this many queries that run at once (PostgreSQL uses both cores). */
const ENTRY_QUERIES = 4;
const NEUROPATHIC = `{${NEUROPATHIC_QUALITIES.join(",")}}`;

/**
 * The procedures to assess afresh with their live entries from their day to asOf, one row per
 * procedure (see decodeEntries): a year of entries is one row of packed text rather than 365 rows.
 * Locations only where the engine reads them (LOCATION_WINDOW_DAYS before asOf, or before the
 * oldest acknowledgement, whose days are assessed again), qualities only when neuropathic. The ids
 * are split into ENTRY_QUERIES queries that run at once.
 */
export function entryQueries(
  db: DbOrTx,
  procedureIds: readonly string[],
  asOf: string,
  parts: number = ENTRY_QUERIES,
) {
  const e = diaryEntries;
  const day = sql`(${e.entryDate} - date '1970-01-01')`;
  const locationsAfter = sql`least(${asOf}::date, (select min(${flagAcknowledgements.asOf}) from ${flagAcknowledgements} where ${flagAcknowledgements.procedureId} = ${procedures.id})) - ${LOCATION_WINDOW_DAYS}::int`;
  const diary = db
    .select({
      codes: sql<
        string | null
      >`array_agg(((((${day}) * 2 + ${e.siteSoreness}::int) * 16 + ${e.painAverage}) * 16 + coalesce(${e.enjoyment}, 15)) * 16 + coalesce(${e.activity}, 15))::text`.as(
        "codes",
      ),
      locations: sql<
        string | null
      >`string_agg(case when ${e.entryDate} > ${locationsAfter} then ${day} || ${e.locations}::text end, ';')`.as(
        "locations",
      ),
      qualities: sql<
        string | null
      >`string_agg(case when ${e.qualities} && ${NEUROPATHIC}::text[] then ${day} || ${e.qualities}::text end, ';')`.as(
        "qualities",
      ),
      pgic: sql<
        string | null
      >`string_agg(case when ${e.pgic} is not null then ${day} || ':' || ${e.pgic} end, ';')`.as(
        "pgic",
      ),
    })
    .from(e)
    .where(
      and(
        eq(e.procedureId, procedures.id),
        isNull(e.deletedAt),
        gte(e.entryDate, procedures.performedOn),
        lte(e.entryDate, asOf),
      ),
    )
    .as("diary");
  return Array.from({ length: parts }, (_, part) =>
    db
      .select({
        id: procedures.id,
        performedOn: procedures.performedOn,
        region: procedures.region,
        side: procedures.side,
        baselinePain: procedures.baselinePain,
        baselineInterference: procedures.baselineInterference,
        baselineLocations: procedures.baselineLocations,
        baselineQualities: procedures.baselineQualities,
        codes: diary.codes,
        locations: diary.locations,
        qualities: diary.qualities,
        pgic: diary.pgic,
      })
      .from(procedures)
      .innerJoinLateral(diary, sql`true`)
      .where(
        inArray(
          procedures.id,
          procedureIds.filter((_, i) => i % parts === part),
        ),
      ),
  );
}

const NO_CODES: readonly never[] = [];

/**
 * One procedure's entries from the packed row of entryQueries, as the engine's input entries.
 * `codes` is `{c1,c2,...}`, one integer per entry: the date as days since 1970-01-01, then site
 * soreness (1 bit), pain, enjoyment and activity (4 bits each, 15 = not answered). The other
 * columns list `<day><detail>` items separated by `;`. Vocabulary codes are plain [a-z_] words,
 * so `{a,b}` arrays need no unquoting. Arrays are shared between entries (the engine never
 * changes its input).
 */
export function decodeEntries(
  row: {
    codes: string | null;
    locations: string | null;
    qualities: string | null;
    pgic: string | null;
  },
  dates: Map<number, string>,
  arrays: Map<string, readonly string[]>,
): AssessmentEntry[] {
  const entries: AssessmentEntry[] = [];
  const days: number[] = [];
  const codes = row.codes ?? "";
  let n = 0;
  for (let i = 1; i < codes.length; i++) {
    const c = codes.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      continue;
    }
    // a "," or the closing "}": one code is complete
    const activity = n & 15;
    const enjoyment = (n >> 4) & 15;
    const epochDay = Math.floor(n / 8192);
    let entryDate = dates.get(epochDay);
    if (entryDate === undefined) {
      entryDate = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
      dates.set(epochDay, entryDate);
    }
    const entry: AssessmentEntry = {
      entryDate,
      painAverage: (n >> 8) & 15,
      interference: interferenceOf({
        enjoyment: enjoyment === 15 ? null : enjoyment,
        activity: activity === 15 ? null : activity,
      }),
      locations: NO_CODES,
      qualities: NO_CODES,
      siteSoreness: ((n >> 12) & 1) === 1,
      pgic: null,
    };
    entries.push(entry);
    days.push(epochDay);
    n = 0;
  }
  // The entry of a day (days are unique within a procedure): a binary search, as the database
  // returns them in date order; a map otherwise.
  const inOrder = days.every((d, i) => i === 0 || d > (days[i - 1] ?? d));
  const byDay = inOrder ? null : new Map(days.map((d, i) => [d, entries[i]]));
  const entryOn = (day: number): AssessmentEntry | undefined => {
    if (byDay) return byDay.get(day);
    let lo = 0;
    let hi = days.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = days[mid] ?? 0;
      if (d === day) return entries[mid];
      if (d < day) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const details = (
    text: string | null,
    apply: (entry: AssessmentEntry, detail: string) => void,
  ) => {
    if (!text) return;
    for (const item of text.split(";")) {
      let i = 0;
      while (i < item.length && item.charCodeAt(i) >= 48 && item.charCodeAt(i) <= 57) i++;
      const entry = entryOn(Number(item.slice(0, i)));
      if (entry) apply(entry, item.slice(item.charCodeAt(i) === 58 ? i + 1 : i));
    }
  };
  const array = (text: string) => {
    let codesOf = arrays.get(text);
    if (!codesOf) {
      codesOf = text.length > 2 ? text.slice(1, -1).split(",") : [];
      arrays.set(text, codesOf);
    }
    return codesOf;
  };
  details(row.locations, (entry, text) => {
    entry.locations = array(text) as Location[];
  });
  details(row.qualities, (entry, text) => {
    entry.qualities = array(text) as Quality[];
  });
  details(row.pgic, (entry, text) => {
    entry.pgic = text as Pgic;
  });
  return entries;
}

/**
 * The engine's input of each procedure, read in `parts` queries at once (ENTRY_QUERIES: the same
 * number whatever the count; 1 for a patient's own few): one promise per part, so that each part
 * can be assessed as it arrives.
 */
export function readInputs(
  db: DbOrTx,
  procedureIds: readonly string[],
  key: AssessmentKey,
  parts: number = ENTRY_QUERIES,
): Array<Promise<Array<{ id: string; input: AssessmentInput }>>> {
  const dates = new Map<number, string>();
  const arrays = new Map<string, readonly string[]>();
  return entryQueries(db, procedureIds, key.asOf, parts).map(async (part) =>
    (await part).map((row) => ({
      id: row.id,
      input: {
        ...toAssessmentInput(row, [], key.asOf, key.criteria),
        entries: decodeEntries(row, dates, arrays),
      },
    })),
  );
}
