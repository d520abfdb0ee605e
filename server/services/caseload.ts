// The provider's caseload (issue 4): every patient on the care team with the assessment of their
// latest procedure, sorted by urgency. The data comes from a fixed number of queries whatever the
// caseload size (patients with their latest procedure; those procedures' diary entries; the latest
// acknowledgements; the current plans), then the outcome engine runs per patient in memory and the
// list is filtered, sorted and paged in memory. docs/benchmarks.md has the figures at 1,000 patients.
import { and, asc, desc, eq, gte, ilike, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  careTeam,
  decisions,
  diaryEntries,
  flagAcknowledgements,
  procedures,
  users,
} from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import {
  type Assessment,
  type AssessmentEntry,
  assessOutcome,
  type Category,
  type Criteria,
  FlagCode,
  LOCATION_WINDOW_DAYS,
  NEUROPATHIC_QUALITIES,
  type Pgic,
  type Phase,
  type Quality,
  type Region,
  type Severity,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { interferenceOf, toAssessmentInput } from "./assessments";
import { recordAudit } from "./audit";
import { type Acknowledgement, type FlagStatus, flagStatuses, groupAck } from "./flags";
import { getClinicSettings } from "./settings";

/** The most patients one caseload loads (a limit for the queries; far above a real care team). */
export const CASELOAD_MAX = 5_000;

export type CaseloadInput = {
  search?: string | undefined;
  category?: Category | "no_procedure" | undefined;
  flag?: FlagCode | undefined;
  page: number;
  pageSize: number;
};

export type CaseloadRow = {
  patientId: string;
  name: string;
  active: boolean;
  procedure: { id: string; performedOn: string; region: string; modality: string } | null;
  day: number | null;
  phase: Phase | null;
  category: Category | null;
  success: boolean | null;
  baselinePain: number | null;
  currentPain: number | null;
  reductionPct: number | null;
  lastEntryDate: string | null;
  flags: Array<Pick<FlagStatus, "code" | "severity" | "sentence" | "acknowledged">>;
  /** Days (14, 42, ...) of the check-ins that are overdue. */
  overdueCheckIns: number[];
  /** The highest severity among the flags not covered by an acknowledgement; null: none. */
  urgency: Severity | null;
  plan: { followUpOn: string | null; decidedAt: Date } | null;
};

const rank: Record<Severity, number> = { high: 0, warning: 1, info: 2 };
const urgencyRank = (r: CaseloadRow) => (r.urgency === null ? 3 : rank[r.urgency]);

/** Most urgent first: high-severity flags, then warnings, then information, then the rest. */
export function byUrgency(a: CaseloadRow, b: CaseloadRow): number {
  const quiet = (r: CaseloadRow) => r.flags.filter((f) => !f.acknowledged).length;
  return (
    urgencyRank(a) - urgencyRank(b) ||
    quiet(b) - quiet(a) ||
    a.name.localeCompare(b.name, "en") ||
    a.patientId.localeCompare(b.patientId)
  );
}

function escapeLike(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The diary read is split into this many queries that run at once (PostgreSQL uses both cores). */
const ENTRY_QUERIES = 4;
const NEUROPATHIC = `{${NEUROPATHIC_QUALITIES.join(",")}}`;

/**
 * The caseload's queries, independent of each other so that they run at once. Exported for the
 * benchmark, which runs the very same SQL with postgres.js.
 */
export function caseloadQueries(db: Db, providerId: string, asOf: string, search?: string) {
  const patientFilter: SQL[] = [eq(careTeam.providerId, providerId), eq(users.role, "patient")];
  if (search) patientFilter.push(ilike(users.name, escapeLike(search)));
  // Each care-team patient's latest procedure: the latest performed by asOf, else a planned one.
  const latest = db
    .select({
      id: procedures.id,
      performedOn: procedures.performedOn,
      modality: procedures.modality,
      region: procedures.region,
      baselinePain: procedures.baselinePain,
      baselineInterference: procedures.baselineInterference,
      baselineLocations: procedures.baselineLocations,
      baselineQualities: procedures.baselineQualities,
    })
    .from(procedures)
    .where(and(eq(procedures.patientId, careTeam.patientId), isNull(procedures.deletedAt)))
    .orderBy(
      sql`${procedures.performedOn} <= ${asOf} desc`,
      desc(procedures.performedOn),
      desc(procedures.createdAt),
    )
    .limit(1)
    .as("latest");

  const patients = db
    .select({
      patientId: users.id,
      name: users.name,
      active: users.active,
      procedure: {
        id: latest.id,
        performedOn: latest.performedOn,
        modality: latest.modality,
        region: latest.region,
        baselinePain: latest.baselinePain,
        baselineInterference: latest.baselineInterference,
        baselineLocations: latest.baselineLocations,
        baselineQualities: latest.baselineQualities,
      },
    })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.patientId))
    .leftJoinLateral(latest, sql`true`)
    .where(and(...patientFilter))
    .orderBy(asc(users.name), asc(users.id))
    .limit(CASELOAD_MAX);

  // The live entries of each latest procedure from its day to asOf, one row per procedure (see
  // decodeEntries): 365,000 entries as a thousand rows of packed text rather than 365,000 rows.
  // Locations only where the engine reads them (LOCATION_WINDOW_DAYS before asOf, or before the
  // oldest acknowledgement, whose days are assessed again), qualities only when neuropathic.
  const e = diaryEntries;
  const day = sql`(${e.entryDate} - date '1970-01-01')`;
  const locationsAfter = sql`least(${asOf}::date, (select min(${flagAcknowledgements.asOf}) from ${flagAcknowledgements} where ${flagAcknowledgements.procedureId} = ${latest.id})) - ${LOCATION_WINDOW_DAYS}::int`;
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
        eq(e.procedureId, latest.id),
        isNull(e.deletedAt),
        gte(e.entryDate, latest.performedOn),
        lte(e.entryDate, asOf),
      ),
    )
    .as("diary");
  const entries = Array.from({ length: ENTRY_QUERIES }, (_, part) =>
    db
      .select({
        procedureId: latest.id,
        codes: diary.codes,
        locations: diary.locations,
        qualities: diary.qualities,
        pgic: diary.pgic,
      })
      .from(careTeam)
      .innerJoin(users, eq(users.id, careTeam.patientId))
      .innerJoinLateral(latest, sql`true`)
      .innerJoinLateral(diary, sql`true`)
      .where(
        and(
          ...patientFilter,
          sql`(hashtext(${careTeam.patientId}::text) & ${ENTRY_QUERIES - 1}) = ${part}`,
        ),
      )
      .limit(CASELOAD_MAX),
  );

  const acks = db
    .selectDistinctOn([flagAcknowledgements.procedureId, flagAcknowledgements.code], {
      procedureId: flagAcknowledgements.procedureId,
      code: flagAcknowledgements.code,
      asOf: flagAcknowledgements.asOf,
      note: flagAcknowledgements.note,
      acknowledgedAt: flagAcknowledgements.acknowledgedAt,
    })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.patientId))
    .innerJoinLateral(latest, sql`true`)
    .innerJoin(flagAcknowledgements, eq(flagAcknowledgements.procedureId, latest.id))
    .where(and(...patientFilter))
    .orderBy(
      flagAcknowledgements.procedureId,
      flagAcknowledgements.code,
      desc(flagAcknowledgements.asOf),
      desc(flagAcknowledgements.acknowledgedAt),
    )
    .limit(CASELOAD_MAX * FlagCode.options.length);

  // The current plan: the latest decision that no amendment replaced.
  const plans = db
    .selectDistinctOn([decisions.patientId], {
      patientId: decisions.patientId,
      followUpOn: decisions.followUpOn,
      decidedAt: decisions.createdAt,
    })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.patientId))
    .innerJoin(decisions, eq(decisions.patientId, careTeam.patientId))
    .where(
      and(
        ...patientFilter,
        sql`not exists (select 1 from ${decisions} s where s.supersedes_id = ${decisions.id})`,
      ),
    )
    .orderBy(decisions.patientId, desc(decisions.createdAt))
    .limit(CASELOAD_MAX);

  return { patients, entries, acks, plans };
}

const NO_CODES: readonly never[] = [];

/**
 * One procedure's entries from the packed row of caseloadQueries, as the engine's input entries.
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
    entry.locations = array(text) as Region[];
  });
  details(row.qualities, (entry, text) => {
    entry.qualities = array(text) as Quality[];
  });
  details(row.pgic, (entry, text) => {
    entry.pgic = text as Pgic;
  });
  return entries;
}

export async function caseload(db: Db, actor: Actor, input: CaseloadInput) {
  const settings = await getClinicSettings(db);
  const asOf = todayInZone(settings.timeZone);
  const queries = caseloadQueries(db, actor.id, asOf, input.search);
  const basics = Promise.all([queries.patients, queries.acks, queries.plans]);
  const dates = new Map<number, string>();
  const arrays = new Map<string, readonly string[]>();
  const assessed = new Map<string, CaseloadRow>();

  // Each part of the diary is assessed as soon as it arrives, while the database works on the rest.
  await Promise.all(
    queries.entries.map(async (part) => {
      const [rows, [patients, ackRows]] = await Promise.all([part, basics]);
      const byProcedure = new Map(patients.map((p) => [p.procedure?.id, p]));
      const acks = new Map<string, Map<string, Acknowledgement>>();
      for (const a of ackRows) groupAck(acks, { ...a, byName: null });
      for (const row of rows) {
        const patient = byProcedure.get(row.procedureId);
        if (!patient?.procedure) continue;
        const entries = decodeEntries(row, dates, arrays);
        assessed.set(
          patient.patientId,
          assessPatient(patient, patient.procedure, entries, acks.get(row.procedureId)),
        );
      }
    }),
  );
  const [patients, , planRows] = await basics;
  const plans = new Map(planRows.map((p) => [p.patientId, p]));
  const all = patients.map((p): CaseloadRow => {
    const plan = plans.get(p.patientId);
    const row =
      assessed.get(p.patientId) ??
      (p.procedure ? assessPatient(p, p.procedure, [], undefined) : withoutProcedure(p));
    return {
      ...row,
      plan: plan ? { followUpOn: plan.followUpOn, decidedAt: plan.decidedAt } : null,
    };
  });

  const counts = {
    urgency: countBy(all, (r) => r.urgency ?? "none"),
    category: countBy(all, (r) => r.category ?? "no_procedure"),
    flag: countBy(
      all.flatMap((r) => r.flags),
      (f) => f.code,
    ),
  };
  const filtered = all
    .filter((r) => !input.category || (r.category ?? "no_procedure") === input.category)
    .filter((r) => !input.flag || r.flags.some((f) => f.code === input.flag))
    .sort(byUrgency);
  const start = (input.page - 1) * input.pageSize;

  await recordAudit(db, {
    actor,
    action: "caseload.read",
    outcome: "success",
    details: { patients: all.length },
  });
  return {
    asOf,
    criteria: settings.successCriteria as Criteria,
    rows: filtered.slice(start, start + input.pageSize),
    total: filtered.length,
    caseloadSize: all.length,
    page: input.page,
    pageSize: input.pageSize,
    counts,
  };

  function assessPatient(
    patient: { patientId: string; name: string; active: boolean },
    procedure: Parameters<typeof toAssessmentInput>[0] & {
      id: string;
      region: string;
      modality: string;
    },
    entries: AssessmentEntry[],
    acks: ReadonlyMap<string, Acknowledgement> | undefined,
  ): CaseloadRow {
    const assessmentInput = {
      ...toAssessmentInput(procedure, [], asOf, settings.successCriteria),
      entries,
    };
    const assessment = assessOutcome(assessmentInput);
    const statuses = flagStatuses(assessmentInput, assessment, acks ?? new Map());
    const open = statuses.filter((f) => !f.acknowledged);
    return {
      patientId: patient.patientId,
      name: patient.name,
      active: patient.active,
      plan: null,
      ...summary(assessment),
      procedure: {
        id: procedure.id,
        performedOn: procedure.performedOn,
        region: procedure.region,
        modality: procedure.modality,
      },
      flags: statuses.map((f) => ({
        code: f.code,
        severity: f.severity,
        sentence: f.sentence,
        acknowledged: f.acknowledged,
      })),
      urgency: open.some((f) => f.severity === "high")
        ? "high"
        : open.some((f) => f.severity === "warning")
          ? "warning"
          : open.length > 0
            ? "info"
            : null,
    };
  }
}

function withoutProcedure(p: { patientId: string; name: string; active: boolean }): CaseloadRow {
  return {
    patientId: p.patientId,
    name: p.name,
    active: p.active,
    plan: null,
    procedure: null,
    day: null,
    phase: null,
    category: null,
    success: null,
    baselinePain: null,
    currentPain: null,
    reductionPct: null,
    lastEntryDate: null,
    flags: [],
    overdueCheckIns: [],
    urgency: null,
  };
}

function summary(a: Assessment) {
  return {
    day: a.day,
    phase: a.phase,
    category: a.category,
    success: a.success,
    baselinePain: a.baselinePain,
    currentPain: a.currentPain,
    reductionPct: a.reductionPct,
    lastEntryDate: a.lastEntryDate,
    overdueCheckIns: a.checkIns.filter((c) => c.status === "overdue").map((c) => c.day),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
