// Shared vocabularies of the clinical rules (docs/clinical-rules.md), defined once as zod
// enums and reused by schemas, forms and tests.
import { z } from "zod";
import {
  CHANGES,
  LOCATIONS,
  locationLabel,
  PGIC_ANSWERS,
  QUALITIES,
  REGIONS,
  regionLabels,
  SIDES,
} from "./vocab-lists";

export {
  changeLabels,
  isLocation,
  LOCATION_CHOICES,
  locationChoicesFor,
  locationLabel,
  locationOf,
  parseLocation,
  pgicLabels,
  qualityLabels,
  regionLabels,
  SIDED_REGIONS,
  sideLabels,
} from "./vocab-lists";

// docs/clinical-rules.md#vocabularies
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;
/** A side of the body; a Location is a Region, optionally with a side (`knee:right`). */
export const Side = z.enum(SIDES);
export type Side = z.infer<typeof Side>;
export const Location = z.enum(LOCATIONS);
export type Location = z.infer<typeof Location>;
export const Quality = z.enum(QUALITIES);
export type Quality = z.infer<typeof Quality>;
// docs/clinical-rules.md#check-ins
export const Pgic = z.enum(PGIC_ANSWERS);
export type Pgic = z.infer<typeof Pgic>;
// docs/decisions/020-messages.md
export const Change = z.enum(CHANGES);
export type Change = z.infer<typeof Change>;

/** The side a procedure treated; none (null) for a midline procedure or a side not recorded. */
export const ProcedureSide = z.enum(["left", "right", "bilateral"]);
export type ProcedureSide = z.infer<typeof ProcedureSide>;

export const procedureSideLabels: Record<ProcedureSide, string> = {
  left: "Left",
  right: "Right",
  bilateral: "Both sides",
};

/** A procedure's side in words, "No side (midline)" for none. */
export const procedureSideLabel = (side: string | null): string =>
  side === null ? "No side (midline)" : (procedureSideLabels[side as ProcedureSide] ?? side);

/** Where a procedure was done: "Right knee", "Lumbar spine, both sides", "Lumbar spine". */
export function treatedSiteLabel(region: string, side: string | null): string {
  const name = regionLabels[region as Region] ?? region;
  if (side === "bilateral") return `${name}, both sides`;
  if (side === "left" || side === "right") return locationLabel(`${region as Region}:${side}`);
  return name;
}

export const Modality = z.enum([
  "radiofrequency",
  "pulsed_radiofrequency",
  "cryoablation",
  "chemical",
]);
export type Modality = z.infer<typeof Modality>;

export const modalityLabels: Record<Modality, string> = {
  radiofrequency: "Radiofrequency (heat)",
  pulsed_radiofrequency: "Pulsed radiofrequency",
  cryoablation: "Cryoablation (cold)",
  chemical: "Chemical neurolysis",
};

export const Strategy = z.enum([
  "continue_monitoring",
  "re_evaluation",
  "repeat_ablation",
  "physical_therapy",
  "medication_adjustment",
  "epidural_steroid_injection",
  "facet_joint_injection",
  "sacroiliac_joint_injection",
  "intra_articular_injection",
  "spinal_cord_stimulation",
  "peripheral_nerve_stimulation",
  "psychological_support",
  "complementary_therapy",
  "surgical_consultation",
]);
export type Strategy = z.infer<typeof Strategy>;

export const strategyLabels: Record<Strategy, string> = {
  continue_monitoring: "Continue monitoring",
  re_evaluation: "Re-evaluation",
  repeat_ablation: "Repeat ablation",
  physical_therapy: "Physical therapy",
  medication_adjustment: "Medication adjustment",
  epidural_steroid_injection: "Epidural steroid injection",
  facet_joint_injection: "Facet joint injection",
  sacroiliac_joint_injection: "Sacroiliac joint injection",
  intra_articular_injection: "Joint injection (intra-articular)",
  spinal_cord_stimulation: "Spinal cord stimulation",
  peripheral_nerve_stimulation: "Peripheral nerve stimulation",
  psychological_support: "Psychological support",
  complementary_therapy: "Complementary therapy",
  surgical_consultation: "Surgical consultation",
};

export const strategyDescriptions: Record<Strategy, string> = {
  continue_monitoring: "Keep the diary going and review at the next check-in.",
  re_evaluation: "Review the diagnostics, e.g. new imaging or diagnostic blocks.",
  repeat_ablation: "Repeat the ablation of the same target.",
  physical_therapy: "Exercise and rehabilitation to build on or replace the relief.",
  medication_adjustment: "Adjust pain medication: NSAIDs, nerve-specific medications.",
  epidural_steroid_injection: "Steroid injection into the epidural space.",
  facet_joint_injection: "Injection into the facet joints.",
  sacroiliac_joint_injection: "Injection into the sacroiliac joint, diagnostic and therapeutic.",
  intra_articular_injection: "Injection into the knee, hip or shoulder joint itself.",
  spinal_cord_stimulation: "An implanted stimulator for the spinal cord.",
  peripheral_nerve_stimulation: "Stimulation of the peripheral nerve that carries the pain.",
  psychological_support: "Pain psychology, e.g. cognitive behavioural therapy.",
  complementary_therapy: "Complementary approaches, e.g. acupuncture or massage.",
  surgical_consultation:
    "Surgical opinion when imaging shows structural causes such as stenosis or disc herniation.",
};

export const SuspectedFactor = z.enum([
  "inaccurate_diagnosis",
  "incomplete_ablation",
  "nerve_regeneration",
  "disease_progression",
  "new_pain_generator",
  "non_neural_source",
  "individual_variability",
]);
export type SuspectedFactor = z.infer<typeof SuspectedFactor>;

export const suspectedFactorLabels: Record<SuspectedFactor, string> = {
  inaccurate_diagnosis: "Inaccurate diagnosis",
  incomplete_ablation: "Incomplete ablation",
  nerve_regeneration: "Nerve regeneration",
  disease_progression: "Disease progression",
  new_pain_generator: "New pain generator",
  non_neural_source: "Non-neural source",
  individual_variability: "Individual variability",
};

export const suspectedFactorDescriptions: Record<SuspectedFactor, string> = {
  inaccurate_diagnosis: "The targeted nerve was not the source of the pain.",
  incomplete_ablation: "The nerve was not fully interrupted by the procedure.",
  nerve_regeneration: "The treated nerve has regrown and pain has returned.",
  disease_progression: "The underlying condition has progressed.",
  new_pain_generator: "A new source of pain has appeared elsewhere.",
  non_neural_source: "The pain comes from muscle, joint or other non-nerve tissue.",
  individual_variability: "The patient responds differently from most patients.",
};

// docs/clinical-rules.md#phases
export const Phase = z.enum(["early", "evaluation", "established", "regeneration_window", "late"]);
export type Phase = z.infer<typeof Phase>;

export const phaseLabels: Record<Phase, string> = {
  early: "Early recovery",
  evaluation: "Evaluation",
  established: "Established",
  regeneration_window: "Regeneration window",
  late: "Late",
};

// docs/clinical-rules.md#categories
export const Category = z.enum([
  "too_early",
  "insufficient_data",
  "recurrence",
  "worse",
  "substantial",
  "moderate",
  "minimal",
  "no_change",
]);
export type Category = z.infer<typeof Category>;

export const categoryLabels: Record<Category, string> = {
  too_early: "Too early",
  insufficient_data: "Insufficient data",
  recurrence: "Recurrence",
  worse: "Worse",
  substantial: "Substantial relief",
  moderate: "Moderate relief",
  minimal: "Minimal relief",
  no_change: "No change",
};

export const Criteria = z.enum(["strict", "lenient"]);
export type Criteria = z.infer<typeof Criteria>;

export const criteriaLabels: Record<Criteria, string> = {
  strict: "Strict (substantial relief, function not worse)",
  lenient: "Lenient (moderate or substantial relief, function not worse)",
};

// docs/clinical-rules.md#flags
export const FlagCode = z.enum([
  "WORSE_THAN_BASELINE",
  "NO_IMPROVEMENT",
  "RECURRENCE",
  "PAIN_SHIFT",
  "NEW_NEUROPATHIC_SYMPTOMS",
  "PROLONGED_SITE_SORENESS",
  "DIARY_LAPSED",
]);
export type FlagCode = z.infer<typeof FlagCode>;

export const flagCodeLabels: Record<FlagCode, string> = {
  WORSE_THAN_BASELINE: "Worse than baseline",
  NO_IMPROVEMENT: "No improvement",
  RECURRENCE: "Pain returned",
  PAIN_SHIFT: "Pain in a new location",
  NEW_NEUROPATHIC_SYMPTOMS: "New neuropathic symptoms",
  PROLONGED_SITE_SORENESS: "Prolonged site soreness",
  DIARY_LAPSED: "Diary lapsed",
};

export const Severity = z.enum(["high", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const severityLabels: Record<Severity, string> = {
  high: "High",
  warning: "Warning",
  info: "Info",
};
