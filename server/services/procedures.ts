// Procedures (README.md, ARCHITECTURE.md#authorization): recorded and edited by a provider on the
// patient's care team; read by the care team and, for support, by admins (audited). An edit keeps
// the earlier version in procedure_revisions, written in the same transaction.
import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { procedureRevisions, procedures, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, conflict, notFound } from "@/server/errors";
import { addDays } from "@/server/outcomes";
import { NO_TECHNIQUE, orderTargets, type Technique } from "@/shared/technique";
import type { ProcedureRow } from "./assessments";
import { recordAudit } from "./audit";
import { managedPatient, readablePatient } from "./patient-access";
import { clinicToday } from "./settings";

/** A procedure may be recorded ahead of time (a planned procedure), up to this many days. */
export const PLANNED_DAYS_MAX = 365;
const FIX_FIELDS = "Please correct the highlighted fields.";

export type ProcedureFields = {
  performedOn: string;
  modality: string;
  region: string;
  /** left, right, bilateral; null: midline or not recorded. */
  side: string | null;
  target: string;
  /** The technique (docs/clinical-rules.md#technique); every part optional. */
  targets: string[];
  rfVariant: string | null;
  lesionTempC: number | null;
  lesionSeconds: number | null;
  lesionCount: number | null;
  probeGauge: number | null;
  activeTipMm: number | null;
  imaging: string | null;
  baselinePain: number;
  baselineInterference: number | null;
  baselineLocations: string[];
  baselineQualities: string[];
  blockReliefPct: number | null;
  notes: string;
  repeatsProcedureId: string | null;
  /** The provider who performed it; null: not recorded (versions from before migration 0022). */
  performedBy: string | null;
};

/**
 * A stored earlier version. Versions stored before sides existed (migration 0012) hold
 * `laterality`, where "midline" meant no side; versions stored before the technique (migration
 * 0016) have none recorded.
 */
function revisionFields(data: Record<string, unknown>): ProcedureFields {
  const { laterality, ...fields } = data as ProcedureFields & { laterality?: string };
  const side =
    "side" in data
      ? fields.side
      : laterality === "left" || laterality === "right" || laterality === "bilateral"
        ? laterality
        : null;
  const technique = { ...NO_TECHNIQUE, targets: [] as string[] } satisfies Technique;
  return { ...technique, ...fields, performedBy: fields.performedBy ?? null, side };
}

/** The stored fields of one version, as kept in procedure_revisions. */
function fieldsOf(p: ProcedureRow): ProcedureFields {
  return {
    performedOn: p.performedOn,
    modality: p.modality,
    region: p.region,
    side: p.side,
    target: p.target,
    targets: p.targets,
    rfVariant: p.rfVariant,
    lesionTempC: p.lesionTempC,
    lesionSeconds: p.lesionSeconds,
    lesionCount: p.lesionCount,
    probeGauge: p.probeGauge,
    activeTipMm: p.activeTipMm,
    imaging: p.imaging,
    baselinePain: p.baselinePain,
    baselineInterference: p.baselineInterference,
    baselineLocations: p.baselineLocations,
    baselineQualities: p.baselineQualities,
    blockReliefPct: p.blockReliefPct,
    notes: p.notes,
    repeatsProcedureId: p.repeatsProcedureId,
    performedBy: p.performedBy,
  };
}

export type Procedure = ProcedureFields & {
  id: string;
  patientId: string;
  version: number;
  recordedBy: string;
  createdAt: Date;
  updatedAt: Date;
};

const publicProcedure = (p: ProcedureRow): Procedure => ({
  id: p.id,
  patientId: p.patientId,
  version: p.version,
  recordedBy: p.recordedBy,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  ...fieldsOf(p),
});

/** The patient's live procedures, newest first (at most 100). */
export async function patientProcedures(db: DbOrTx, patientId: string): Promise<ProcedureRow[]> {
  return db
    .select()
    .from(procedures)
    .where(and(eq(procedures.patientId, patientId), isNull(procedures.deletedAt)))
    .orderBy(desc(procedures.performedOn), desc(procedures.createdAt))
    .limit(100);
}

async function procedureRow(db: DbOrTx, id: string): Promise<ProcedureRow | null> {
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.id, id), isNull(procedures.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** Checks the date and the earlier procedure a repeat points at. */
async function checkFields(
  db: DbOrTx,
  patientId: string,
  fields: ProcedureFields,
  today: string,
  self?: string,
) {
  if (fields.performedOn > addDays(today, PLANNED_DAYS_MAX)) {
    throw badRequest(FIX_FIELDS, {
      performedOn: ["A planned procedure can be recorded at most a year ahead."],
    });
  }
  if (fields.performedOn < "1990-01-01") {
    throw badRequest(FIX_FIELDS, { performedOn: ["Enter a date from 1990 on."] });
  }
  if (fields.performedBy) {
    const [performer] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, fields.performedBy), eq(users.role, "provider")))
      .limit(1);
    if (!performer) {
      throw badRequest(FIX_FIELDS, {
        performedBy: ["Choose the provider who performed the procedure from the list."],
      });
    }
  }
  if (fields.repeatsProcedureId) {
    const earlier = await procedureRow(db, fields.repeatsProcedureId);
    if (!earlier || earlier.patientId !== patientId || earlier.id === self) {
      throw badRequest(FIX_FIELDS, {
        repeatsProcedureId: ["Choose one of this patient's earlier procedures."],
      });
    }
    if (earlier.performedOn > fields.performedOn) {
      throw badRequest(FIX_FIELDS, {
        repeatsProcedureId: ["A repeat comes after the procedure it repeats."],
      });
    }
  }
}

export async function recordProcedure(
  db: Db,
  actor: Actor,
  input: ProcedureFields & { patientId: string },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<Procedure> {
  const patient = await managedPatient(db, actor, input.patientId);
  const { patientId: _patientId, ...given } = input;
  // Performed by the provider recording it unless the form names another.
  const fields = {
    ...given,
    targets: orderTargets(given.targets),
    performedBy: given.performedBy ?? actor.id,
  };
  await checkFields(db, patient.id, fields, await clinicToday(db, now));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(procedures)
      .values({ ...fields, patientId: patient.id, recordedBy: actor.id })
      .returning();
    if (!row) throw new Error("procedure not inserted");
    await recordAudit(tx, {
      actor,
      action: "procedure.record",
      outcome: "success",
      targetType: "procedure",
      targetId: row.id,
      patientId: patient.id,
      ip,
    });
    return publicProcedure(row);
  });
}

/**
 * Edits a procedure: the current version moves to procedure_revisions and the row gets the next
 * version, in one transaction. `version` is the one the provider edited; if it has changed since,
 * the edit is refused.
 */
export async function updateProcedure(
  db: Db,
  actor: Actor,
  input: ProcedureFields & { id: string; version: number },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<Procedure> {
  const current = await procedureRow(db, input.id);
  if (!current) throw notFound("procedure");
  await managedPatient(db, actor, current.patientId, "procedure");
  const { id, version, ...given } = input;
  const fields = { ...given, targets: orderTargets(given.targets) };
  await checkFields(db, current.patientId, fields, await clinicToday(db, now), id);
  const changedElsewhere = () =>
    conflict(
      "This procedure was changed after you opened it. Reload the page to see the latest version, then make your change again.",
    );
  if (current.version !== version) throw changedElsewhere();
  if (JSON.stringify(fieldsOf(current)) === JSON.stringify({ ...fieldsOf(current), ...fields })) {
    throw badRequest("Nothing has changed.");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(procedures)
      // recordedBy / updatedAt say who wrote this version and when, as in procedure_revisions.
      .set({ ...fields, version: version + 1, recordedBy: actor.id, updatedAt: now })
      .where(
        and(eq(procedures.id, id), eq(procedures.version, version), isNull(procedures.deletedAt)),
      )
      .returning();
    if (!row) throw changedElsewhere();
    await tx.insert(procedureRevisions).values({
      procedureId: id,
      version: current.version,
      data: fieldsOf(current),
      recordedBy: current.recordedBy,
      recordedAt: current.updatedAt,
    });
    await recordAudit(tx, {
      actor,
      action: "procedure.update",
      outcome: "success",
      targetType: "procedure",
      targetId: id,
      patientId: current.patientId,
      ip,
      details: { version: row.version },
    });
    return publicProcedure(row);
  });
}

/**
 * The providers a procedure can be performed by (the form's list), by name: the form offers the
 * active ones, and a deactivated one only where an earlier procedure already names them.
 */
export async function performers(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.role, "provider"))
    .orderBy(users.name)
    .limit(1000);
}

/** The names of the providers who performed these procedures, by id. */
export async function performerNames(db: DbOrTx, rows: readonly { performedBy: string | null }[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.performedBy ? [r.performedBy] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const found = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

/** A patient's procedures for the care team (or an admin, audited), newest first. */
export async function listProcedures(
  db: Db,
  actor: Actor,
  patientId: string,
  ip: string | null = null,
): Promise<Procedure[]> {
  const patient = await readablePatient(db, actor, patientId, { view: "procedures", ip });
  return (await patientProcedures(db, patient.id)).map(publicProcedure);
}

export type ProcedureVersion = ProcedureFields & {
  version: number;
  recordedAt: Date;
  recordedByName: string | null;
};

/** One procedure with every version, the current one first. */
export async function getProcedure(db: Db, actor: Actor, id: string, ip: string | null = null) {
  const row = await procedureRow(db, id);
  if (!row) throw notFound("procedure");
  await readablePatient(db, actor, row.patientId, { view: "procedure", ip, record: "procedure" });
  const revisions = await db
    .select({
      version: procedureRevisions.version,
      data: procedureRevisions.data,
      recordedAt: procedureRevisions.recordedAt,
      recordedByName: users.name,
    })
    .from(procedureRevisions)
    .leftJoin(users, eq(users.id, procedureRevisions.recordedBy))
    .where(eq(procedureRevisions.procedureId, id))
    .orderBy(desc(procedureRevisions.version))
    .limit(100);
  const [recorder] = await db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, row.recordedBy))
    .limit(1);
  const versions: ProcedureVersion[] = [
    {
      ...fieldsOf(row),
      version: row.version,
      recordedAt: row.updatedAt,
      recordedByName: recorder?.name ?? null,
    },
    ...revisions.map((r) => ({
      ...revisionFields(r.data),
      version: r.version,
      recordedAt: r.recordedAt,
      recordedByName: r.recordedByName,
    })),
  ];
  return { procedure: publicProcedure(row), versions };
}
