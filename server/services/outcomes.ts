// The clinic's outcomes (docs/decisions/017-outcome-statistics.md, issue 13): success at 6 weeks, 3
// and 6 months, durability of relief, repeat ablations and what was decided after a failure, over
// the procedures a provider's care team had (providers) or the clinic's (admins). Every figure
// comes from the outcome engine through server/analytics (cohort rules and statistics, pure). Each
// procedure's outcome is cached in the assessment cache (kind `outcome`, ./assessments/cache.ts,
// decisions 008 and 018); only procedures without a valid row are read and assessed. Reads are
// audited as aggregate: the filters and the number of procedures, never a patient.
import "server-only";
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { assessmentCache, careTeam, decisions, diaryEntries, procedures, users } from "@/db/schema";
import {
  buildReport,
  cellMembers,
  checkInEngagement,
  type EngagementProcedure,
  type Group,
  type MilestoneEngagement,
  type OutcomesReport,
  type ProcedureOutcome,
  procedureOutcome,
  type ReportProcedure,
} from "@/server/analytics";
import type { Actor } from "@/server/authz/policy";
import {
  type Criteria,
  type Modality,
  modalityLabels,
  type Region,
  regionLabels,
  type Strategy,
  type SuspectedFactor,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import type { OUTCOME_GROUPS } from "@/shared/outcome-filters";
import { targetSetGroup, techniqueGroup } from "@/shared/technique";
import { type AssessmentKey, assessAndStore, type Versioned, validCacheRow } from "./assessments";
import { recordAudit, recordAudits } from "./audit";
import { getClinicSettings } from "./settings";

export type GroupBy = (typeof OUTCOME_GROUPS)[number];

export type OutcomesInput = {
  from?: string | undefined;
  to?: string | undefined;
  modality?: Modality | undefined;
  region?: Region | undefined;
  providerId?: string | undefined;
  groupBy: GroupBy;
};

export type ClinicOutcomes = {
  /** Per milestone, the check-ins answered within their week, and through what (SPEC 12). */
  engagement: MilestoneEngagement[];
  asOf: string;
  criteria: Criteria;
  scope: "care_team" | "clinic";
  input: OutcomesInput;
  /** The providers who recorded procedures in scope (for the provider filter). */
  providers: Group[];
  report: OutcomesReport;
};

/**
 * The procedures in the actor's scope (null: the whole clinic, for the refresh job), each with its
 * cached outcome when that is valid.
 */
function scopedProcedures(db: Db, actor: Actor | null, key: AssessmentKey) {
  const patient = alias(users, "patient");
  // Who performed it (migration 0022); a procedure imported without a performer counts for
  // whoever recorded it.
  const performer = alias(users, "performer");
  const performerId = sql<string>`coalesce(${procedures.performedBy}, ${procedures.recordedBy})`;
  const c = assessmentCache;
  const where: SQL[] = [isNull(procedures.deletedAt), eq(patient.role, "patient")];
  const base = db
    .select({
      id: procedures.id,
      performedOn: procedures.performedOn,
      modality: procedures.modality,
      region: procedures.region,
      rfVariant: procedures.rfVariant,
      targets: procedures.targets,
      performedBy: performerId,
      performerName: performer.name,
      repeatsId: procedures.repeatsProcedureId,
      dataVersion: procedures.dataVersion,
      cached: c.value,
    })
    .from(procedures)
    .innerJoin(patient, eq(patient.id, procedures.patientId))
    .innerJoin(performer, eq(performer.id, performerId))
    .leftJoin(c, validCacheRow("outcome", procedures, key));
  const scoped =
    actor === null || actor.role === "admin"
      ? base
      : base.innerJoin(
          careTeam,
          and(eq(careTeam.patientId, procedures.patientId), eq(careTeam.providerId, actor.id)),
        );
  return scoped.where(and(...where, sql`${procedures.performedOn} <= ${key.asOf}`));
}

/** The current decisions (not amended) on procedures in scope. */
function currentDecisions(db: Db, actor: Actor) {
  const base = db
    .select({
      procedureId: decisions.procedureId,
      strategies: decisions.strategies,
      factors: decisions.suspectedFactors,
    })
    .from(decisions);
  const scoped =
    actor.role === "admin"
      ? base
      : base.innerJoin(
          careTeam,
          and(eq(careTeam.patientId, decisions.patientId), eq(careTeam.providerId, actor.id)),
        );
  return scoped.where(
    sql`not exists (select 1 from ${decisions} s where s.supersedes_id = ${decisions.id})`,
  );
}

type Row = Awaited<ReturnType<typeof scopedProcedures>>[number];

/**
 * The procedures of a report (filtered and scoped), each with its group and outcome, and the
 * outcomes of the earlier procedures their repeats repeat.
 */
async function reportProcedures(db: Db, actor: Actor, input: OutcomesInput, now: Date) {
  const settings = await getClinicSettings(db);
  const key: AssessmentKey = {
    asOf: todayInZone(settings.timeZone, now),
    criteria: settings.successCriteria,
  };
  const [rows, decisionRows] = await Promise.all([
    scopedProcedures(db, actor, key),
    currentDecisions(db, actor),
  ]);

  const inRange = (r: Row) =>
    (!input.from || r.performedOn >= input.from) && (!input.to || r.performedOn <= input.to);
  const selected = rows.filter(
    (r) =>
      inRange(r) &&
      (!input.modality || r.modality === input.modality) &&
      (!input.region || r.region === input.region) &&
      (!input.providerId || r.performedBy === input.providerId),
  );
  // The earlier procedures that selected repeats repeat (paired), in scope, wherever they fall.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const selectedIds = new Set(selected.map((r) => r.id));
  const earlierRows = [
    ...new Set(
      selected.flatMap((r) => (r.repeatsId && !selectedIds.has(r.repeatsId) ? [r.repeatsId] : [])),
    ),
  ].flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });

  const needed = [...selected, ...earlierRows];
  const fresh = await assessOutcomes(
    db,
    needed.filter((r) => !r.cached),
    key,
  );
  const outcomeOf = (r: Row) =>
    (r.cached as ProcedureOutcome | null) ?? (fresh.get(r.id) as ProcedureOutcome);

  const decided = new Map<string, { strategies: Strategy[]; factors: SuspectedFactor[] }>();
  for (const d of decisionRows) {
    if (!selectedIds.has(d.procedureId)) continue;
    const entry = decided.get(d.procedureId) ?? { strategies: [], factors: [] };
    entry.strategies.push(...d.strategies.map((s) => s.strategy as Strategy));
    entry.factors.push(...(d.factors as SuspectedFactor[]));
    decided.set(d.procedureId, entry);
  }

  const groupOf = (r: Row): Group => {
    switch (input.groupBy) {
      case "modality":
        return { key: r.modality, label: modalityLabels[r.modality as Modality] ?? r.modality };
      case "technique":
        return techniqueGroup(r);
      case "region":
        return { key: r.region, label: regionLabels[r.region as Region] ?? r.region };
      case "targets":
        return targetSetGroup(r.targets);
      case "provider":
        return { key: r.performedBy, label: r.performerName };
    }
  };
  return {
    key,
    rows,
    selected,
    procedures: selected.map((r): ReportProcedure => {
      const d = decided.get(r.id);
      return {
        id: r.id,
        group: groupOf(r),
        outcome: outcomeOf(r),
        repeatsId: r.repeatsId,
        strategies: d?.strategies ?? [],
        factors: d?.factors ?? [],
        decided: d !== undefined,
      };
    }),
    earlier: new Map(earlierRows.map((r) => [r.id, outcomeOf(r)])),
  };
}

export async function clinicOutcomes(
  db: Db,
  actor: Actor,
  input: OutcomesInput,
  { now = new Date(), ip = null }: { now?: Date; ip?: string | null } = {},
): Promise<ClinicOutcomes> {
  const {
    key,
    rows,
    selected: selectedRows,
    procedures: selected,
    earlier,
  } = await reportProcedures(db, actor, input, now);
  const report = buildReport(selected, earlier);
  const engagement = checkInEngagement(await engagementOf(db, selectedRows), key.asOf);

  const providers = new Map<string, string>();
  for (const r of rows) providers.set(r.performedBy, r.performerName);

  await recordAudit(db, {
    actor,
    action: "outcomes.read",
    outcome: "success",
    targetType: actor.role === "admin" ? "clinic" : "care_team",
    ip,
    details: {
      groupBy: input.groupBy,
      from: input.from ?? null,
      to: input.to ?? null,
      modality: input.modality ?? null,
      region: input.region ?? null,
      providerId: input.providerId ?? null,
      procedures: report.procedures,
    },
  });

  return {
    asOf: key.asOf,
    criteria: key.criteria,
    scope: actor.role === "admin" ? "clinic" : "care_team",
    input,
    providers: [...providers.entries()]
      .map(([id, name]) => ({ key: id, label: name }))
      .sort((a, b) => a.label.localeCompare(b.label, "en")),
    report,
    engagement,
  };
}

/** The procedures' answered check-ins, for the engagement figures (SPEC 12). */
async function engagementOf(
  db: Db,
  rows: ReadonlyArray<{ id: string; performedOn: string }>,
): Promise<EngagementProcedure[]> {
  const answers = new Map<string, EngagementProcedure["checkIns"][number][]>();
  for (let i = 0; i < rows.length; i += 5000) {
    const ids = rows.slice(i, i + 5000).map((r) => r.id);
    const found = await db
      .select({
        procedureId: diaryEntries.procedureId,
        entryDate: diaryEntries.entryDate,
        checkInDay: diaryEntries.checkInDay,
        channel: diaryEntries.checkInChannel,
      })
      .from(diaryEntries)
      .where(
        and(
          inArray(diaryEntries.procedureId, ids),
          isNull(diaryEntries.deletedAt),
          isNotNull(diaryEntries.checkInDay),
        ),
      );
    for (const a of found) {
      if (a.checkInDay === null) continue;
      const list = answers.get(a.procedureId) ?? [];
      list.push({ checkInDay: a.checkInDay, entryDate: a.entryDate, channel: a.channel });
      answers.set(a.procedureId, list);
    }
  }
  return rows.map((r) => ({ performedOn: r.performedOn, checkIns: answers.get(r.id) ?? [] }));
}

/**
 * The patients behind one count of the after-failure table or the repeats line (issue 23), in the
 * actor's scope: the same procedures the report counted. Audited as a read of those patients.
 */
export async function outcomeMembers(
  db: Db,
  actor: Actor,
  input: OutcomesInput & { cell: string; group: string },
  { now = new Date(), ip = null }: { now?: Date; ip?: string | null } = {},
) {
  const { procedures: selected, earlier } = await reportProcedures(db, actor, input, now);
  const ids = cellMembers(selected, earlier, input.cell, input.group);
  const outcome = new Map(selected.map((p) => [p.id, p.outcome]));
  const found =
    ids.length === 0
      ? []
      : await db
          .select({
            procedureId: procedures.id,
            performedOn: procedures.performedOn,
            modality: procedures.modality,
            region: procedures.region,
            side: procedures.side,
            patientId: users.id,
            name: users.name,
            mrn: users.mrn,
          })
          .from(procedures)
          .innerJoin(users, eq(users.id, procedures.patientId))
          .where(inArray(procedures.id, ids));
  await recordAudits(
    db,
    found.map((f) => ({
      actor,
      action: "patient.read",
      outcome: "success" as const,
      targetType: "user",
      targetId: f.patientId,
      patientId: f.patientId,
      ip,
      details: { view: "outcome_list" },
    })),
  );
  return found
    .map((f) => ({ ...f, category: outcome.get(f.procedureId)?.today.category ?? null }))
    .sort(
      (a, b) => a.name.localeCompare(b.name, "en") || a.performedOn.localeCompare(b.performedOn),
    );
}

/** How many procedures one refresh step reads and assesses at once (bounded memory). */
const REFRESH_BATCH = 2_000;

/**
 * Fills the outcome cache for every procedure of the clinic to date, so that nobody meets the
 * first request of the clinic's day (decision 018): run by the `outcomes.refresh` job every hour;
 * the first run after the clinic's midnight assesses everything, the others what changed.
 */
export async function refreshOutcomeCache(db: Db, now: Date = new Date()) {
  const settings = await getClinicSettings(db);
  const key: AssessmentKey = {
    asOf: todayInZone(settings.timeZone, now),
    criteria: settings.successCriteria,
  };
  const stale = (await scopedProcedures(db, null, key)).filter((r) => !r.cached);
  for (let i = 0; i < stale.length; i += REFRESH_BATCH) {
    await assessOutcomes(db, stale.slice(i, i + REFRESH_BATCH), key);
  }
  return { asOf: key.asOf, assessed: stale.length };
}

/**
 * Reads and assesses the procedures without a valid cache row and stores their outcomes
 * (./assessments/cache.ts). The category, success, relief and peak read pain and interference
 * only, which the batched read carries for every entry.
 */
function assessOutcomes(db: Db, stale: readonly Versioned[], key: AssessmentKey) {
  return assessAndStore(db, "outcome", stale, key, ({ asOf: _, ...input }) =>
    procedureOutcome(input, key.asOf),
  );
}
