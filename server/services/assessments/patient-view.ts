// What the patient sees of an assessment (their home and progress page), as the assessment cache
// stores it (kind `patient`, ./cache.ts).
import "server-only";
import type { Assessment } from "@/server/outcomes";

/**
 * What a patient sees of their assessment: the numbers and the phase, not the provider's flags
 * and suggestions (decision support for the provider, who decides and tells the patient).
 */
export type PatientAssessment = Pick<
  Assessment,
  | "asOf"
  | "day"
  | "phase"
  | "phaseMessage"
  | "category"
  | "baselinePain"
  | "currentPain"
  | "reductionPoints"
  | "reductionPct"
  | "reliefDurationDays"
  | "entryCountInWindow"
  | "lastEntryDate"
  | "checkIns"
  | "windows"
>;

export function patientView(a: Assessment): PatientAssessment {
  return {
    asOf: a.asOf,
    day: a.day,
    phase: a.phase,
    phaseMessage: a.phaseMessage,
    category: a.category,
    baselinePain: a.baselinePain,
    currentPain: a.currentPain,
    reductionPoints: a.reductionPoints,
    reductionPct: a.reductionPct,
    reliefDurationDays: a.reliefDurationDays,
    entryCountInWindow: a.entryCountInWindow,
    lastEntryDate: a.lastEntryDate,
    checkIns: a.checkIns,
    windows: a.windows,
  };
}
