// One patient's records leaving the portal (docs/decisions/015-fhir-export.md, issue 12): the FHIR
// `$everything` Bundle, the visit report's content (rendered to PDF by server/reports/) and the
// diary as CSV. For the care team, admins (for support) and the patient themself; every export is
// audited.
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { diaryEntries, procedures } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { env } from "@/server/env";
import { notFound } from "@/server/errors";
import {
  type Audience,
  type FhirDecisionInput,
  type FhirEntryInput,
  type PatientRecord,
  patientBundle,
} from "@/server/fhir/map";
import {
  type Assessment,
  daysBetween,
  type FlagCode,
  type Location,
  locationLabel,
  type Pgic,
  pgicLabels,
  type Quality,
  qualityLabels,
  type Severity,
} from "@/server/outcomes";
import { todayInZone } from "@/server/time";
import { csvRow } from "@/shared/csv";
import { techniqueSummary } from "@/shared/technique";
import { assessedEntryColumns, interferenceOf, readAndAssess } from "./assessments";
import { recordAudit } from "./audit";
import { formatClinicTime } from "./audit-log";
import { patientBlocksForExport } from "./blocks";
import { reportCheckInQr } from "./check-in-links";
import { type Decision, patientDecisions } from "./decisions";
import { flagStatuses, latestAcknowledgements } from "./flags";
import { exportablePatient, type PatientIdentity } from "./patient-access";
import { patientProcedures } from "./procedures";
import { getClinicSettings } from "./settings";

export type ReportFormat = "fhir" | "pdf" | "diary.csv";

/** The most diary entries one export reads (decades of daily entries). */
const ENTRIES_MAX = 20_000;

/** The report's heading until an admin names the clinic in the settings. */
export const DEFAULT_CLINIC_NAME = "Ablation Follow-up Clinic";

const audienceOf = (actor: Actor): Audience => (actor.role === "patient" ? "patient" : "staff");

/** Scope check and the audit row every export leaves. */
async function exportPatient(
  db: Db,
  actor: Actor,
  patientId: string,
  format: ReportFormat,
  ip: string | null,
  details: Record<string, unknown> = {},
): Promise<PatientIdentity> {
  const patient = await exportablePatient(db, actor, patientId);
  await recordAudit(db, {
    actor,
    action: "report.export",
    outcome: "success",
    targetType: "user",
    targetId: patient.id,
    patientId: patient.id,
    ip,
    details: { format, ...details },
  });
  return patient;
}

/** Live diary rows of a patient (of procedures that are not deleted), oldest first. */
function liveEntries(db: DbOrTx, patientId: string) {
  return db
    .select({
      ...assessedEntryColumns,
      id: diaryEntries.id,
      procedureId: diaryEntries.procedureId,
      medication: diaryEntries.medication,
      note: diaryEntries.note,
      checkInDay: diaryEntries.checkInDay,
      updatedAt: diaryEntries.updatedAt,
    })
    .from(diaryEntries)
    .innerJoin(procedures, eq(procedures.id, diaryEntries.procedureId))
    .where(
      and(
        eq(diaryEntries.patientId, patientId),
        isNull(diaryEntries.deletedAt),
        isNull(procedures.deletedAt),
      ),
    )
    .orderBy(asc(diaryEntries.entryDate))
    .limit(ENTRIES_MAX);
}

/** Decisions as FHIR input: the current plan is the newest decision no amendment replaced. */
export function decisionInputs(list: readonly Decision[]): FhirDecisionInput[] {
  const current = list.find((d) => d.supersededById === null)?.id;
  return list.map((d) => ({
    id: d.id,
    patientId: d.patientId,
    procedureId: d.procedureId,
    createdAt: d.createdAt,
    providerName: d.providerName,
    strategies: d.strategies,
    followUpOn: d.followUpOn,
    supersedesId: d.supersedesId,
    current: d.id === current,
    suspectedFactors: d.suspectedFactors,
    rationale: d.rationale,
  }));
}

/**
 * `GET /api/fhir/Patient/<id>/$everything`: the patient's record as a FHIR R4 `collection`
 * Bundle. A patient gets their own copy without the provider's reasoning.
 */
export async function fhirEverything(
  db: Db,
  actor: Actor,
  patientId: string,
  opts: { baseUrl: string; ip?: string | null; now?: Date },
) {
  const patient = await exportPatient(db, actor, patientId, "fhir", opts.ip ?? null);
  const [procs, entries, decisionList, blocks] = await Promise.all([
    patientProcedures(db, patient.id),
    liveEntries(db, patient.id),
    patientDecisions(db, patient.id),
    patientBlocksForExport(db, patient.id),
  ]);
  const record: PatientRecord = {
    patient: { ...patient, birthDate: patient.dateOfBirth },
    procedures: [...procs].reverse(),
    entries: entries.map(
      (e): FhirEntryInput => ({
        id: e.id,
        patientId: patient.id,
        procedureId: e.procedureId,
        entryDate: e.entryDate,
        painAverage: e.painAverage,
        locations: e.locations,
        qualities: e.qualities,
        siteSoreness: e.siteSoreness,
        enjoyment: e.enjoyment,
        activity: e.activity,
        pgic: e.pgic,
        checkInDay: e.checkInDay,
        updatedAt: e.updatedAt,
      }),
    ),
    decisions: decisionInputs(decisionList),
    blocks,
  };
  return patientBundle(record, {
    baseUrl: opts.baseUrl,
    timestamp: opts.now ?? new Date(),
    audience: audienceOf(actor),
  });
}

/** `YYYY-MM-DD` of a stored instant in the clinic's zone. */
const clinicDay = (at: Date, timeZone: string) => todayInZone(timeZone, at);

export type VisitReport = {
  audience: Audience;
  clinicName: string;
  paper: "A4" | "LETTER";
  generatedAt: string;
  generatedBy: string;
  patient: { name: string; email: string; birthDate: string | null; mrn: string | null };
  /**
   * A QR code (PNG data URL) of a one-tap link to the check-in open today, when a provider of the
   * care team prints the report (docs/decisions/038-one-tap-check-ins.md); null otherwise.
   */
  checkInQr: { png: string; checkInName: string; until: string } | null;
  procedure: {
    performedOn: string;
    modality: string;
    region: string;
    side: string | null;
    target: string;
    /** The technique in one line (docs/clinical-rules.md#technique); empty when not recorded. */
    technique: string;
    baselinePain: number;
    baselineInterference: number | null;
    /** Provider-only; empty in the patient's copy. */
    notes: string;
  } | null;
  /** Other procedures of the patient (dates), for the banner. */
  procedureCount: number;
  assessment: Assessment | null;
  chart: {
    points: Array<{ day: number; pain: number; interference: number | null }>;
    averages: Array<{ day: number; pain: number }>;
  };
  /** Raised flags no acknowledgement covers; none in the patient's copy. */
  openFlags: Array<{ code: FlagCode; severity: Severity; sentence: string }>;
  /** Raised flags an acknowledgement (or a decision) answers, with when and by whom; staff only. */
  answeredFlags: Array<{
    code: FlagCode;
    severity: Severity;
    sentence: string;
    answeredOn: string;
    byName: string | null;
    withDecision: boolean;
  }>;
  checkIns: Array<{ day: number; date: string; status: string; answer: string | null }>;
  /** The current plan (the patient's latest decision no amendment replaced). */
  plan: {
    decidedOn: string;
    providerName: string | null;
    strategies: Array<{ strategy: string; note: string }>;
    followUpOn: string | null;
  } | null;
  /** The procedure's decisions, newest first (staff copy only). */
  decisions: Array<{
    decidedOn: string;
    providerName: string | null;
    strategies: string[];
    suspectedFactors: string[];
    rationale: string;
    followUpOn: string | null;
    amended: boolean;
    current: boolean;
  }>;
};

/**
 * The content of a visit report for one procedure (the latest one performed by today, unless
 * `procedureId` is given): the assessment of docs/clinical-rules.md, the chart's points, open
 * flags, check-in answers, decisions and the current plan. A patient's own copy leaves out what is
 * for the care team only (flags, the provider's reasoning, procedure notes).
 */
export async function visitReport(
  db: Db,
  actor: Actor,
  input: { patientId: string; procedureId?: string | undefined; paper?: "A4" | "LETTER" },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<VisitReport> {
  const audience = audienceOf(actor);
  const patient = await exportPatient(db, actor, input.patientId, "pdf", ip, {
    ...(input.procedureId ? { procedureId: input.procedureId } : {}),
  });
  const settings = await getClinicSettings(db);
  const asOf = todayInZone(settings.timeZone, now);
  const [procs, decisionList] = await Promise.all([
    patientProcedures(db, patient.id),
    patientDecisions(db, patient.id),
  ]);
  const procedure = input.procedureId
    ? procs.find((p) => p.id === input.procedureId)
    : (procs.find((p) => p.performedOn <= asOf) ?? procs[procs.length - 1]);
  if (input.procedureId && !procedure) throw notFound("procedure");

  const currentDecision = decisionList.find((d) => d.supersededById === null) ?? null;
  const qr = await reportCheckInQr(db, actor, patient, now);
  const base = {
    audience,
    clinicName: settings.clinicName ?? DEFAULT_CLINIC_NAME,
    paper: input.paper ?? env.REPORT_PAPER,
    generatedAt: formatClinicTime(now, settings.timeZone).slice(0, 16),
    generatedBy: actor.name,
    patient: {
      name: patient.name,
      email: patient.email,
      birthDate: patient.dateOfBirth,
      mrn: patient.mrn,
    },
    checkInQr: qr
      ? {
          png: qr.png,
          checkInName: qr.checkInName,
          until: clinicDay(qr.expiresAt, settings.timeZone),
        }
      : null,
    procedureCount: procs.length,
    plan: currentDecision
      ? {
          decidedOn: clinicDay(currentDecision.createdAt, settings.timeZone),
          providerName: currentDecision.providerName,
          strategies: currentDecision.strategies,
          followUpOn: currentDecision.followUpOn,
        }
      : null,
  };
  if (!procedure) {
    return {
      ...base,
      procedure: null,
      assessment: null,
      chart: { points: [], averages: [] },
      openFlags: [],
      answeredFlags: [],
      checkIns: [],
      decisions: [],
    };
  }

  const [{ rows, input: assessmentInput, assessment }, acks] = await Promise.all([
    readAndAssess(
      db,
      procedure,
      { asOf, criteria: settings.successCriteria },
      { extra: { checkInDay: diaryEntries.checkInDay }, limit: ENTRIES_MAX },
    ),
    latestAcknowledgements(db, [procedure.id]),
  ]);
  const statuses =
    audience === "staff"
      ? flagStatuses(assessmentInput, assessment, acks.get(procedure.id) ?? new Map())
      : [];
  const openFlags = statuses
    .filter((f) => !f.acknowledged)
    .map(({ code, severity, sentence }) => ({ code, severity, sentence }));
  const answeredFlags = statuses.flatMap(
    ({ code, severity, sentence, acknowledged, acknowledgement: a }) =>
      acknowledged && a
        ? [
            {
              code,
              severity,
              sentence,
              answeredOn: a.asOf,
              byName: a.byName,
              withDecision: a.decisionId !== null,
            },
          ]
        : [],
  );
  const answers = new Map(
    rows.flatMap((r) => (r.pgic && r.checkInDay ? [[r.checkInDay, r.pgic]] : [])),
  );
  return {
    ...base,
    procedure: {
      performedOn: procedure.performedOn,
      modality: procedure.modality,
      region: procedure.region,
      side: procedure.side,
      target: procedure.target,
      technique: techniqueSummary(procedure),
      baselinePain: procedure.baselinePain,
      baselineInterference: procedure.baselineInterference,
      notes: audience === "staff" ? procedure.notes : "",
    },
    assessment,
    chart: {
      points: rows.map((r) => ({
        day: daysBetween(procedure.performedOn, r.entryDate),
        pain: r.painAverage,
        interference: interferenceOf(r),
      })),
      averages: assessment.windows.map((w) => ({ day: w.endDay, pain: w.meanPain })),
    },
    openFlags,
    answeredFlags,
    checkIns: assessment.checkIns.map((c) => {
      const answer = c.status === "answered" ? answers.get(c.day) : undefined;
      return {
        day: c.day,
        date: c.date,
        status: c.status,
        answer: answer ? (pgicLabels[answer as Pgic] ?? answer) : null,
      };
    }),
    decisions:
      audience === "staff"
        ? decisionList
            .filter((d) => d.procedureId === procedure.id)
            .map((d) => ({
              decidedOn: clinicDay(d.createdAt, settings.timeZone),
              providerName: d.providerName,
              strategies: d.strategies.map((s) => s.strategy),
              suspectedFactors: d.suspectedFactors,
              rationale: d.rationale,
              followUpOn: d.followUpOn,
              amended: d.supersedesId !== null,
              current: d.id === currentDecision?.id,
            }))
        : [],
  };
}

const DIARY_COLUMNS = [
  "entry_date",
  "procedure_id",
  "day",
  "pain_average",
  "enjoyment",
  "activity",
  "interference",
  "locations",
  "qualities",
  "site_soreness",
  "pgic",
  "check_in_day",
  "medication",
  "note",
];

/**
 * A patient's diary as CSV, one row per live entry, formula-safe (server/csv.ts). The patient's
 * own words (medication, note) are theirs and their care team's, so they are included.
 */
export async function diaryCsv(db: Db, actor: Actor, patientId: string, ip: string | null = null) {
  const patient = await exportPatient(db, actor, patientId, "diary.csv", ip);
  const [procs, entries] = await Promise.all([
    patientProcedures(db, patient.id),
    liveEntries(db, patient.id),
  ]);
  const performedOn = new Map(procs.map((p) => [p.id, p.performedOn]));
  const lines = [csvRow(DIARY_COLUMNS)];
  for (const e of entries) {
    const start = performedOn.get(e.procedureId);
    lines.push(
      csvRow([
        e.entryDate,
        e.procedureId,
        start ? daysBetween(start, e.entryDate) : null,
        e.painAverage,
        e.enjoyment,
        e.activity,
        interferenceOf(e),
        e.locations.map((l) => locationLabel(l as Location)).join("; "),
        e.qualities.map((q) => qualityLabels[q as Quality] ?? q).join("; "),
        e.siteSoreness ? "yes" : "no",
        e.pgic ? (pgicLabels[e.pgic as Pgic] ?? e.pgic) : null,
        e.checkInDay,
        e.medication,
        e.note,
      ]),
    );
  }
  return { patient, csv: lines.join("") };
}
