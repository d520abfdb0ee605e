// Repeat-ablation policies (SPEC 11.3, docs/decisions/030-repeat-ablation-evidence.md): clinic
// settings an admin adds and edits; the care team chooses a patient's policy (their payer's). The
// evidence itself is the pure repeatEvidence (server/outcomes/repeat-evidence.ts); this reads its
// inputs and says which procedures are "at the same target".
import "server-only";
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { procedures, repeatPolicies, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { conflict, notFound } from "@/server/errors";
import {
  type Assessment,
  type AssessmentInput,
  type RepeatEvidence,
  type RepeatPolicy,
  repeatEvidence,
  sameTarget,
} from "@/server/outcomes";
import { recordAudit } from "./audit";
import { managedPatient } from "./patient-access";

export type PolicyRow = RepeatPolicy & { id: string; version: number };

const columns = {
  id: repeatPolicies.id,
  name: repeatPolicies.name,
  blockThreshold: repeatPolicies.blockThreshold,
  reliefPct: repeatPolicies.reliefPct,
  functionPct: repeatPolicies.functionPct,
  requiredDays: repeatPolicies.requiredDays,
  maxGapDays: repeatPolicies.maxGapDays,
  minIntervalDays: repeatPolicies.minIntervalDays,
  maxPerYear: repeatPolicies.maxPerYear,
  version: repeatPolicies.version,
};

/** Every policy of the clinic, by name (staff: admins edit them, providers choose one). */
export async function listPolicies(db: DbOrTx): Promise<PolicyRow[]> {
  return db.select(columns).from(repeatPolicies).orderBy(asc(repeatPolicies.name));
}

function isNameTaken(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const x = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (
      x.code === "23505" &&
      [x.constraint_name, x.constraint].includes("repeat_policies_name_lower_idx")
    )
      return true;
  }
  return false;
}
const nameTaken = () => conflict("A policy with that name already exists. Choose another name.");

export async function createPolicy(db: Db, actor: Actor, input: RepeatPolicy, ip: string | null) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(repeatPolicies)
        .values({ ...input, updatedBy: actor.id })
        .returning(columns);
      if (!row) throw notFound("policy");
      await recordAudit(tx, {
        actor,
        action: "policy.create",
        outcome: "success",
        targetType: "repeat_policy",
        targetId: row.id,
        ip,
        details: { ...input },
      });
      return row;
    });
  } catch (error) {
    if (isNameTaken(error)) throw nameTaken();
    throw error;
  }
}

export async function updatePolicy(
  db: Db,
  actor: Actor,
  input: RepeatPolicy & { id: string; version: number },
  ip: string | null,
) {
  const { id, version, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(repeatPolicies)
        .set({ ...fields, version: version + 1, updatedAt: new Date(), updatedBy: actor.id })
        .where(and(eq(repeatPolicies.id, id), eq(repeatPolicies.version, version)))
        .returning(columns);
      if (!row) {
        const [exists] = await tx
          .select({ id: repeatPolicies.id })
          .from(repeatPolicies)
          .where(eq(repeatPolicies.id, id));
        if (!exists) throw notFound("policy");
        throw conflict(
          "This policy was changed after you opened it. Reload the page to see the latest version, then make your change again.",
        );
      }
      await recordAudit(tx, {
        actor,
        action: "policy.update",
        outcome: "success",
        targetType: "repeat_policy",
        targetId: id,
        ip,
        details: { ...fields },
      });
      return row;
    });
  } catch (error) {
    if (isNameTaken(error)) throw nameTaken();
    throw error;
  }
}

/** The care team chooses the patient's policy (null: none). */
export async function setPatientPolicy(
  db: Db,
  actor: Actor,
  input: { patientId: string; policyId: string | null },
  ip: string | null,
) {
  const patient = await managedPatient(db, actor, input.patientId);
  return db.transaction(async (tx) => {
    if (input.policyId) {
      const [p] = await tx
        .select({ id: repeatPolicies.id })
        .from(repeatPolicies)
        .where(eq(repeatPolicies.id, input.policyId));
      if (!p) throw notFound("policy");
    }
    await tx
      .update(users)
      .set({ repeatPolicyId: input.policyId, updatedAt: new Date() })
      .where(eq(users.id, patient.id));
    await recordAudit(tx, {
      actor,
      action: "patient.policy",
      outcome: "success",
      targetType: "user",
      targetId: patient.id,
      patientId: patient.id,
      ip,
      details: { policyId: input.policyId },
    });
    return { policyId: input.policyId };
  });
}

/** The patient's chosen policy, or null. Callers have checked the actor may read the patient. */
export async function patientPolicy(db: DbOrTx, patientId: string): Promise<PolicyRow | null> {
  const [row] = await db
    .select(columns)
    .from(users)
    .innerJoin(repeatPolicies, eq(repeatPolicies.id, users.repeatPolicyId))
    .where(eq(users.id, patientId));
  return row ?? null;
}

type TargetOf = {
  id: string;
  performedOn: string;
  region: string;
  side: string | null;
  targets: string[];
};

/** The dates of the patient's procedures at the same target as `procedure`, up to `asOf`. */
export async function ablationsAtTarget(
  db: DbOrTx,
  patientId: string,
  procedure: TargetOf,
  asOf: string,
): Promise<string[]> {
  const rows = await db
    .select({
      id: procedures.id,
      performedOn: procedures.performedOn,
      region: procedures.region,
      side: procedures.side,
      targets: procedures.targets,
    })
    .from(procedures)
    .where(
      and(
        eq(procedures.patientId, patientId),
        isNull(procedures.deletedAt),
        lte(procedures.performedOn, asOf),
      ),
    );
  return datesAtTarget(rows, procedure, asOf);
}

/** The dates of `procs` at the same target as `procedure` (itself included), up to `asOf`. */
function datesAtTarget(procs: readonly TargetOf[], procedure: TargetOf, asOf: string): string[] {
  const dates = procs
    .filter((p) => p.performedOn <= asOf && (p.id === procedure.id || sameTarget(p, procedure)))
    .map((p) => p.performedOn);
  return [...new Set([...dates, procedure.performedOn])].sort();
}

export type ProcedureEvidence = {
  policy: PolicyRow;
  /** Whether the review shows it unasked: the procedure is in recurrence or past its relief. */
  relevant: boolean;
  result: RepeatEvidence;
  ablationsAtTarget: string[];
};

/**
 * When the evidence matters: pain came back (recurrence), or the relief documented ended a while
 * ago (its last relief window is more than a window before today, the diary gone quiet).
 */
export function evidenceRelevant(a: Pick<Assessment, "category" | "reliefUntil" | "asOf">) {
  if (a.category === "recurrence") return true;
  return (
    a.reliefUntil !== null &&
    a.reliefUntil < a.asOf &&
    a.category !== "substantial" &&
    a.category !== "moderate"
  );
}

/** The evidence of one procedure under the patient's policy (null when none is chosen). */
export async function procedureEvidence(
  db: DbOrTx,
  patientId: string,
  procedure: TargetOf,
  input: AssessmentInput,
  assessment: Assessment,
  /** The patient's policy when the caller has read it already. */
  chosen?: PolicyRow | null,
): Promise<ProcedureEvidence | null> {
  const policy = chosen === undefined ? await patientPolicy(db, patientId) : chosen;
  if (!policy) return null;
  const dates = await ablationsAtTarget(db, patientId, procedure, input.asOf);
  const result = repeatEvidence({
    procedure: input.procedure,
    entries: input.entries,
    asOf: input.asOf,
    policy,
    ablationsAtTarget: dates,
  });
  return { policy, relevant: evidenceRelevant(assessment), result, ablationsAtTarget: dates };
}

/**
 * For exports of many procedures: each patient's chosen policy and their procedures (for "the same
 * target"), read in two queries for a batch of patients.
 */
export async function evidenceContext(db: DbOrTx, patientIds: readonly string[]) {
  const ids = [...new Set(patientIds)];
  const [policies, chosen, procs] = await Promise.all([
    listPolicies(db),
    ids.length
      ? db
          .select({ id: users.id, policyId: users.repeatPolicyId })
          .from(users)
          .where(inArray(users.id, ids))
      : [],
    ids.length
      ? db
          .select({
            id: procedures.id,
            patientId: procedures.patientId,
            performedOn: procedures.performedOn,
            region: procedures.region,
            side: procedures.side,
            targets: procedures.targets,
          })
          .from(procedures)
          .where(and(inArray(procedures.patientId, ids), isNull(procedures.deletedAt)))
      : [],
  ]);
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const policyOfPatient = new Map(chosen.map((c) => [c.id, c.policyId]));
  return {
    policyOf: (patientId: string): PolicyRow | null =>
      policyById.get(policyOfPatient.get(patientId) ?? "") ?? null,
    ablationsAtTarget: (procedure: TargetOf & { patientId: string }, asOf: string) =>
      datesAtTarget(
        procs.filter((p) => p.patientId === procedure.patientId),
        procedure,
        asOf,
      ),
  };
}
