// The provider's caseload (issue 4): every patient on the care team with the assessment of their
// latest procedure, sorted by urgency. Each procedure's assessment (engine + acknowledgement
// episodes, as the caseload shows it) is cached in the assessment cache (kind `caseload`,
// ./assessments/cache.ts, docs/decisions/008-caseload-assessment-cache.md). A request reads the
// care team with the valid cache rows in one query, then reads and assesses only the procedures
// without one, in a fixed number of queries whatever the caseload size, and stores them.
// docs/benchmarks.md has the figures at 1,000 patients.
import "server-only";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  assessmentCache,
  callTasks,
  careTeam,
  decisions,
  messageThreads,
  procedures,
  users,
} from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { notFound } from "@/server/errors";
import {
  type Assessment,
  type AssessmentInput,
  addDays,
  assessOutcome,
  byQueueOrder,
  type Category,
  daysBetween,
  type FlagCode,
  type Phase,
  type QueueItem,
  type ReviewReason,
  type ReviewState,
  reviewState,
  type Severity,
  type Strategy,
  yearsBetween,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { matchesPatient, parsePatientSearch } from "@/shared/patient-search";
import { type AssessmentKey, assessAndStore, validCacheRow } from "./assessments";
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
  /** The clinic's medical record number; null when none was recorded. */
  mrn: string | null;
  /** What the staff's search also matches (shared/patient-search.ts); not shown in the row. */
  email: string;
  dateOfBirth: string | null;
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
  /** Days of the check-ins due now and unanswered (a missed one is called, tiered outreach). */
  dueCheckIns: number[];
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
  | "dueCheckIns"
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

  const cache = assessmentCache;
  const patients = db
    .select({
      patientId: users.id,
      name: users.name,
      mrn: users.mrn,
      email: users.email,
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
      cached: cache.value,
      // Messages waiting for a reply from the care team (docs/clinical-rules.md#review-states,
      // docs/decisions/020-messages.md).
      awaiting: { since: messageThreads.awaitingSince, latest: messageThreads.awaitingLatest },
      // The earliest open call task (docs/decisions/035-outreach.md): "Follow-up due" until closed.
      callDueOn: sql<
        string | null
      >`(select min(${callTasks.dueOn})::text from ${callTasks} where ${callTasks.patientId} = ${users.id} and ${callTasks.closedAt} is null)`,
    })
    .from(careTeam)
    .innerJoin(users, eq(users.id, careTeam.patientId))
    .leftJoin(messageThreads, eq(messageThreads.patientId, careTeam.patientId))
    .leftJoinLateral(latest, sql`true`)
    // Only a valid row: computed from this very data_version, for today, under these criteria.
    .leftJoin(cache, validCacheRow("caseload", latest, key))
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
  const acknowledgements = latestAcknowledgements(
    db,
    stale.map((p) => p.id),
  );
  const assessed = await assessAndStore(
    db,
    "caseload",
    stale,
    key,
    (input, id, acks) => caseloadAssessment(input, acks.get(id) ?? new Map()),
    acknowledgements,
  );

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
      dueCheckIns: assessment.dueCheckIns,
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
      callDueOn: p.callDueOn,
    });
    return {
      patientId: p.patientId,
      name: p.name,
      mrn: p.mrn,
      email: p.email,
      dateOfBirth: p.dateOfBirth,
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
  // The search (name, MRN, email or date of birth, shared/patient-search.ts) is applied here
  // rather than in SQL, so that the page still knows the size of the whole care team ("no patients
  // match" rather than "none on your care team"), and the tabs count the search's patients.
  const all = team.filter(matchesSearch(input.search, key.asOf));
  // Every filter but the state: the state tabs count these, so that a tab's count is what it
  // shows and an empty tab can point to the tab where the search's patients are.
  const matching = all
    .filter((r) => !input.category || (r.category ?? "no_procedure") === input.category)
    .filter((r) => !input.flag || r.flags.some((f) => f.code === input.flag));
  const counts = {
    state: countBy(matching, (r) => r.state),
    urgency: countBy(all, (r) => r.urgency ?? "none"),
    category: countBy(all, (r) => r.category ?? "no_procedure"),
    flag: countBy(
      all.flatMap((r) => r.flags),
      (f) => f.code,
    ),
  };
  const filtered = matching
    .filter((r) => !input.state || r.state === input.state)
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
 * Whether a row matches the caseload's search: a part of the patient's name, MRN or email in any
 * case ("okaf", "MRN-100845", "100845"), or their date of birth however it is typed ("31/01/1958",
 * "31 Jan 1958", "1958-01-31"), as the admin's account list reads it.
 */
export function matchesSearch(search: string | undefined, today: string) {
  const parsed = parsePatientSearch(search, today);
  return (r: Pick<CaseloadRow, "name" | "mrn" | "email" | "dateOfBirth">) =>
    matchesPatient(parsed, r);
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
  dueCheckIns: [],
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
    dueCheckIns: a.checkIns.filter((c) => c.status === "due").map((c) => c.day),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
