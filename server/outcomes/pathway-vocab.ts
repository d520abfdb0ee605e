// Vocabularies of the ablation pathway (docs/clinical-rules.md#technique): technique,
// diagnostic blocks and repeat-ablation policies. Defined once as zod enums and reused by schemas,
// forms and tests.
import { z } from "zod";

// ---- Technique ----

export const RfVariant = z.enum(["conventional", "cooled"]);
export type RfVariant = z.infer<typeof RfVariant>;
export const rfVariantLabels: Record<RfVariant, string> = {
  conventional: "Conventional RF",
  cooled: "Cooled RF",
};

export const Imaging = z.enum(["fluoroscopy", "ct", "ultrasound"]);
export type Imaging = z.infer<typeof Imaging>;
export const imagingLabels: Record<Imaging, string> = {
  fluoroscopy: "Fluoroscopy",
  ct: "CT",
  ultrasound: "Ultrasound",
};

const levels = (prefix: string, names: readonly string[]) => names.map((n) => `${prefix}:${n}`);

/** The targets a provider picks from, per treated region. */
export const targetsByRegion = {
  cervical: ["third_occipital", ...levels("medial_branch", ["C3", "C4", "C5", "C6", "C7", "C8"])],
  thoracic: levels("medial_branch", [
    "T1",
    "T2",
    "T3",
    "T4",
    "T5",
    "T6",
    "T7",
    "T8",
    "T9",
    "T10",
    "T11",
    "T12",
  ]),
  lumbar: [...levels("medial_branch", ["L1", "L2", "L3", "L4", "L5"]), "dorsal_ramus:L5"],
  sacroiliac: [
    ...levels("medial_branch", ["L4", "L5"]),
    "dorsal_ramus:L5",
    ...levels("lateral_branch", ["S1", "S2", "S3"]),
  ],
  knee: levels("genicular", [
    "superomedial",
    "superolateral",
    "inferomedial",
    "recurrent_fibular",
    "infrapatellar_saphenous",
  ]),
  hip: levels("articular_branch", ["obturator", "femoral", "accessory_obturator"]),
  shoulder: levels("articular_branch", ["suprascapular", "axillary", "lateral_pectoral"]),
  other: [] as string[],
} as const satisfies Record<string, readonly string[]>;

export const ALL_TARGETS: readonly string[] = [...new Set(Object.values(targetsByRegion).flat())];
/** A target code, e.g. `medial_branch:L4`; only codes of the list are accepted. */
export const Target = z
  .string()
  .refine((t) => ALL_TARGETS.includes(t), "Choose a target from the list.");

const nerveWords: Record<string, string> = {
  medial_branch: "medial branch",
  dorsal_ramus: "dorsal ramus",
  lateral_branch: "lateral branch",
  genicular: "genicular nerve",
  articular_branch: "articular branch",
};
const words = (s: string) => s.replaceAll("_", " ");

/** "L4 medial branch", "Superomedial genicular nerve", "Third occipital nerve". */
export function targetLabel(code: string): string {
  if (code === "third_occipital") return "Third occipital nerve";
  const [kind = "", where = ""] = code.split(":");
  const nerve = nerveWords[kind] ?? words(kind);
  if (/^[CTLS]\d+$/.test(where)) return `${where} ${nerve}`;
  const w = words(where);
  return `${w.charAt(0).toUpperCase()}${w.slice(1)} ${nerve}`;
}

// ---- Diagnostic blocks ----

export const Anesthetic = z.enum(["lidocaine", "bupivacaine", "ropivacaine", "other"]);
export type Anesthetic = z.infer<typeof Anesthetic>;
export const anestheticLabels: Record<Anesthetic, string> = {
  lidocaine: "Lidocaine",
  bupivacaine: "Bupivacaine",
  ropivacaine: "Ropivacaine",
  other: "Other",
};
/** Default clinic setting: relief consistent with the agent lasts at least N hours. */
export const defaultAgentMinHours: Record<Anesthetic, number> = {
  lidocaine: 1,
  bupivacaine: 2,
  ropivacaine: 2,
  other: 1,
};
/** When the patient's phone asks after a block: minutes after the injection. */
export const BLOCK_PROMPT_MINUTES = [15, 30, 60, 120, 180, 240, 360, 480] as const;
/**
 * The relief a block must give when the patient has no repeat-ablation policy chosen: the 80% of
 * Medicare's facet-joint rule (the first example policy).
 */
export const DEFAULT_BLOCK_THRESHOLD = 80;

// ---- Repeat-ablation policies ----

export const RepeatPolicy = z.object({
  name: z.string().trim().min(1, "Give the policy a name.").max(120),
  blockThreshold: z.number().min(1, "At least 1%.").max(100, "At most 100%."),
  reliefPct: z.number().min(1, "At least 1%.").max(100, "At most 100%."),
  functionPct: z.number().min(1, "At least 1%.").max(100, "At most 100%.").nullable(),
  requiredDays: z.number().int().min(7, "At least 7 days.").max(730, "At most 730 days."),
  maxGapDays: z.number().int().min(7, "At least 7 days.").max(365, "At most 365 days."),
  minIntervalDays: z.number().int().min(0).max(730, "At most 730 days."),
  maxPerYear: z.number().int().min(1, "At least 1.").max(12, "At most 12."),
});
export type RepeatPolicy = z.infer<typeof RepeatPolicy>;

/** The two examples from published payer rules; each clinic must check its own payers. */
export const examplePolicies: readonly RepeatPolicy[] = [
  {
    name: "Medicare LCD (facet joint)",
    blockThreshold: 80,
    reliefPct: 50,
    functionPct: 50,
    requiredDays: 182,
    maxGapDays: 35,
    minIntervalDays: 182,
    maxPerYear: 2,
  },
  {
    name: "12 weeks at 50% (common commercial rule)",
    blockThreshold: 80,
    reliefPct: 50,
    functionPct: null,
    requiredDays: 84,
    maxGapDays: 35,
    minIntervalDays: 182,
    maxPerYear: 2,
  },
];
