// Flag acknowledgements (issue 4; docs/decisions/006-flag-acknowledgement.md). A provider marks a
// raised flag reviewed; the acknowledgement covers the flag's current episode: it stays quiet while
// the flag is raised on every day since the acknowledgement's day, and once the flag has cleared on
// some day after it, a flag raised again is loud again.
import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { flagAcknowledgements, procedures, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound } from "@/server/errors";
import {
  type Assessment,
  type AssessmentInput,
  addDays,
  type Flag,
  type FlagCode,
  flagsOnDates,
} from "@/server/outcomes";
import { assessProcedure } from "./assessments";
import { recordAudit } from "./audit";
import { markFlagNotificationsRead } from "./notifications";
import { managedPatient } from "./patient-access";
import { clinicToday } from "./settings";

export type Acknowledgement = {
  procedureId: string;
  code: FlagCode;
  /** The clinic day it was made on. */
  asOf: string;
  note: string;
  acknowledgedAt: Date;
  byName: string | null;
  /** The decision that answered the flag; null when it was marked reviewed on its own. */
  decisionId: string | null;
};

export type FlagStatus = Flag & {
  /** The latest acknowledgement of this flag for the procedure, if any. */
  acknowledgement: Acknowledgement | null;
  /** True when that acknowledgement covers the flag now (shown quieter). */
  acknowledged: boolean;
};

/**
 * Which raised flags their latest acknowledgement still covers. Pure: the engine is run on each
 * day from the day after the oldest acknowledgement to the day before `assessment.asOf`, once for
 * all flags; a flag is covered when it was raised on every one of its days.
 */
export function flagStatuses(
  input: Omit<AssessmentInput, "asOf">,
  assessment: Assessment,
  acks: ReadonlyMap<string, Acknowledgement>,
): FlagStatus[] {
  const { asOf } = assessment;
  // The days to look back on: from the day after the oldest acknowledgement to the day before asOf.
  const oldest = assessment.flags
    .map((f) => acks.get(f.code)?.asOf)
    .filter((d): d is string => d !== undefined && d < asOf)
    .sort()[0];
  const days: string[] = [];
  if (oldest) for (let d = addDays(oldest, 1); d < asOf; d = addDays(d, 1)) days.push(d);
  const raised = flagsOnDates(input, days).map((flags) => new Set(flags.map((f) => f.code)));

  return assessment.flags.map((flag) => {
    const ack = acks.get(flag.code) ?? null;
    // Covered when the flag was raised on every day after the acknowledgement's day.
    const acknowledged =
      ack !== null &&
      raised.every((codes, i) => (days[i] ?? "") <= ack.asOf || codes.has(flag.code));
    return { ...flag, acknowledgement: ack, acknowledged };
  });
}

/** The latest acknowledgement per flag code of each procedure: procedure id -> code -> ack. */
export async function latestAcknowledgements(
  db: DbOrTx,
  procedureIds: readonly string[],
): Promise<Map<string, Map<string, Acknowledgement>>> {
  const byProcedure = new Map<string, Map<string, Acknowledgement>>();
  if (procedureIds.length === 0) return byProcedure;
  for (const r of await latestAcknowledgementsQuery(db, procedureIds)) groupAck(byProcedure, r);
  return byProcedure;
}

/** The query of latestAcknowledgements (the benchmark runs its SQL directly). */
export function latestAcknowledgementsQuery(db: DbOrTx, procedureIds: readonly string[]) {
  return db
    .selectDistinctOn([flagAcknowledgements.procedureId, flagAcknowledgements.code], {
      procedureId: flagAcknowledgements.procedureId,
      code: flagAcknowledgements.code,
      asOf: flagAcknowledgements.asOf,
      note: flagAcknowledgements.note,
      acknowledgedAt: flagAcknowledgements.acknowledgedAt,
      byName: users.name,
      decisionId: flagAcknowledgements.decisionId,
    })
    .from(flagAcknowledgements)
    .leftJoin(users, eq(users.id, flagAcknowledgements.acknowledgedBy))
    .where(inArray(flagAcknowledgements.procedureId, [...procedureIds]))
    .orderBy(
      flagAcknowledgements.procedureId,
      flagAcknowledgements.code,
      desc(flagAcknowledgements.asOf),
      desc(flagAcknowledgements.acknowledgedAt),
    );
}

export function groupAck(
  byProcedure: Map<string, Map<string, Acknowledgement>>,
  row: Omit<Acknowledgement, "code"> & { code: string },
) {
  let acks = byProcedure.get(row.procedureId);
  if (!acks) {
    acks = new Map();
    byProcedure.set(row.procedureId, acks);
  }
  acks.set(row.code, { ...row, code: row.code as FlagCode });
}

/**
 * Marks a raised flag of a procedure reviewed, as of the clinic's today. Only a provider on the
 * patient's care team; a flag that is not raised today cannot be acknowledged.
 */
export async function acknowledgeFlag(
  db: Db,
  actor: Actor,
  input: { procedureId: string; code: FlagCode; note: string },
  ip: string | null = null,
  now: Date = new Date(),
) {
  const [procedure] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.id, input.procedureId), isNull(procedures.deletedAt)))
    .limit(1);
  if (!procedure) throw notFound("procedure");
  const patient = await managedPatient(db, actor, procedure.patientId, "procedure");
  const today = await clinicToday(db, now);
  const assessment = await assessProcedure(db, procedure, { asOf: today });
  if (!assessment.flags.some((f) => f.code === input.code)) {
    throw badRequest("This flag is not raised any more; reload the page to see the latest.");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(flagAcknowledgements)
      .values({
        procedureId: procedure.id,
        patientId: patient.id,
        code: input.code,
        asOf: today,
        note: input.note,
        acknowledgedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("acknowledgement not inserted");
    await markFlagNotificationsRead(tx, procedure.id, [input.code], now);
    await recordAudit(tx, {
      actor,
      action: "flag.acknowledge",
      outcome: "success",
      targetType: "procedure",
      targetId: procedure.id,
      patientId: patient.id,
      ip,
      details: { code: input.code },
    });
    return { id: row.id, code: input.code, asOf: today };
  });
}
