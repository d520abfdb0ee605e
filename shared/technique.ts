// The technique of a procedure (SPEC 11.1, docs/clinical-rules.md#technique): its fields as zod
// (the procedure router's schema and the procedure form use the same messages), the rules between
// fields, and the technique in words for pages, exports and the outcome groups. Pure: safe to
// import in the client.
import { z } from "zod";
import {
  ALL_TARGETS,
  Imaging,
  imagingLabels,
  RfVariant,
  rfVariantLabels,
  targetLabel,
  targetsByRegion,
} from "@/server/outcomes/pathway-vocab";
import { type Modality, modalityLabels, type Region, regionLabels } from "@/server/outcomes/vocab";

/** The limits of the numbers, with their units, as the form and the messages show them. */
export const TECHNIQUE_LIMITS = {
  lesionTempC: { min: 40, max: 95, unit: "°C", what: "the lesion temperature" },
  lesionSeconds: { min: 30, max: 360, unit: "s", what: "the seconds per lesion" },
  lesionCount: { min: 1, max: 20, unit: "", what: "the number of lesions" },
  probeGauge: { min: 10, max: 30, unit: "G", what: "the probe gauge" },
  activeTipMm: { min: 1, max: 20, unit: "mm", what: "the active tip" },
} as const;
export type TechniqueNumber = keyof typeof TECHNIQUE_LIMITS;

const rangeText = (key: TechniqueNumber) => {
  const { min, max, unit } = TECHNIQUE_LIMITS[key];
  return `from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
};
export const techniqueMessages = {
  targetsFromList: "Choose the targets from the list.",
  targetsOnce: "Choose each target only once.",
  rfVariant: "Choose conventional or cooled RF.",
  rfVariantOnlyRf: "The RF variant applies to radiofrequency ablation only.",
  imaging: "Choose the imaging from the list.",
  number: (key: TechniqueNumber) =>
    `Enter ${TECHNIQUE_LIMITS[key].what} as a whole number ${rangeText(key)}.`,
  activeTip: `Enter ${TECHNIQUE_LIMITS.activeTipMm.what} ${rangeText("activeTipMm")}, to at most one decimal place.`,
  notOfRegion: (targets: readonly string[], region: Region) =>
    `${targets.map(targetLabel).join(", ")} ${targets.length === 1 ? "is not a target" : "are not targets"} of the ${regionLabels[region].toLowerCase()} region.`,
} as const;

const wholeNumber = (key: TechniqueNumber) => {
  const message = techniqueMessages.number(key);
  const { min, max } = TECHNIQUE_LIMITS[key];
  return z
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(max, message)
    .nullable()
    .default(null);
};

const TargetCode = z.enum(ALL_TARGETS as [string, ...string[]], {
  error: techniqueMessages.targetsFromList,
});

/** The technique's fields, spread into the procedure's input schema. */
export const techniqueShape = {
  targets: z
    .array(TargetCode, { error: techniqueMessages.targetsFromList })
    .max(ALL_TARGETS.length, techniqueMessages.targetsOnce)
    .refine((xs) => new Set(xs).size === xs.length, techniqueMessages.targetsOnce)
    .default([]),
  rfVariant: z
    .enum(RfVariant.options, { error: techniqueMessages.rfVariant })
    .nullable()
    .default(null),
  lesionTempC: wholeNumber("lesionTempC"),
  lesionSeconds: wholeNumber("lesionSeconds"),
  lesionCount: wholeNumber("lesionCount"),
  probeGauge: wholeNumber("probeGauge"),
  activeTipMm: z
    .number({ error: techniqueMessages.activeTip })
    .min(TECHNIQUE_LIMITS.activeTipMm.min, techniqueMessages.activeTip)
    .max(TECHNIQUE_LIMITS.activeTipMm.max, techniqueMessages.activeTip)
    .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, techniqueMessages.activeTip)
    .nullable()
    .default(null),
  imaging: z.enum(Imaging.options, { error: techniqueMessages.imaging }).nullable().default(null),
} as const;

export type Technique = {
  targets: readonly string[];
  rfVariant: string | null;
  lesionTempC: number | null;
  lesionSeconds: number | null;
  lesionCount: number | null;
  probeGauge: number | null;
  activeTipMm: number | null;
  imaging: string | null;
};

/** A technique with nothing recorded (procedures recorded before it existed). */
export const NO_TECHNIQUE: Technique = {
  targets: [],
  rfVariant: null,
  lesionTempC: null,
  lesionSeconds: null,
  lesionCount: null,
  probeGauge: null,
  activeTipMm: null,
  imaging: null,
};

/** The targets a provider may pick for a region, in the vocabulary's order. */
export const targetsOf = (region: string): readonly string[] =>
  (targetsByRegion as Record<string, readonly string[]>)[region] ?? [];

/**
 * The rules between fields (a `superRefine` of the procedure's schema): the targets belong to the
 * treated region; the RF variant only to radiofrequency.
 */
export function checkTechnique(
  v: { modality?: unknown; region?: unknown; targets?: unknown; rfVariant?: unknown },
  ctx: z.RefinementCtx,
) {
  if (typeof v.region === "string" && v.region in regionLabels && Array.isArray(v.targets)) {
    const allowed = targetsOf(v.region);
    const foreign = (v.targets as string[]).filter((t) => !allowed.includes(t));
    if (foreign.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["targets"],
        message: techniqueMessages.notOfRegion(foreign, v.region as Region),
      });
    }
  }
  if (v.rfVariant != null && v.modality !== "radiofrequency") {
    ctx.addIssue({
      code: "custom",
      path: ["rfVariant"],
      message: techniqueMessages.rfVariantOnlyRf,
    });
  }
}

// ---- In words ----

/** Target codes in the vocabulary's order (how they are stored and shown). */
export const orderTargets = (codes: readonly string[]): string[] =>
  [...codes].sort((a, b) => ALL_TARGETS.indexOf(a) - ALL_TARGETS.indexOf(b));

const pluralNerves: Record<string, string> = {
  medial_branch: "medial branches",
  dorsal_ramus: "dorsal rami",
  lateral_branch: "lateral branches",
  genicular: "genicular nerves",
  articular_branch: "articular branches",
};

/**
 * Targets in words, levels of one nerve together, in the vocabulary's order: "L3, L4, L5 medial
 * branches", "Superomedial, inferomedial genicular nerves", "L5 dorsal ramus; S1, S2 lateral
 * branches". Empty when there are none.
 */
export function targetsLabel(codes: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const code of orderTargets(codes)) {
    const kind = code.includes(":") ? (code.split(":")[0] ?? code) : code;
    groups.set(kind, [...(groups.get(kind) ?? []), code]);
  }
  return [...groups.entries()]
    .map(([kind, list]) => {
      if (list.length === 1 || !pluralNerves[kind]) return list.map(targetLabel).join(", ");
      const wheres = list.map((c) => c.split(":")[1] ?? c);
      const levels = wheres.every((w) => /^[CTLS]\d+$/.test(w));
      const words = wheres.map((w) => w.replaceAll("_", " ")).join(", ");
      return `${levels ? words : words.charAt(0).toUpperCase() + words.slice(1)} ${pluralNerves[kind]}`;
    })
    .join("; ");
}

const lesionWord = (n: number) => `${n} ${n === 1 ? "lesion" : "lesions"}`;

/**
 * The technique in one line, parts left out when not recorded: "Cooled RF · L4, L5 medial
 * branches · 80 °C × 90 s × 3 lesions · 17 G, 10 mm tip · Fluoroscopy". Empty when nothing
 * was recorded.
 */
export function techniqueSummary(t: Technique): string {
  const lesion = [
    t.lesionTempC === null ? null : `${t.lesionTempC} °C`,
    t.lesionSeconds === null ? null : `${t.lesionSeconds} s`,
    t.lesionCount === null ? null : lesionWord(t.lesionCount),
  ].filter((x) => x !== null);
  const probe = [
    t.probeGauge === null ? null : `${t.probeGauge} G`,
    t.activeTipMm === null ? null : `${t.activeTipMm} mm tip`,
  ].filter((x) => x !== null);
  return [
    t.rfVariant ? (rfVariantLabels[t.rfVariant as RfVariant] ?? t.rfVariant) : null,
    targetsLabel(t.targets) || null,
    lesion.join(" × ") || null,
    probe.join(", ") || null,
    t.imaging ? (imagingLabels[t.imaging as Imaging] ?? t.imaging) : null,
  ]
    .filter((x) => x !== null)
    .join(" · ");
}

/** A group of the clinic's outcomes: a key and its words. */
export type TechniqueGroup = { key: string; label: string };

/**
 * The technique group of a procedure: radiofrequency by its variant ("Cooled RF", "Conventional
 * RF", "RF, variant not recorded"), other modalities by their name.
 */
export function techniqueGroup(p: { modality: string; rfVariant: string | null }): TechniqueGroup {
  if (p.modality !== "radiofrequency") {
    return { key: p.modality, label: modalityLabels[p.modality as Modality] ?? p.modality };
  }
  if (!p.rfVariant) return { key: "radiofrequency", label: "RF, variant not recorded" };
  return {
    key: `radiofrequency:${p.rfVariant}`,
    label: rfVariantLabels[p.rfVariant as RfVariant] ?? p.rfVariant,
  };
}

/** The target-set group of a procedure: the same targets in any order are one group. */
export function targetSetGroup(targets: readonly string[]): TechniqueGroup {
  if (targets.length === 0) return { key: "", label: "Targets not recorded" };
  const codes = orderTargets(targets);
  return { key: codes.join("+"), label: targetsLabel(codes) };
}
