// The provider's caseload (issue 4): every patient on the care team with the assessment of their
// latest procedure, sorted by urgency. Each procedure's assessment (engine + acknowledgement
// episodes, as the caseload shows it) is cached in caseload_assessments, valid only for the
// procedure's data_version (raised by triggers on every write that can change it), the clinic's
// today and criteria, and ASSESSMENT_VERSION (docs/decisions/008-caseload-assessment-cache.md).
// A request reads the care team with the valid cache rows in one query, then reads and assesses
// only the procedures without one, in a fixed number of queries whatever the caseload size, and
// stores them. docs/benchmarks.md has the figures at 1,000 patients.
import { and, asc, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  careTeam,
  caseloadAssessments,
  decisions,
  diaryEntries,
  flagAcknowledgements,
  messageThreads,
  procedures,
  users,
} from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { notFound } from "@/server/errors";
import { log } from "@/server/log";
import {
  type Assessment,
  type AssessmentEntry,
  type AssessmentInput,
  addDays,
  assessOutcome,
  byQueueOrder,
  type Category,
  type Criteria,
  daysBetween,
  type FlagCode,
  LOCATION_WINDOW_DAYS,
  type Location,
  NEUROPATHIC_QUALITIES,
  type Pgic,
  type Phase,
  type Quality,
  type QueueItem,
  type ReviewReason,
  type ReviewState,
  reviewState,
  type Severity,
  type Strategy,
  yearsBetween,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { interferenceOf, toAssessmentInput } from "./assessments";
import { recordAudits } from "./audit";
import {
  type Acknowledgement,
  type FlagStatus,
  flagStatuses,
  latestAcknowledgements,
} from "./flags";
import { awaitingReply } from "./messages";
import { getClinicSettings } from "./settings";

/** The most patients one caseload loads (a limit for the queries; far above a real care team). */
export const CASELOAD_MAX = 5_000;

export type CaseloadSort = "queue" | "name" | "day" | "pain" | "change" | "last_entry";

export type CaseloadInput = {
  search?: string | undefined;
  state?: ReviewState | undefined;
  category?: Category | "no_procedure" | undefined;
  flag?: FlagCode | undefined;
  /** The queue's order by default (docs/clinical-rules.md#review-states). */
  sort?: CaseloadSort | undefined;
  dir?: "asc" | "desc" | undefined;
  page: number;
  pageSize: number;
};

export type CaseloadRow = {
  patientId: string;
  name: string;
  /** Whole years on the clinic's today; null without a date of birth. */
  age: number | null;
  active: boolean;
  /**
   * The review state (docs/clinical-rules.md#review-states), why it needs review, and since when it
   * has waited.
   */
  state: ReviewState;
  reasons: ReviewReason[];
  since: string | null;
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
  /**
   * Mean pain of each of the last TREND_WEEKS weeks ending at asOf, oldest first (weeks before the
   * procedure left out; null for a week without entries): the row's sparkline.
   */
  trend: Array<number | null>;
  plan: { strategies: Strategy[]; followUpOn: string | null; decidedAt: Date } | null;
};

/** Weeks in a caseload row's trend. */
export const TREND_WEEKS = 12;

const openFlags = (r: Pick<CaseloadRow, "flags">) => {
  let n = 0;
  for (const f of r.flags) if (!f.acknowledged) n++;
  return n;
};
const byName = new Intl.Collator("en").compare;
const queueItem = (r: CaseloadRow): QueueItem => ({
  id: r.patientId,
  name: r.name,
  state: r.state,
  urgency: r.urgency,
  since: r.since,
});

/** The column orders; each ends in the queue's order, so equal values keep the queue's order. */
const sorts: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
  queue: () => 0,
  name: (a, b) => byName(a.name, b.name),
  day: (a, b) => nullsLast(a.day, b.day),
  pain: (a, b) => nullsLast(a.currentPain, b.currentPain),
  change: (a, b) => nullsLast(a.reductionPct, b.reductionPct),
  last_entry: (a, b) => nullsLast(a.lastEntryDate, b.lastEntryDate),
};

function nullsLast<T extends number | string>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return Number.POSITIVE_INFINITY;
  if (b === null) return Number.NEGATIVE_INFINITY;
  return a < b ? -1 : 1;
}

/**
 * The caseload's order: a column (ascending or descending, empty values last), then the queue's.
 */
export function caseloadOrder(sort: CaseloadSort = "queue", dir: "asc" | "desc" = "asc") {
  const column = sorts[sort];
  return (a: CaseloadRow, b: CaseloadRow) => {
    const c = column(a, b);
    // Empty values stay last whichever the direction.
    const byColumn = Number.isFinite(c) && dir === "desc" ? -c : Math.sign(c);
    return byColumn || byQueueOrder(queueItem(a), queueItem(b));
  };
}

/**
 * Raise when the cached assessment could differ for the same data and day: a change to the outcome
 * engine's rules, to the acknowledgement episodes, or to CaseloadAssessment's shape. Every cache
 * row of another version is then recomputed. `caseload-cache.test.ts` fingerprints the
 * assessments of a fixed set of diaries and fails until this is raised when they change.
 */
export const ASSESSMENT_VERSION = 3;

/** What the cache holds per procedure: the caseload row's assessment part. */
export type CaseloadAssessment = Pick<
  CaseloadRow,
  | "day"
  | "phase"
  | "category"
  | "success"
  | "baselinePain"
  | "currentPain"
  | "reductionPct"
  | "lastEntryDate"
  | "overdueCheckIns"
  | "flags"
  | "urgency"
  | "trend"
>;

/** One procedure's caseload assessment: the engine, then the acknowledgement episodes. Pure. */
export function caseloadAssessment(
  input: AssessmentInput,
  acks: ReadonlyMap<string, Acknowledgement>,
): CaseloadAssessment {
  const assessment = assessOutcome(input);
  const statuses = flagStatuses(input, assessment, acks);
  const open = statuses.filter((f) => !f.acknowledged);
  return {
    ...summary(assessment),
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
    trend: weeklyPain(input),
  };
}

/** The trend of a caseload row (CaseloadRow.trend), from the engine's input. Pure. */
export function weeklyPain(input: AssessmentInput): Array<number | null> {
  const sums = new Array<number>(TREND_WEEKS).fill(0);
  const counts = new Array<number>(TREND_WEEKS).fill(0);
  const from = addDays(input.asOf, -7 * TREND_WEEKS + 1);
  const { performedOn } = input.procedure;
  for (const e of input.entries) {
    if (e.entryDate < from || e.entryDate > input.asOf || e.entryDate < performedOn) continue;
    const week = TREND_WEEKS - 1 - Math.floor(daysBetween(e.entryDate, input.asOf) / 7);
    sums[week] = (sums[week] ?? 0) + e.painAverage;
    counts[week] = (counts[week] ?? 0) + 1;
  }
  const out: Array<number | null> = [];
  for (let w = 0; w < TREND_WEEKS; w++) {
    // A week that ended before the procedure is left out.
    if (addDays(input.asOf, -7 * (TREND_WEEKS - 1 - w)) < performedOn) continue;
    const n = counts[w] ?? 0;
    out.push(n === 0 ? null : Math.round(((sums[w] ?? 0) / n) * 10) / 10);
  }
  return out;
}

/** The diary read is split into this many queries that run at once (PostgreSQL uses both cores). */
const ENTRY_QUERIES = 4;
const NEUROPATHIC = `{${NEUROPATHIC_QUALITIES.join(",")}}`;

/** What a cached assessment is valid for, besides the procedure's data_version. */
export type AssessmentKey = { asOf: string; criteria: Criteria };

/**
 * The caseload's queries on every request, independent of each other so that they run at once:
 * the care team with each patient's latest procedure, its data_version and its cache row when that
 * is valid, and the current plans. Exported for the benchmark, which runs the very same SQL with
 * postgres.js.
 */
export function caseloadQueries(db: Db, providerId: string, key: AssessmentKey) {
  const patientFilter: SQL[] = [eq(careTeam.providerId, providerId), eq(users.role, "patient")];
  // Each care-team patient's latest procedure: the latest performed by asOf, else a planned one.
  const latest = db
    .select({
      id: procedures.id,
      performedOn: procedures.performedOn,
      modality: procedures.modality,
      region: procedures.region,
      dataVersion: procedures.dataVersion,
    })
    .from(procedures)
    .where(and(eq(procedures.patientId, careTeam.patientId), isNull(procedures.deletedAt)))
    .orderBy(
      sql`${procedures.performedOn} <= ${key.asOf} desc`,
      desc(procedures.performedOn),
      desc(procedures.createdAt),
    )
    .limit(1)
    .as("latest");

  const cache = caseloadAssessments;
  const patients = db
    .select({
      patientId: users.id,
      name: users.name,
      dateOfBirth: users.dateOfBirth,
      active: users.active,
      assignedAt: careTeam.assignedAt,
      procedure: {
        id: latest.id,
        performedOn: latest.performedOn,
        modality: latest.modality,
        region: latest.region,
        dataVersion: latest.dataVersion,
      },
      cached: cache.summary,
      // Messages waiting for a reply from the care team (docs/clinical-rules.md#review-states,
      // docs/decisions/020-messages.md).
      awaiting: { since: messageThreads.awaitingSince, latest: messageThreads.awaitingLatest },
    })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.patientId))
    .leftJoin(messageThreads, eq(messageThreads.patientId, careTeam.patientId))
    .leftJoinLateral(latest, sql`true`)
    // Only a valid row: computed from this very data_version, for today, under these criteria.
    .leftJoin(
      cache,
      and(
        eq(cache.procedureId, latest.id),
        eq(cache.dataVersion, latest.dataVersion),
        eq(cache.asOf, key.asOf),
        eq(cache.criteria, key.criteria),
        eq(cache.engineVersion, ASSESSMENT_VERSION),
      ),
    )
    .where(and(...patientFilter))
    .orderBy(asc(users.name), asc(users.id))
    .limit(CASELOAD_MAX);

  // The current plan: the latest decision that no amendment replaced.
  const plans = db
    .selectDistinctOn([decisions.patientId], {
      patientId: decisions.patientId,
      strategies: decisions.strategies,
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
    .orderBy(decisions.patientId, desc(decisions.createdAt), desc(decisions.id))
    .limit(CASELOAD_MAX);

  return { patients, plans };
}

/**
 * The procedures to assess afresh with their live entries from their day to asOf, one row per
 * procedure (see decodeEntries): a year of entries is one row of packed text rather than 365 rows.
 * Locations only where the engine reads them (LOCATION_WINDOW_DAYS before asOf, or before the
 * oldest acknowledgement, whose days are assessed again), qualities only when neuropathic. The ids
 * are split into ENTRY_QUERIES queries that run at once.
 */
export function entryQueries(db: Db, procedureIds: readonly string[], asOf: string) {
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
  return Array.from({ length: ENTRY_QUERIES }, (_, part) =>
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
          procedureIds.filter((_, i) => i % ENTRY_QUERIES === part),
        ),
      ),
  );
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
 * Every patient on the provider's care team with their assessment and review state, unsorted
 * (stale cache rows are recomputed and stored). A fixed number of queries (decision 008); not
 * audited: callers that show rows to a person audit what they show.
 */
export async function caseloadRows(db: Db, actor: Pick<Actor, "id">, now: Date) {
  const settings = await getClinicSettings(db);
  const key: AssessmentKey = {
    asOf: todayInZone(settings.timeZone, now),
    criteria: settings.successCriteria,
  };
  const queries = caseloadQueries(db, actor.id, key);
  // The procedures' data_version is read here, before their entries and acknowledgements: a write
  // in between can only make the stored version older than the data, never newer (decision 008).
  const [patients, planRows] = await Promise.all([queries.patients, queries.plans]);
  const stale = patients.flatMap((p) => (p.procedure && !p.cached ? [p.procedure] : []));
  const assessed = await assessAndStore(db, stale, key);

  const plans = new Map(planRows.map((p) => [p.patientId, p]));
  const zone = settings.timeZone;
  const all = patients.map((p): CaseloadRow => {
    const plan = plans.get(p.patientId);
    const assessment = p.procedure
      ? ((p.cached as CaseloadAssessment | null) ?? assessed.get(p.procedure.id) ?? NOT_ASSESSED)
      : NOT_ASSESSED;
    const { state, reasons, since } = reviewState({
      today: key.asOf,
      procedure: p.procedure,
      openFlags: openFlags(assessment),
      overdueCheckIns: assessment.overdueCheckIns,
      decision: plan
        ? {
            decidedAt: plan.decidedAt.toISOString(),
            decidedOn: todayInZone(zone, plan.decidedAt),
            followUpOn: plan.followUpOn,
          }
        : null,
      unreadMessages: p.awaiting ? awaitingReply(p.awaiting) : null,
      // Only read for a patient without a procedure: skip the time zone work otherwise.
      assignedOn: p.procedure ? key.asOf : todayInZone(zone, p.assignedAt),
    });
    return {
      patientId: p.patientId,
      name: p.name,
      age: p.dateOfBirth ? yearsBetween(p.dateOfBirth, key.asOf) : null,
      active: p.active,
      state,
      reasons,
      since,
      procedure: p.procedure && {
        id: p.procedure.id,
        performedOn: p.procedure.performedOn,
        region: p.procedure.region,
        modality: p.procedure.modality,
      },
      ...assessment,
      plan: plan
        ? {
            strategies: plan.strategies.map((s) => s.strategy as Strategy),
            followUpOn: plan.followUpOn,
            decidedAt: plan.decidedAt,
          }
        : null,
    };
  });

  return { key, all };
}

export async function caseload(
  db: Db,
  actor: Actor,
  input: CaseloadInput,
  { now = new Date(), ip = null }: { now?: Date; ip?: string | null } = {},
) {
  const { key, all: team } = await caseloadRows(db, actor, now);
  // The name search is applied here rather than in SQL, so that the page still knows the size of
  // the whole care team ("no patients match" rather than "none on your care team").
  const needle = input.search?.toLocaleLowerCase("en");
  const all = needle ? team.filter((r) => r.name.toLocaleLowerCase("en").includes(needle)) : team;
  const counts = {
    state: countBy(all, (r) => r.state),
    urgency: countBy(all, (r) => r.urgency ?? "none"),
    category: countBy(all, (r) => r.category ?? "no_procedure"),
    flag: countBy(
      all.flatMap((r) => r.flags),
      (f) => f.code,
    ),
  };
  const filtered = all
    .filter((r) => !input.state || r.state === input.state)
    .filter((r) => !input.category || (r.category ?? "no_procedure") === input.category)
    .filter((r) => !input.flag || r.flags.some((f) => f.code === input.flag))
    .sort(caseloadOrder(input.sort, input.dir));
  const start = (input.page - 1) * input.pageSize;

  const rows = filtered.slice(start, start + input.pageSize);
  // Who saw which patient's assessment: one row per patient on the page.
  await recordAudits(
    db,
    rows.map((row) => ({
      actor,
      action: "caseload.read",
      outcome: "success" as const,
      patientId: row.patientId,
      targetType: "patient",
      targetId: row.patientId,
      ip,
    })),
  );
  return {
    asOf: key.asOf,
    criteria: key.criteria,
    rows,
    total: filtered.length,
    caseloadSize: team.length,
    page: input.page,
    pageSize: input.pageSize,
    counts,
  };
}

/**
 * The patient to review after `patientId` (the review page's "Next patient"): in the queue's
 * order, the next patient who still needs review or a follow-up (from the top again after the
 * last); when `patientId` no longer does
 * (a decision was just recorded), the first one who does; else the next in the queue. Null at
 * the end. A patient not on the care team is not found. Reveals only the name and id of a patient
 * of the provider's own care team; not audited.
 */
export async function nextInQueue(
  db: Db,
  actor: Actor,
  patientId: string,
  now: Date = new Date(),
): Promise<{ patientId: string; name: string } | null> {
  const { all } = await caseloadRows(db, actor, now);
  const queue = all.sort(caseloadOrder());
  const actionable = (r: CaseloadRow) => r.state === "needs_review" || r.state === "follow_up_due";
  const at = queue.findIndex((r) => r.patientId === patientId);
  const current = queue[at];
  // Not on the care team: not found, exactly like a patient that does not exist.
  if (!current) throw notFound("patient");
  const after = queue.slice(at + 1);
  const next = actionable(current)
    ? (after.find(actionable) ?? queue.slice(0, at).find(actionable) ?? null)
    : (queue.find((r) => r.patientId !== patientId && actionable(r)) ?? after[0] ?? null);
  return next ? { patientId: next.patientId, name: next.name } : null;
}

/**
 * Assesses the procedures that have no valid cache row (their entries in ENTRY_QUERIES parts, each
 * assessed as it arrives, and their acknowledgements) and stores the results under the
 * data_version read before. A fixed number of queries; none when nothing is stale.
 */
async function assessAndStore(
  db: Db,
  stale: ReadonlyArray<{ id: string; dataVersion: number }>,
  key: AssessmentKey,
): Promise<Map<string, CaseloadAssessment>> {
  const assessed = new Map<string, CaseloadAssessment>();
  if (stale.length === 0) return assessed;
  const ids = stale.map((p) => p.id);
  const acknowledgements = latestAcknowledgements(db, ids);
  const dates = new Map<number, string>();
  const arrays = new Map<string, readonly string[]>();
  await Promise.all(
    entryQueries(db, ids, key.asOf).map(async (part) => {
      const [rows, acks] = await Promise.all([part, acknowledgements]);
      for (const row of rows) {
        const assessmentInput = {
          ...toAssessmentInput(row, [], key.asOf, key.criteria),
          entries: decodeEntries(row, dates, arrays),
        };
        assessed.set(row.id, caseloadAssessment(assessmentInput, acks.get(row.id) ?? new Map()));
      }
    }),
  );

  // One statement; the rows travel as one JSON parameter (three times faster than a VALUES list
  // of 1,000 rows) and are stored in procedure order, so two requests storing the same rows lock
  // them in the same order. A row is replaced only by one of another key computed from data at
  // least as new: requests racing with each other or with a write store nothing that a later
  // request would take for current (decision 008).
  const rows = stale.flatMap((p) => {
    const summary = assessed.get(p.id);
    return summary
      ? [
          {
            procedure_id: p.id,
            data_version: p.dataVersion,
            as_of: key.asOf,
            criteria: key.criteria,
            engine_version: ASSESSMENT_VERSION,
            summary,
          },
        ]
      : [];
  });
  const c = caseloadAssessments;
  try {
    await db.execute(sql`
      insert into ${c} (procedure_id, data_version, as_of, criteria, engine_version, summary)
      select procedure_id, data_version, as_of, criteria, engine_version, summary
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(procedure_id uuid,
        data_version integer, as_of date, criteria text, engine_version integer, summary jsonb)
      order by procedure_id
      on conflict (procedure_id) do update set
        data_version = excluded.data_version, as_of = excluded.as_of, criteria = excluded.criteria,
        engine_version = excluded.engine_version, summary = excluded.summary, computed_at = now()
      where excluded.data_version >= ${c}.data_version
        and (excluded.data_version, excluded.as_of, excluded.criteria, excluded.engine_version)
          is distinct from (${c}.data_version, ${c}.as_of, ${c}.criteria, ${c}.engine_version)`);
  } catch (error) {
    // The assessments above are current whatever happened to the cache: show them.
    log.warn({ err: error, procedures: rows.length }, "caseload cache not stored");
  }
  return assessed;
}

/** A patient without a procedure (or one that could not be read): no assessment. */
const NOT_ASSESSED: CaseloadAssessment = {
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
  trend: [],
};

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
