// The medical-necessity summary (SPEC 11.3, docs/decisions/030-repeat-ablation-evidence.md): the
// content of the one-page PDF a clinic sends a payer before a repeat ablation (rendered by
// server/reports/necessity-summary-pdf.tsx). For the care team and admins; audited as an export.
import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/authz/policy";
import { env } from "@/server/env";
import { badRequest, notFound } from "@/server/errors";
import { type Category, confirmTarget, daysBetween, sameTarget } from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { techniqueSummary } from "@/shared/technique";
import { readAndAssess } from "./assessments";
import { recordAudit } from "./audit";
import { judgePatientBlocks } from "./blocks";
import { exportablePatient } from "./patient-access";
import { patientProcedures } from "./procedures";
import { type ProcedureEvidence, patientPolicy, procedureEvidence } from "./repeat-policies";
import { DEFAULT_CLINIC_NAME } from "./reports";
import { getClinicSettings } from "./settings";

export type NecessitySummary = {
  clinicName: string;
  paper: "A4" | "LETTER";
  asOf: string;
  providerName: string;
  patient: { name: string; birthDate: string | null; mrn: string | null };
  procedure: {
    performedOn: string;
    modality: string;
    region: string;
    side: string | null;
    technique: string;
    baselinePain: number;
    baselineInterference: number | null;
  };
  assessment: {
    day: number;
    category: Category;
    currentPain: number | null;
    reductionPct: number | null;
    reliefUntil: string | null;
    entryCount: number;
  };
  evidence: ProcedureEvidence;
  /**
   * The diagnostic blocks at the procedure's target given up to its date, judged at the policy's
   * block threshold, and whether two of them confirmed the target.
   */
  blocks: {
    threshold: number;
    confirmed: boolean;
    discordant: boolean;
    list: Array<{
      givenOn: string;
      anesthetic: string;
      result: "positive" | "negative" | "inconclusive";
      peakReliefPct: number | null;
      reliefUntilMinutes: number | null;
      confirming: boolean;
    }>;
  };
};

export async function necessitySummary(
  db: Db,
  actor: Actor,
  input: { patientId: string; procedureId?: string | undefined; paper?: "A4" | "LETTER" },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<NecessitySummary> {
  if (actor.role === "patient") throw notFound("patient");
  const patient = await exportablePatient(db, actor, input.patientId);
  if (!(await patientPolicy(db, patient.id)))
    throw badRequest("Choose the patient's payer policy on their review page first.");
  const settings = await getClinicSettings(db);
  const asOf = todayInZone(settings.timeZone, now);
  const procs = await patientProcedures(db, patient.id);
  const procedure = input.procedureId
    ? procs.find((p) => p.id === input.procedureId)
    : (procs.find((p) => p.performedOn <= asOf) ?? procs[procs.length - 1]);
  if (!procedure) throw notFound("procedure");
  const {
    rows,
    input: assessmentInput,
    assessment,
  } = await readAndAssess(db, procedure, { asOf, criteria: settings.successCriteria });
  const evidence = await procedureEvidence(db, patient.id, procedure, assessmentInput, assessment);
  if (!evidence) throw badRequest("Choose the patient's payer policy on their review page first.");
  const judged = await judgePatientBlocks(db, patient.id, settings);
  const before = judged.blocks
    .filter((b) => b.givenOn <= procedure.performedOn && sameTarget(procedure, b))
    .reverse();
  const confirmation = confirmTarget(procedure, before);
  const confirming = new Set(confirmation.pair?.map((b) => b.id));
  await recordAudit(db, {
    actor,
    action: "report.export",
    outcome: "success",
    targetType: "user",
    targetId: patient.id,
    patientId: patient.id,
    ip,
    details: { format: "necessity.pdf", procedureId: procedure.id, policyId: evidence.policy.id },
  });
  return {
    clinicName: settings.clinicName ?? DEFAULT_CLINIC_NAME,
    paper: input.paper ?? env.REPORT_PAPER,
    asOf,
    providerName: actor.name,
    patient: { name: patient.name, birthDate: patient.dateOfBirth, mrn: patient.mrn },
    procedure: {
      performedOn: procedure.performedOn,
      modality: procedure.modality,
      region: procedure.region,
      side: procedure.side,
      technique: techniqueSummary(procedure),
      baselinePain: procedure.baselinePain,
      baselineInterference: procedure.baselineInterference,
    },
    assessment: {
      day: daysBetween(procedure.performedOn, asOf),
      category: assessment.category,
      currentPain: assessment.currentPain,
      reductionPct: assessment.reductionPct,
      reliefUntil: assessment.reliefUntil,
      entryCount: rows.length,
    },
    evidence,
    blocks: {
      threshold: judged.threshold,
      confirmed: confirmation.confirmed,
      discordant: confirmation.discordant,
      list: before.map((b) => ({
        givenOn: b.givenOn,
        anesthetic: b.anesthetic,
        result: b.assessment.result,
        peakReliefPct: b.assessment.peakReliefPct,
        reliefUntilMinutes: b.assessment.reliefUntilMinutes,
        confirming: confirming.has(b.id),
      })),
    },
  };
}
