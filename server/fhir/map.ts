// The portal's records as FHIR R4 resources (docs/decisions/015-fhir-export.md). Pure: no I/O, no
// clock (the export time is an argument), no database. The same functions build the one-patient
// `$everything` Bundle and the clinic's bulk NDJSON, so both carry the same codes
// (docs/decisions/015).
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  Coding,
  Extension,
  Identifier,
  Observation,
  Patient,
  Procedure,
  Quantity,
  QuestionnaireResponse,
  Resource,
} from "@medplum/fhirtypes";
import {
  anestheticLabels,
  imagingLabels,
  rfVariantLabels,
  targetLabel,
} from "@/server/outcomes/pathway-vocab";
import {
  type Location,
  locationLabel,
  type Modality,
  modalityLabels,
  type Pgic,
  pgicLabels,
  type Quality,
  qualityLabels,
  type Region,
  type Strategy,
  type SuspectedFactor,
  strategyLabels,
  suspectedFactorLabels,
  treatedSiteLabel,
} from "@/server/outcomes/vocab";
import { type Technique, targetsLabel, techniqueSummary } from "@/shared/technique";

// ---- Code systems and codes (docs/clinical-rules.md#check-ins, docs/decisions/015-fhir-export.md)
// ----

export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
export const SNOMED = "http://snomed.info/sct";
/** The laterality qualifier of a body site (the extension mCODE defines for a body location). */
export const LATERALITY_EXTENSION =
  "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier";

/** SNOMED CT body structures of the treated regions ("other" has none: text only). */
export const REGION_SNOMED: Partial<Record<Region, [code: string, display: string]>> = {
  cervical: ["122494005", "Cervical spine structure"],
  thoracic: ["122495006", "Thoracic spine structure"],
  lumbar: ["122496007", "Lumbar spine structure"],
  sacroiliac: ["39723000", "Sacroiliac joint structure"],
  knee: ["72696002", "Knee region structure"],
  hip: ["29836001", "Hip region structure"],
  shoulder: ["16982005", "Shoulder region structure"],
};

/** SNOMED CT laterality qualifiers of a procedure's side. */
export const SIDE_SNOMED: Record<"left" | "right" | "bilateral", [code: string, display: string]> =
  {
    left: ["7771000", "Left"],
    right: ["24028007", "Right"],
    bilateral: ["51440002", "Right and left"],
  };
/** The portal's own vocabularies (strategies, PGIC answers) and identifier systems. */
export const PORTAL_SYSTEM = "urn:ablation-follow-up-portal";
/**
 * The technique's numbers on a Procedure (docs/clinical-rules.md#technique): a complex extension
 * with one part per number recorded (lesionTemperature, lesionDuration, activeTip as UCUM
 * quantities; lesionCount and probeGauge as integers).
 */
export const TECHNIQUE_EXTENSION = `${PORTAL_SYSTEM}:technique`;

export const LOINC_CODES = {
  painSeverity: "72514-3",
  pegPanel: "91148-7",
  pegPain: "75893-8",
  pegEnjoyment: "91145-3",
  pegActivity: "91146-1",
  pegMean: "91147-9",
} as const;

const loinc = (code: string, display: string): Coding => ({ system: LOINC, code, display });
const score = (value: number): Quantity => ({
  value,
  unit: "{score}",
  system: UCUM,
  code: "{score}",
});
const surveyCategory = [
  {
    coding: [{ system: OBSERVATION_CATEGORY, code: "survey", display: "Survey" }],
  },
];

// ---- Input: plain rows as the services read them ----

export type FhirPatientInput = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  /** YYYY-MM-DD, when known. */
  birthDate?: string | null;
  /** Medical record number, when given. */
  mrn?: string | null;
  phone?: string | null;
};

export type FhirProcedureInput = {
  id: string;
  patientId: string;
  performedOn: string;
  modality: string;
  region: string;
  /** left, right, bilateral; null: midline or not recorded. */
  side: string | null;
  target: string;
  /** The baseline (docs/clinical-rules.md#input), exported as the procedure's baseline Observation. */
  baselinePain: number;
  baselineInterference: number | null;
  baselineLocations: readonly string[];
  baselineQualities: readonly string[];
} & Technique;

/** A diagnostic block with the patient's answers (docs/clinical-rules.md#diagnostic-blocks). */
export type FhirBlockInput = {
  id: string;
  patientId: string;
  givenAt: Date;
  region: string;
  side: string | null;
  targets: readonly string[];
  anesthetic: string;
  /** Pain just before the injection, 1-10. */
  prePain: number;
  records: ReadonlyArray<{
    id: string;
    minutesAfter: number;
    pain: number;
    activityTried: boolean | null;
    recordedAt: Date;
  }>;
};

export type FhirEntryInput = {
  id: string;
  patientId: string;
  /** The procedure the entry belongs to (the latest ablation on or before its date). */
  procedureId: string;
  entryDate: string;
  painAverage: number;
  locations: readonly string[];
  qualities: readonly string[];
  siteSoreness: boolean;
  enjoyment: number | null;
  activity: number | null;
  pgic: string | null;
  checkInDay: number | null;
  /** When the patient last wrote it. */
  updatedAt: Date;
};

export type FhirDecisionInput = {
  id: string;
  patientId: string;
  procedureId: string;
  createdAt: Date;
  providerName: string | null;
  strategies: ReadonlyArray<{ strategy: string; note: string }>;
  followUpOn: string | null;
  supersedesId: string | null;
  /** The patient's current plan (their latest decision that no amendment replaced). */
  current: boolean;
  /** Provider-only reasoning; left out of a patient's own copy. */
  suspectedFactors: readonly string[];
  rationale: string;
};

export type Audience = "staff" | "patient";

/** FHIR ids allow [A-Za-z0-9-.]{1,64}: our UUIDs, and UUIDs with a short prefix. */
export const resourceIds = {
  baselineObservation: (procedureId: string) => `baseline-${procedureId}`,
  painObservation: (entryId: string) => `pain-${entryId}`,
  pegObservation: (entryId: string) => `peg-${entryId}`,
  pgicResponse: (entryId: string) => `pgic-${entryId}`,
  blockRecord: (recordId: string) => `block-record-${recordId}`,
};

/** A diagnostic block's Procedure code, and what its parts are called (the portal's own system). */
export const BLOCK_CODE = { system: `${PORTAL_SYSTEM}:procedure`, code: "diagnostic-block" };
export const BLOCK_PAIN_BEFORE_EXTENSION = `${PORTAL_SYSTEM}:pain-before`;

const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });

// ---- Resources ----

export function patientResource(p: FhirPatientInput): Patient {
  const identifier: Identifier[] = [
    { system: `${PORTAL_SYSTEM}:patient-id`, value: p.id },
    ...(p.mrn
      ? [
          {
            use: "usual" as const,
            type: {
              coding: [{ system: IDENTIFIER_TYPE, code: "MR", display: "Medical record number" }],
            },
            system: `${PORTAL_SYSTEM}:mrn`,
            value: p.mrn,
          },
        ]
      : []),
  ];
  return {
    resourceType: "Patient",
    id: p.id,
    identifier,
    active: p.active,
    name: [{ text: p.name }],
    telecom: [
      { system: "email", value: p.email },
      ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
    ],
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

const label = <K extends string>(labels: Record<K, string>, code: string) =>
  (labels as Record<string, string>)[code] ?? code;

/**
 * Where a procedure or a block was done: the region (SNOMED CT body structure where it has one),
 * with the side as the laterality extension, then each target a body site of its own.
 */
function bodySitesOf(p: { region: string; side: string | null; targets: readonly string[] }) {
  const region = REGION_SNOMED[p.region as Region];
  const side = SIDE_SNOMED[p.side as keyof typeof SIDE_SNOMED];
  const bodySite = {
    ...(region ? { coding: [{ system: SNOMED, code: region[0], display: region[1] }] } : {}),
    text: treatedSiteLabel(p.region, p.side),
    ...(side
      ? {
          extension: [
            {
              url: LATERALITY_EXTENSION,
              valueCodeableConcept: {
                coding: [{ system: SNOMED, code: side[0], display: side[1] }],
                text: side[1],
              },
            },
          ],
        }
      : {}),
  };
  const laterality = bodySite.extension ? { extension: bodySite.extension } : {};
  // Each target a body site of its own: the portal's code, its words, and the procedure's side.
  const targetSites = p.targets.map((code) => ({
    coding: [{ system: `${PORTAL_SYSTEM}:target`, code, display: targetLabel(code) }],
    text: targetLabel(code),
    ...laterality,
  }));
  return [bodySite, ...targetSites];
}

export function procedureResource(p: FhirProcedureInput): Procedure {
  const modality = label(modalityLabels, p.modality as Modality);
  const used = (kind: string, code: string | null, display: string) =>
    code
      ? [{ coding: [{ system: `${PORTAL_SYSTEM}:${kind}`, code, display }], text: display }]
      : [];
  const usedCode = [
    ...used("rf-variant", p.rfVariant, label(rfVariantLabels, p.rfVariant ?? "")),
    ...used("imaging", p.imaging, `${label(imagingLabels, p.imaging ?? "")} guidance`),
  ];
  const quantity = (value: number, unit: string) => ({ value, unit, system: UCUM, code: unit });
  const parts: Extension[] = [
    ...(p.lesionTempC === null
      ? []
      : [{ url: "lesionTemperature", valueQuantity: quantity(p.lesionTempC, "Cel") }]),
    ...(p.lesionSeconds === null
      ? []
      : [{ url: "lesionDuration", valueQuantity: quantity(p.lesionSeconds, "s") }]),
    ...(p.lesionCount === null ? [] : [{ url: "lesionCount", valueInteger: p.lesionCount }]),
    ...(p.probeGauge === null ? [] : [{ url: "probeGauge", valueInteger: p.probeGauge }]),
    ...(p.activeTipMm === null
      ? []
      : [{ url: "activeTip", valueQuantity: quantity(p.activeTipMm, "mm") }]),
  ];
  const summary = techniqueSummary(p);
  const targets = targetsLabel(p.targets) || p.target;
  // The target in the provider's words goes with the code when no targets were picked, else here.
  const notes = [
    ...(summary ? [{ text: `Technique: ${summary}` }] : []),
    ...(p.target && targets !== p.target ? [{ text: `Target details: ${p.target}` }] : []),
  ];
  return {
    resourceType: "Procedure",
    id: p.id,
    ...(parts.length ? { extension: [{ url: TECHNIQUE_EXTENSION, extension: parts }] } : {}),
    status: "completed",
    category: { text: "Nerve ablation" },
    code: {
      coding: [{ system: `${PORTAL_SYSTEM}:modality`, code: p.modality, display: modality }],
      text: `${modality} nerve ablation${targets ? ` of ${targets}` : ""}`,
    },
    subject: ref("Patient", p.patientId),
    performedDateTime: p.performedOn,
    bodySite: bodySitesOf(p),
    ...(notes.length ? { note: notes } : {}),
    ...(usedCode.length ? { usedCode } : {}),
  };
}

/**
 * What the pain Observations carry besides the score (docs/decisions/015-fhir-export.md, the
 * round trip): where it hurts (the region's SNOMED CT body structure where it has one, the
 * portal's code with the side, and words), what it feels like (the portal's code and words), and
 * soreness at the treated site.
 */
export const COMPONENT_CODES = {
  location: "pain-location",
  quality: "pain-quality",
  siteSoreness: "treated-site-soreness",
  interference: "interference",
  minutesAfter: "minutes-after-block",
  activityTried: "activity-tried",
} as const;
const portalCode = (code: string, text: string) => ({
  coding: [{ system: `${PORTAL_SYSTEM}:observation`, code }],
  text,
});

function locationComponents(locations: readonly string[]) {
  return locations.map((code) => {
    const region = REGION_SNOMED[code.split(":")[0] as Region];
    const words = locationLabel(code as Location);
    return {
      code: portalCode(COMPONENT_CODES.location, "Where it hurts"),
      valueCodeableConcept: {
        coding: [
          ...(region ? [{ system: SNOMED, code: region[0], display: region[1] }] : []),
          { system: `${PORTAL_SYSTEM}:location`, code, display: words },
        ],
        text: words,
      },
    };
  });
}

function qualityComponents(qualities: readonly string[]) {
  return qualities.map((code) => {
    const words = label(qualityLabels, code as Quality);
    return {
      code: portalCode(COMPONENT_CODES.quality, "What the pain feels like"),
      valueCodeableConcept: {
        coding: [{ system: `${PORTAL_SYSTEM}:quality`, code, display: words }],
        text: words,
      },
    };
  });
}

const BASELINE_CATEGORY = {
  coding: [
    {
      system: `${PORTAL_SYSTEM}:observation-category`,
      code: "baseline",
      display: "Before the procedure",
    },
  ],
  text: "Baseline before the procedure",
};

/**
 * The procedure's baseline as an Observation dated the day before it, `partOf` the Procedure and
 * marked as the baseline: pain (LOINC 72514-3), and as components the interference (the mean of the
 * two PEG interference items, as the portal records it), locations and qualities.
 */
export function baselineObservation(p: FhirProcedureInput): Observation {
  const day = new Date(`${p.performedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return {
    resourceType: "Observation",
    id: resourceIds.baselineObservation(p.id),
    status: "final",
    category: [...surveyCategory, BASELINE_CATEGORY],
    code: {
      coding: [
        loinc(
          LOINC_CODES.painSeverity,
          "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        ),
      ],
      text: "Average pain before the procedure (0-10)",
    },
    subject: ref("Patient", p.patientId),
    partOf: [ref("Procedure", p.id)],
    effectiveDateTime: day.toISOString().slice(0, 10),
    valueQuantity: score(p.baselinePain),
    component: [
      ...(p.baselineInterference === null
        ? []
        : [
            {
              code: portalCode(
                COMPONENT_CODES.interference,
                "Interference: mean of enjoyment of life and general activity (0-10)",
              ),
              valueQuantity: score(p.baselineInterference),
            },
          ]),
      ...locationComponents(p.baselineLocations),
      ...qualityComponents(p.baselineQualities),
    ],
  };
}

/** The pain-severity Observation of a diary entry (LOINC 72514-3, 0-10 NRS). */
export function painObservation(e: FhirEntryInput): Observation {
  return {
    resourceType: "Observation",
    id: resourceIds.painObservation(e.id),
    status: "final",
    partOf: [ref("Procedure", e.procedureId)],
    category: surveyCategory,
    code: {
      coding: [
        loinc(
          LOINC_CODES.painSeverity,
          "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        ),
      ],
      text: "Average pain in the last 24 hours (0-10)",
    },
    subject: ref("Patient", e.patientId),
    effectiveDateTime: e.entryDate,
    issued: e.updatedAt.toISOString(),
    valueQuantity: score(e.painAverage),
    component: [
      ...locationComponents(e.locations),
      ...qualityComponents(e.qualities),
      {
        code: portalCode(COMPONENT_CODES.siteSoreness, "Soreness at the treated site"),
        valueBoolean: e.siteSoreness,
      },
    ],
  };
}

/** The PEG mean: of the three items pain, enjoyment and general activity. */
export const pegMean = (pain: number, enjoyment: number, activity: number) =>
  (pain + enjoyment + activity) / 3;

/**
 * The PEG panel (LOINC 91148-7) of a diary entry, when both interference items were answered;
 * null otherwise (the entry then gives only the pain Observation).
 */
export function pegObservation(e: FhirEntryInput): Observation | null {
  if (e.enjoyment == null || e.activity == null) return null;
  const mean = Math.round(pegMean(e.painAverage, e.enjoyment, e.activity) * 100) / 100;
  return {
    resourceType: "Observation",
    id: resourceIds.pegObservation(e.id),
    status: "final",
    partOf: [ref("Procedure", e.procedureId)],
    category: surveyCategory,
    code: {
      coding: [loinc(LOINC_CODES.pegPanel, "PEG 3 item pain scale")],
      text: "PEG: pain, enjoyment of life, general activity",
    },
    subject: ref("Patient", e.patientId),
    effectiveDateTime: e.entryDate,
    issued: e.updatedAt.toISOString(),
    component: [
      {
        code: { coding: [loinc(LOINC_CODES.pegPain, "Pain")] },
        valueQuantity: score(e.painAverage),
      },
      {
        code: { coding: [loinc(LOINC_CODES.pegEnjoyment, "Enjoyment of life")] },
        valueQuantity: score(e.enjoyment),
      },
      {
        code: { coding: [loinc(LOINC_CODES.pegActivity, "General activity")] },
        valueQuantity: score(e.activity),
      },
      {
        code: { coding: [loinc(LOINC_CODES.pegMean, "PEG mean score")] },
        valueQuantity: score(mean),
      },
    ],
  };
}

/**
 * A check-in's Patient Global Impression of Change (docs/clinical-rules.md#check-ins), when the
 * entry answered one.
 */
export function pgicResponse(e: FhirEntryInput): QuestionnaireResponse | null {
  if (!e.pgic) return null;
  return {
    resourceType: "QuestionnaireResponse",
    id: resourceIds.pgicResponse(e.id),
    status: "completed",
    subject: ref("Patient", e.patientId),
    authored: e.updatedAt.toISOString(),
    item: [
      {
        linkId: "pgic",
        text: "Since your procedure, how would you describe the change in your pain? (Patient Global Impression of Change)",
        answer: [
          {
            valueCoding: {
              system: `${PORTAL_SYSTEM}:pgic`,
              code: e.pgic,
              display: label(pgicLabels, e.pgic as Pgic),
            },
          },
        ],
      },
      ...(e.checkInDay !== null
        ? [
            {
              linkId: "check-in-day",
              text: "Check-in day after the procedure",
              answer: [{ valueInteger: e.checkInDay }],
            },
          ]
        : []),
      { linkId: "entry-date", text: "Diary day", answer: [{ valueDate: e.entryDate }] },
    ],
  };
}

/** A management decision as a CarePlan; an amendment `replaces` the decision it amended. */
export function carePlanResource(d: FhirDecisionInput, audience: Audience): CarePlan {
  const activity: CarePlanActivity[] = d.strategies.map((s) => ({
    detail: {
      code: {
        coding: [
          {
            system: `${PORTAL_SYSTEM}:strategy`,
            code: s.strategy,
            display: label(strategyLabels, s.strategy as Strategy),
          },
        ],
        text: label(strategyLabels, s.strategy as Strategy),
      },
      status: "unknown",
      ...(s.note ? { description: s.note } : {}),
    },
  }));
  if (d.followUpOn) {
    activity.push({
      detail: {
        code: { text: "Follow-up review" },
        status: "scheduled",
        scheduledPeriod: { start: d.followUpOn },
      },
    });
  }
  const notes =
    audience === "staff"
      ? [
          ...(d.suspectedFactors.length
            ? [
                {
                  text: `Suspected factors: ${d.suspectedFactors
                    .map((f) => label(suspectedFactorLabels, f as SuspectedFactor))
                    .join(", ")}`,
                },
              ]
            : []),
          ...(d.rationale ? [{ text: `Rationale: ${d.rationale}` }] : []),
        ]
      : [];
  return {
    resourceType: "CarePlan",
    id: d.id,
    status: d.current ? "active" : "revoked",
    intent: "plan",
    title: "Management after nerve ablation",
    subject: ref("Patient", d.patientId),
    created: d.createdAt.toISOString(),
    ...(d.providerName ? { author: { display: d.providerName } } : {}),
    supportingInfo: [ref("Procedure", d.procedureId)],
    ...(d.supersedesId ? { replaces: [ref("CarePlan", d.supersedesId)] } : {}),
    activity,
    ...(notes.length ? { note: notes } : {}),
  };
}

/** The resources of one diary entry: pain, then PEG (when answered), then PGIC (when answered). */
export function entryResources(e: FhirEntryInput): Resource[] {
  return [painObservation(e), pegObservation(e), pgicResponse(e)].filter(
    (r): r is Observation | QuestionnaireResponse => r !== null,
  );
}

export type PatientRecord = {
  patient: FhirPatientInput;
  procedures: readonly FhirProcedureInput[];
  entries: readonly FhirEntryInput[];
  decisions: readonly FhirDecisionInput[];
  /** Diagnostic blocks (removed ones are never exported). */
  blocks?: readonly FhirBlockInput[];
};

/**
 * `Patient/$everything` as a `collection` Bundle: the patient, their procedures, per diary entry
 * its Observations (and PGIC answer), and their decisions as CarePlans. `baseUrl` is the FHIR
 * base the resources' full URLs are under (e.g. https://clinic.example/api/fhir).
 */
export function patientBundle(
  record: PatientRecord,
  opts: { baseUrl: string; timestamp: Date; audience: Audience },
): Bundle {
  const resources: Resource[] = [
    patientResource(record.patient),
    ...record.procedures.flatMap((p) => [procedureResource(p), baselineObservation(p)]),
    ...record.entries.flatMap(entryResources),
    ...(record.blocks ?? []).flatMap(blockResources),
    ...record.decisions.map((d) => carePlanResource(d, opts.audience)),
  ];
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: opts.timestamp.toISOString(),
    entry: resources.map(
      (resource): BundleEntry => ({
        fullUrl: `${opts.baseUrl}/${resource.resourceType}/${resource.id}`,
        resource,
      }),
    ),
  };
}

/** The resource types of the clinic's bulk export, one NDJSON file each. */
export const BULK_TYPES = [
  "Patient",
  "Procedure",
  "Observation",
  "QuestionnaireResponse",
  "CarePlan",
] as const;
export type BulkType = (typeof BULK_TYPES)[number];

/** An error as FHIR answers it. */
export function operationOutcome(
  code: "not-found" | "invalid" | "login" | "forbidden" | "transient" | "exception",
  text: string,
) {
  return {
    resourceType: "OperationOutcome" as const,
    issue: [{ severity: "error" as const, code, diagnostics: text, details: { text } }],
  };
}

// ---- Diagnostic blocks ----

const BLOCK_CATEGORY = {
  coding: [
    {
      system: `${PORTAL_SYSTEM}:observation-category`,
      code: "block",
      display: "After a diagnostic block",
    },
  ],
};

/**
 * A diagnostic block as a Procedure: when it was given, where (as an ablation's body sites), the
 * anesthetic (usedCode) and the pain just before it (an extension, 0-10 score).
 */
export function blockProcedureResource(b: FhirBlockInput): Procedure {
  const anesthetic = label(anestheticLabels, b.anesthetic);
  const targets = targetsLabel(b.targets);
  return {
    resourceType: "Procedure",
    id: b.id,
    extension: [{ url: BLOCK_PAIN_BEFORE_EXTENSION, valueQuantity: score(b.prePain) }],
    status: "completed",
    category: { text: "Diagnostic nerve block" },
    code: {
      coding: [{ ...BLOCK_CODE, display: "Diagnostic nerve block" }],
      text: `Diagnostic nerve block${targets ? ` of ${targets}` : ""}`,
    },
    subject: ref("Patient", b.patientId),
    performedDateTime: b.givenAt.toISOString(),
    bodySite: bodySitesOf(b),
    usedCode: [
      {
        coding: [
          { system: `${PORTAL_SYSTEM}:anesthetic`, code: b.anesthetic, display: anesthetic },
        ],
        text: anesthetic,
      },
    ],
  };
}

/** One answer of the block diary: pain now (LOINC 72514-3), `partOf` the block. */
export function blockObservation(
  b: FhirBlockInput,
  r: FhirBlockInput["records"][number],
): Observation {
  return {
    resourceType: "Observation",
    id: resourceIds.blockRecord(r.id),
    status: "final",
    partOf: [ref("Procedure", b.id)],
    category: [...surveyCategory, BLOCK_CATEGORY],
    code: {
      coding: [
        loinc(
          LOINC_CODES.painSeverity,
          "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        ),
      ],
      text: "Pain now (0-10), after a diagnostic block",
    },
    subject: ref("Patient", b.patientId),
    effectiveDateTime: new Date(b.givenAt.getTime() + r.minutesAfter * 60_000).toISOString(),
    issued: r.recordedAt.toISOString(),
    valueQuantity: score(r.pain),
    component: [
      {
        code: portalCode(COMPONENT_CODES.minutesAfter, "Minutes after the injection"),
        valueQuantity: { value: r.minutesAfter, unit: "min", system: UCUM, code: "min" },
      },
      ...(r.activityTried === null
        ? []
        : [
            {
              code: portalCode(COMPONENT_CODES.activityTried, "Tried something that usually hurts"),
              valueBoolean: r.activityTried,
            },
          ]),
    ],
  };
}

/** A block's resources: the Procedure, then one Observation per answer. */
export const blockResources = (b: FhirBlockInput): Resource[] => [
  blockProcedureResource(b),
  ...b.records.map((r) => blockObservation(b, r)),
];
