// Diagnostic blocks, the provider's side (docs/clinical-rules.md#diagnostic-blocks,
// docs/decisions/037-diagnostic-blocks.md): recorded and removed by a provider on the patient's
// care team, read by the care team and (for support, audited) admins. Each block is judged by the
// pure assessBlock at the patient's policy's block threshold, and each target by confirmTarget.
// The patient's answers (block_records) are written by the block diary (block-diary.ts).
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { blockRecords, diagnosticBlocks } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound } from "@/server/errors";
import type { FhirBlockInput } from "@/server/fhir/map";
import {
  type Anesthetic,
  assessBlock,
  type BlockAssessment,
  type BlockRecord,
  blockWhy,
  confirmTarget,
  type JudgedBlock,
} from "@/server/outcomes";
import { DEFAULT_BLOCK_THRESHOLD } from "@/server/outcomes/pathway-vocab";
import { todayInZone, zonedInstant } from "@/server/time";
import { orderTargets } from "@/shared/technique";
import { recordAudit } from "./audit";
import { managedPatient, readablePatient } from "./patient-access";
import { patientPolicy } from "./repeat-policies";
import { type ClinicSettings, getClinicSettings } from "./settings";

/** A block may be recorded after the fact (from a paper chart), up to this many days. */
export const BLOCK_RECORD_DAYS_MAX = 365;
const FIX_FIELDS = "Please correct the highlighted fields.";

export type RecordBlockInput = {
  patientId: string;
  /** When it was given, on the clinic's clock: "YYYY-MM-DD" and "HH:MM". */
  givenOn: string;
  givenTime: string;
  region: string;
  side: string | null;
  targets: string[];
  anesthetic: Anesthetic;
  prePain: number;
  note: string;
};

export type BlockAnswer = {
  minutesAfter: number;
  pain: number;
  activityTried: boolean | null;
  recordedAt: Date;
};

export type JudgedBlockView = JudgedBlock & {
  givenAt: Date;
  prePain: number;
  note: string;
  threshold: number;
  records: BlockAnswer[];
  why: string;
};

export type BlockTargetConfirmation = {
  region: string;
  side: string | null;
  targets: string[];
  confirmed: boolean;
  /** The ids of the two positive blocks that confirm it. */
  pairIds: [string, string] | null;
  discordant: boolean;
};

export type PatientBlocks = {
  /** The block threshold used: the patient's policy's, else DEFAULT_BLOCK_THRESHOLD. */
  threshold: number;
  policyName: string | null;
  /** Newest first. */
  blocks: JudgedBlockView[];
  /** One per distinct target blocked (region, side, target set), in the order first blocked. */
  confirmations: BlockTargetConfirmation[];
  /** The clinic's hours of relief per anesthetic (for the block form). */
  anestheticHours: Record<Anesthetic, number>;
};

/**
 * The patient's live blocks, judged (no authorization, no audit: callers have checked the actor
 * may read the patient).
 */
export async function judgePatientBlocks(
  db: DbOrTx,
  patientId: string,
  settings?: ClinicSettings,
): Promise<PatientBlocks> {
  const [clinic, policy, rows] = await Promise.all([
    settings ?? getClinicSettings(db),
    patientPolicy(db, patientId),
    db
      .select()
      .from(diagnosticBlocks)
      .where(and(eq(diagnosticBlocks.patientId, patientId), isNull(diagnosticBlocks.deletedAt)))
      .orderBy(desc(diagnosticBlocks.givenAt))
      .limit(100),
  ]);
  const threshold = policy?.blockThreshold ?? DEFAULT_BLOCK_THRESHOLD;
  const answers = rows.length
    ? await db
        .select()
        .from(blockRecords)
        .where(
          inArray(
            blockRecords.blockId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(blockRecords.recordedAt), asc(blockRecords.id))
    : [];
  const blocks = rows.map((row): JudgedBlockView => {
    const anesthetic = row.anesthetic as Anesthetic;
    const agentMinHours = clinic.anestheticHours[anesthetic];
    const records = answers
      .filter((a) => a.blockId === row.id)
      .map((a) => ({
        minutesAfter: a.minutesAfter,
        pain: a.pain,
        activityTried: a.activityTried,
        recordedAt: a.recordedAt,
      }));
    const input = { prePain: row.prePain, agentMinHours, threshold };
    const assessment: BlockAssessment = assessBlock({ ...input, records });
    return {
      id: row.id,
      givenAt: row.givenAt,
      givenOn: todayInZone(clinic.timeZone, row.givenAt),
      region: row.region,
      side: row.side,
      targets: orderTargets(row.targets),
      anesthetic,
      agentMinHours,
      prePain: row.prePain,
      note: row.note,
      threshold,
      records: [...records].sort((a, b) => a.minutesAfter - b.minutesAfter),
      assessment,
      why: blockWhy(input, assessment, records satisfies BlockRecord[]),
    };
  });
  const confirmations: BlockTargetConfirmation[] = [];
  const seen = new Set<string>();
  for (const b of [...blocks].reverse()) {
    const key = `${b.region}|${b.side ?? ""}|${[...b.targets].sort().join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = confirmTarget(b, blocks);
    confirmations.push({
      region: b.region,
      side: b.side,
      targets: [...b.targets],
      confirmed: c.confirmed,
      pairIds: c.pair ? [c.pair[0].id, c.pair[1].id] : null,
      discordant: c.discordant,
    });
  }
  return {
    threshold,
    policyName: policy?.name ?? null,
    blocks,
    confirmations,
    anestheticHours: clinic.anestheticHours,
  };
}

/** The care team's and (for support) admins' view of a patient's blocks; the read is audited. */
export async function listBlocks(db: DbOrTx, actor: Actor, patientId: string, ip: string | null) {
  const patient = await readablePatient(db, actor, patientId, { view: "blocks", ip });
  return judgePatientBlocks(db, patient.id);
}

/** A provider of the care team records a block; the patient's block diary opens at once. */
export async function recordBlock(
  db: Db,
  actor: Actor,
  input: RecordBlockInput,
  ip: string | null,
  now: Date = new Date(),
): Promise<{ id: string }> {
  const patient = await managedPatient(db, actor, input.patientId);
  const settings = await getClinicSettings(db);
  const givenAt = zonedInstant(input.givenOn, input.givenTime, settings.timeZone);
  if (givenAt.getTime() > now.getTime() + 5 * 60_000) {
    throw badRequest(FIX_FIELDS, {
      givenTime: ["The block's time is in the future: record it once it is given."],
    });
  }
  if (givenAt.getTime() < now.getTime() - BLOCK_RECORD_DAYS_MAX * 86_400_000) {
    throw badRequest(FIX_FIELDS, { givenOn: ["A block can be recorded up to a year later."] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(diagnosticBlocks)
      .values({
        patientId: patient.id,
        givenAt,
        region: input.region,
        side: input.side,
        targets: orderTargets(input.targets),
        anesthetic: input.anesthetic,
        prePain: input.prePain,
        note: input.note,
        recordedBy: actor.id,
      })
      .returning({ id: diagnosticBlocks.id });
    if (!row) throw new Error("block not stored");
    await recordAudit(tx, {
      actor,
      action: "block.record",
      outcome: "success",
      targetType: "diagnostic_block",
      targetId: row.id,
      patientId: patient.id,
      ip,
    });
    return { id: row.id };
  });
}

/** A block recorded in error is removed (kept, marked deleted); its answers no longer count. */
export async function removeBlock(
  db: Db,
  actor: Actor,
  id: string,
  ip: string | null,
): Promise<{ id: string }> {
  const [block] = await db
    .select({ id: diagnosticBlocks.id, patientId: diagnosticBlocks.patientId })
    .from(diagnosticBlocks)
    .where(and(eq(diagnosticBlocks.id, id), isNull(diagnosticBlocks.deletedAt)))
    .limit(1);
  if (!block) throw notFound("block");
  await managedPatient(db, actor, block.patientId, "block");
  await db.transaction(async (tx) => {
    await tx
      .update(diagnosticBlocks)
      .set({ deletedAt: new Date(), deletedBy: actor.id })
      .where(eq(diagnosticBlocks.id, block.id));
    await recordAudit(tx, {
      actor,
      action: "block.remove",
      outcome: "success",
      targetType: "diagnostic_block",
      targetId: block.id,
      patientId: block.patientId,
      ip,
    });
  });
  return { id: block.id };
}

// ---- For the FHIR exports (docs/decisions/015-fhir-export.md) ----

type BlockRow = typeof diagnosticBlocks.$inferSelect;

async function withAnswers(db: DbOrTx, rows: readonly BlockRow[]): Promise<FhirBlockInput[]> {
  if (rows.length === 0) return [];
  const answers = await db
    .select()
    .from(blockRecords)
    .where(
      inArray(
        blockRecords.blockId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(blockRecords.minutesAfter), asc(blockRecords.recordedAt));
  return rows.map((b) => ({
    id: b.id,
    patientId: b.patientId,
    givenAt: b.givenAt,
    region: b.region,
    side: b.side,
    targets: b.targets,
    anesthetic: b.anesthetic,
    prePain: b.prePain,
    records: answers
      .filter((a) => a.blockId === b.id)
      .map((a) => ({
        id: a.id,
        minutesAfter: a.minutesAfter,
        pain: a.pain,
        activityTried: a.activityTried,
        recordedAt: a.recordedAt,
      })),
  }));
}

/** The patient's live blocks with their answers, oldest first (no authorization: callers check). */
export async function patientBlocksForExport(db: DbOrTx, patientId: string) {
  const rows = await db
    .select()
    .from(diagnosticBlocks)
    .where(and(eq(diagnosticBlocks.patientId, patientId), isNull(diagnosticBlocks.deletedAt)))
    .orderBy(asc(diagnosticBlocks.givenAt));
  return withAnswers(db, rows);
}

/** The clinic's live blocks after `after` (by id), `limit` at a time, for the bulk export. */
export async function blocksAfter(db: DbOrTx, after: string, limit: number) {
  const rows = await db
    .select()
    .from(diagnosticBlocks)
    .where(and(gt(diagnosticBlocks.id, after), isNull(diagnosticBlocks.deletedAt)))
    .orderBy(asc(diagnosticBlocks.id))
    .limit(limit);
  return withAnswers(db, rows);
}
