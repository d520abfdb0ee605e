// Management decisions (docs/clinical-rules.md#vocabularies, issue 4): what a provider decided to
// do about an outcome. A decision is never edited in place: an amendment is a new row whose
// `supersedesId` points at the decision it replaces, which stays readable. Each row keeps the
// assessment it was made on.
import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { decisions, flagAcknowledgements, procedures, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, conflict, notFound } from "@/server/errors";
import {
  type Assessment,
  addDays,
  type FlagCode,
  type Strategy,
  type SuspectedFactor,
} from "@/server/outcomes";
import { assessmentKey, readAndAssess } from "./assessments";
import { recordAudit } from "./audit";
import { flagStatuses, latestAcknowledgements } from "./flags";
import { markFlagNotificationsRead, notify } from "./notifications";
import { managedPatient, readablePatient } from "./patient-access";
import { clinicToday } from "./settings";

/** A follow-up is planned at most this many days ahead. */
export const FOLLOW_UP_DAYS_MAX = 730;
const FIX_FIELDS = "Please correct the highlighted fields.";

export type DecisionFields = {
  suspectedFactors: SuspectedFactor[];
  strategies: Array<{ strategy: Strategy; note: string }>;
  rationale: string;
  followUpOn: string | null;
};

type DecisionRow = typeof decisions.$inferSelect;

export type Decision = DecisionFields & {
  id: string;
  patientId: string;
  procedureId: string;
  providerId: string;
  providerName: string | null;
  createdAt: Date;
  supersedesId: string | null;
  /** The amendment that replaced this decision; null for the current one. */
  supersededById: string | null;
  /** The flags open when it was recorded, which it acknowledged. */
  answeredFlags: FlagCode[];
  assessment: Assessment;
};

const toDecision = (
  d: DecisionRow,
  providerName: string | null,
  supersededById: string | null,
): Decision => ({
  id: d.id,
  patientId: d.patientId,
  procedureId: d.procedureId,
  providerId: d.providerId,
  providerName,
  suspectedFactors: d.suspectedFactors as SuspectedFactor[],
  strategies: d.strategies as DecisionFields["strategies"],
  rationale: d.rationale,
  followUpOn: d.followUpOn,
  createdAt: d.createdAt,
  supersedesId: d.supersedesId,
  supersededById,
  answeredFlags: d.answeredFlags as FlagCode[],
  assessment: d.assessmentSnapshot as unknown as Assessment,
});

function checkFollowUp(fields: DecisionFields, today: string) {
  if (fields.followUpOn === null) return;
  if (fields.followUpOn < today) {
    throw badRequest(FIX_FIELDS, { followUpOn: ["Choose today or a later date."] });
  }
  if (fields.followUpOn > addDays(today, FOLLOW_UP_DAYS_MAX)) {
    throw badRequest(FIX_FIELDS, { followUpOn: ["Choose a date within the next two years."] });
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

async function liveProcedure(db: DbOrTx, id: string) {
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.id, id), isNull(procedures.deletedAt)))
    .limit(1);
  if (!row) throw notFound("procedure");
  return row;
}

async function insertDecision(
  db: Db,
  actor: Actor,
  procedureId: string,
  fields: DecisionFields,
  supersedesId: string | null,
  ip: string | null,
  now: Date,
): Promise<Decision> {
  const procedure = await liveProcedure(db, procedureId);
  const patient = await managedPatient(db, actor, procedure.patientId, "procedure");
  const today = await clinicToday(db, now);
  checkFollowUp(fields, today);
  try {
    return await db.transaction(async (tx) => {
      // The snapshot: the assessment as the provider saw it when deciding; the flags open now are
      // the ones the decision answers, acknowledged below in this transaction
      // (docs/clinical-rules.md#review-states).
      const { input, assessment } = await readAndAssess(
        tx,
        procedure,
        await assessmentKey(tx, { asOf: today }),
      );
      const acks = await latestAcknowledgements(tx, [procedure.id]);
      const answeredFlags = flagStatuses(input, assessment, acks.get(procedure.id) ?? new Map())
        .filter((f) => !f.acknowledged)
        .map((f) => f.code);
      const [row] = await tx
        .insert(decisions)
        .values({
          patientId: patient.id,
          procedureId: procedure.id,
          providerId: actor.id,
          suspectedFactors: fields.suspectedFactors,
          strategies: fields.strategies,
          rationale: fields.rationale,
          followUpOn: fields.followUpOn,
          assessmentSnapshot: assessment as unknown as Record<string, unknown>,
          supersedesId,
          answeredFlags,
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error("decision not inserted");
      if (answeredFlags.length > 0) {
        await tx.insert(flagAcknowledgements).values(
          answeredFlags.map((code) => ({
            procedureId: procedure.id,
            patientId: patient.id,
            code,
            asOf: today,
            acknowledgedBy: actor.id,
            acknowledgedAt: now,
            decisionId: row.id,
          })),
        );
        await markFlagNotificationsRead(tx, procedure.id, answeredFlags, now);
      }
      await recordAudit(tx, {
        actor,
        action: supersedesId ? "decision.amend" : "decision.record",
        outcome: "success",
        targetType: "decision",
        targetId: row.id,
        patientId: patient.id,
        ip,
        details: {
          procedureId: procedure.id,
          strategies: fields.strategies.map((s) => s.strategy),
          answeredFlags,
          ...(supersedesId ? { supersedesId } : {}),
        },
      });
      await notify(tx, [
        {
          userId: patient.id,
          kind: "new_plan",
          key: `plan:${row.id}`,
          title: "Your care team recorded a new plan",
          href: "/patient",
        },
      ]);
      return toDecision(row, actor.name, null);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyAmended();
    throw error;
  }
}

const alreadyAmended = () =>
  conflict(
    "This decision has already been amended. Reload the page and amend the current version.",
  );

/** Records a decision for a procedure of a patient on the provider's care team. */
export async function recordDecision(
  db: Db,
  actor: Actor,
  input: DecisionFields & { procedureId: string },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<Decision> {
  return insertDecision(db, actor, input.procedureId, input, null, ip, now);
}

/**
 * Amends a decision: a new version linked to the old one, which stays readable. Only the current
 * version can be amended (an amended one answers CONFLICT, also when two amend it at once).
 */
export async function amendDecision(
  db: Db,
  actor: Actor,
  input: DecisionFields & { decisionId: string },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<Decision> {
  const [old] = await db
    .select({
      id: decisions.id,
      patientId: decisions.patientId,
      procedureId: decisions.procedureId,
      amended: sql<boolean>`exists (select 1 from ${decisions} s where s.supersedes_id = ${decisions.id})`,
    })
    .from(decisions)
    .where(eq(decisions.id, input.decisionId))
    .limit(1);
  if (!old) throw notFound("decision");
  await managedPatient(db, actor, old.patientId, "decision");
  if (old.amended) throw alreadyAmended();
  return insertDecision(db, actor, old.procedureId, input, old.id, ip, now);
}

/** Every decision of a patient, every version, newest first (at most 200). No scope check. */
export async function patientDecisions(db: DbOrTx, patientId: string): Promise<Decision[]> {
  const rows = await db
    .select({ decision: decisions, providerName: users.name })
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.providerId))
    .where(eq(decisions.patientId, patientId))
    .orderBy(desc(decisions.createdAt), desc(decisions.id))
    .limit(200);
  const supersededBy = new Map(
    rows
      .filter((r) => r.decision.supersedesId)
      .map((r) => [r.decision.supersedesId ?? "", r.decision.id]),
  );
  return rows.map((r) =>
    toDecision(r.decision, r.providerName, supersededBy.get(r.decision.id) ?? null),
  );
}

/** A patient's decisions for the care team (or an admin, audited). */
export async function listDecisions(
  db: Db,
  actor: Actor,
  patientId: string,
  ip: string | null = null,
): Promise<Decision[]> {
  const patient = await readablePatient(db, actor, patientId, { view: "decisions", ip });
  return patientDecisions(db, patient.id);
}

export type CurrentPlan = {
  id: string;
  strategies: DecisionFields["strategies"];
  followUpOn: string | null;
  providerName: string | null;
  decidedAt: Date;
  amended: boolean;
};

/** What the patient sees of a decision (see currentPlan). */
const planColumns = {
  id: decisions.id,
  strategies: decisions.strategies,
  followUpOn: decisions.followUpOn,
  decidedAt: decisions.createdAt,
  supersedesId: decisions.supersedesId,
  providerName: users.name,
};
/** An amendment replaced the decision. */
const replaced = sql<boolean>`exists (select 1 from ${decisions} s where s.supersedes_id = ${decisions.id})`;

const toPlan = (row: {
  id: string;
  strategies: unknown;
  followUpOn: string | null;
  decidedAt: Date;
  supersedesId: string | null;
  providerName: string | null;
}): CurrentPlan => ({
  id: row.id,
  strategies: row.strategies as DecisionFields["strategies"],
  followUpOn: row.followUpOn,
  providerName: row.providerName,
  decidedAt: row.decidedAt,
  amended: row.supersedesId !== null,
});

/**
 * The patient's current plan: their latest decision that no amendment has replaced. What the
 * patient sees: the strategies with the provider's notes, the follow-up date and who decided —
 * not the suspected factors or the rationale, which are the provider's clinical reasoning.
 */
export async function currentPlan(db: Db, actor: Actor): Promise<CurrentPlan | null> {
  const [row] = await db
    .select(planColumns)
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.providerId))
    .where(and(eq(decisions.patientId, actor.id), sql`not ${replaced}`))
    .orderBy(desc(decisions.createdAt), desc(decisions.id))
    .limit(1);
  return row ? toPlan(row) : null;
}

/** The most earlier plans the patient's plan page lists. */
export const EARLIER_PLANS_MAX = 50;

/**
 * The patient's plans (their "My plan" page): the current one as currentPlan, and the earlier
 * ones (replaced by an amendment or by a later decision), newest first, seen the same way.
 */
export async function patientPlans(
  db: Db,
  actor: Actor,
): Promise<{ current: CurrentPlan | null; earlier: CurrentPlan[] }> {
  const rows = await db
    .select({ ...planColumns, replaced })
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.providerId))
    .where(eq(decisions.patientId, actor.id))
    .orderBy(desc(decisions.createdAt), desc(decisions.id))
    .limit(EARLIER_PLANS_MAX + 1);
  const current = rows.find((r) => !r.replaced) ?? null;
  return {
    current: current ? toPlan(current) : null,
    earlier: rows
      .filter((r) => r !== current)
      .slice(0, EARLIER_PLANS_MAX)
      .map(toPlan),
  };
}
