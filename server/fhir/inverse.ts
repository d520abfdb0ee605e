// The inverse of ./map.ts (docs/decisions/028-fhir-import.md): a `Patient/$everything` Bundle of
// this portal (or one of the same shape) back to the portal's records, with every problem named by
// the resource it is in. Pure: no I/O, no clock, no database; what the database must also check
// (a taken email or MRN) is the import service's (server/services/fhir-import.ts).
import { z } from "zod";
import { ProcedureFields } from "@/server/api/routers/procedure.schema";
import { isIsoDate } from "@/server/outcomes/dates";
import { Anesthetic } from "@/server/outcomes/pathway-vocab";
import { Location, Pgic, ProcedureSide, Quality, Region } from "@/server/outcomes/vocab";
import {
  DateOfBirthSchema,
  EmailSchema,
  MrnSchema,
  NameSchema,
  PhoneSchema,
} from "@/shared/identity";
import { checkTechnique, targetsLabel, techniqueShape } from "@/shared/technique";
import {
  BLOCK_CODE,
  BLOCK_PAIN_BEFORE_EXTENSION,
  COMPONENT_CODES,
  LATERALITY_EXTENSION,
  LOINC,
  LOINC_CODES,
  PORTAL_SYSTEM,
  REGION_SNOMED,
  SIDE_SNOMED,
  SNOMED,
  TECHNIQUE_EXTENSION,
} from "./map";

/** One problem, under the resource it is in (`Procedure/abc`, or `Bundle` for the whole). */
export type ImportProblem = { resource: string; message: string };

export type ImportedPatient = {
  name: string;
  email: string;
  dateOfBirth: string | null;
  mrn: string | null;
  phone: string | null;
};
export type ImportedProcedure = { sourceId: string } & z.infer<typeof ProcedureFields>;
export type ImportedEntry = {
  /** The entry's id in the Bundle (`pain-<id>`'s id). */
  sourceId: string;
  /** The id in the Bundle of the Procedure it is `partOf`. */
  procedureSourceId: string;
  entryDate: string;
  painAverage: number;
  enjoyment: number | null;
  activity: number | null;
  locations: Location[];
  qualities: Quality[];
  siteSoreness: boolean;
  pgic: Pgic | null;
  checkInDay: number | null;
};
/** A diagnostic block with the patient's answers (docs/clinical-rules.md#diagnostic-blocks). */
export type ImportedBlock = z.infer<typeof BlockFields> & {
  sourceId: string;
  records: Array<z.infer<typeof BlockRecordFields>>;
};
export type ImportedRecord = {
  patient: ImportedPatient;
  procedures: ImportedProcedure[];
  entries: ImportedEntry[];
  blocks: ImportedBlock[];
  /** Resources read but not imported (care plans), by type: the page says so. */
  skipped: Record<string, number>;
};

/** The most resources one Bundle may carry (decades of daily entries, three resources a day). */
export const BUNDLE_MAX_ENTRIES = 60_000;

// ---- The shapes read (loose: what the mapping needs, nothing else) ----

const Coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const Concept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Quantity = z.object({ value: z.number() });
const Ref = z.object({ reference: z.string() });
const Ext: z.ZodType<{ url: string; [k: string]: unknown }> = z.looseObject({ url: z.string() });
const Component = z.object({
  code: Concept,
  valueQuantity: Quantity.optional(),
  valueCodeableConcept: Concept.optional(),
  valueBoolean: z.boolean().optional(),
});

const PatientShape = z.object({
  resourceType: z.literal("Patient"),
  id: z.string(),
  identifier: z
    .array(z.object({ system: z.string().optional(), value: z.string().optional() }))
    .optional(),
  name: z
    .array(
      z.object({
        text: z.string().optional(),
        given: z.array(z.string()).optional(),
        family: z.string().optional(),
      }),
    )
    .min(1, "The patient has no name."),
  telecom: z
    .array(z.object({ system: z.string().optional(), value: z.string().optional() }))
    .optional(),
  birthDate: z.string().optional(),
});
const ProcedureShape = z.object({
  resourceType: z.literal("Procedure"),
  id: z.string(),
  status: z.literal("completed", "Only a completed procedure can be imported."),
  extension: z.array(Ext).optional(),
  code: Concept,
  performedDateTime: z.string({ error: "The procedure has no date (performedDateTime)." }),
  bodySite: z
    .array(Concept.extend({ extension: z.array(Ext).optional() }))
    .min(1, "The procedure has no body site."),
  note: z.array(z.object({ text: z.string() })).optional(),
  usedCode: z.array(Concept).optional(),
});
const ObservationShape = z.object({
  resourceType: z.literal("Observation"),
  id: z.string(),
  status: z.string(),
  category: z.array(Concept).optional(),
  code: Concept,
  partOf: z.array(Ref).min(1, "The observation does not say which procedure it follows (partOf)."),
  effectiveDateTime: z.string({ error: "The observation has no date (effectiveDateTime)." }),
  valueQuantity: Quantity.optional(),
  component: z.array(Component).optional(),
});
const ResponseShape = z.object({
  resourceType: z.literal("QuestionnaireResponse"),
  id: z.string(),
  item: z.array(
    z.object({
      linkId: z.string(),
      answer: z
        .array(
          z.object({
            valueCoding: Coding.optional(),
            valueInteger: z.number().optional(),
            valueDate: z.string().optional(),
          }),
        )
        .optional(),
    }),
  ),
});

const BlockFields = z
  .object({
    givenAt: z.iso.datetime({ offset: true, error: "The block has no time (performedDateTime)." }),
    region: z.enum(Region.options, { error: "The block's region is not one the portal knows." }),
    side: z
      .enum(ProcedureSide.options, { error: "The block's side is not one the portal knows." })
      .nullable(),
    targets: techniqueShape.targets,
    anesthetic: z.enum(Anesthetic.options, {
      error: "The block's anesthetic is not one the portal knows.",
    }),
    prePain: z
      .number({ error: "The block has no pain before it (a whole number from 1 to 10)." })
      .int("The block has no pain before it (a whole number from 1 to 10).")
      .min(1, "The block has no pain before it (a whole number from 1 to 10).")
      .max(10, "The block has no pain before it (a whole number from 1 to 10)."),
  })
  .superRefine(checkTechnique);
const BlockRecordFields = z.object({
  minutesAfter: z
    .number({ error: "The answer does not say how long after the block it was given." })
    .int("The answer does not say how long after the block it was given.")
    .min(1, "An answer after a block is given 1 to 1440 minutes after it.")
    .max(1440, "An answer after a block is given 1 to 1440 minutes after it."),
  pain: z
    .number({ error: "The answer's pain is a whole number from 0 to 10." })
    .int("The answer's pain is a whole number from 0 to 10.")
    .min(0, "The answer's pain is a whole number from 0 to 10.")
    .max(10, "The answer's pain is a whole number from 0 to 10."),
  activityTried: z.boolean().nullable(),
  recordedAt: z.iso.datetime({
    offset: true,
    error: "The answer has no time (effectiveDateTime).",
  }),
});

// ---- Helpers ----

const codeIn = (concept: z.infer<typeof Concept> | undefined, system: string) =>
  concept?.coding?.find((c) => c.system === system)?.code;
const hasCode = (concept: z.infer<typeof Concept> | undefined, system: string, code: string) =>
  concept?.coding?.some((c) => c.system === system && c.code === code) ?? false;
const portalComponent = (c: z.infer<typeof Component>, code: string) =>
  hasCode(c.code, `${PORTAL_SYSTEM}:observation`, code);
const procedureIdOf = (reference: string) => /^(?:.*\/)?Procedure\/([^/]+)$/.exec(reference)?.[1];
const dayOf = (value: string) => (isIsoDate(value.slice(0, 10)) ? value.slice(0, 10) : null);

const REGION_BY_SNOMED = new Map(Object.entries(REGION_SNOMED).map(([r, [code]]) => [code, r]));
const SIDE_BY_SNOMED = new Map(Object.entries(SIDE_SNOMED).map(([s, [code]]) => [code, s]));

/** zod's first message per field, as one sentence each. */
function zodMessages(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((i) => i.message))];
}

function componentsOf(components: z.infer<typeof Component>[] | undefined) {
  const cs = components ?? [];
  return {
    locations: cs
      .filter((c) => portalComponent(c, COMPONENT_CODES.location))
      .map((c) => codeIn(c.valueCodeableConcept, `${PORTAL_SYSTEM}:location`) ?? ""),
    qualities: cs
      .filter((c) => portalComponent(c, COMPONENT_CODES.quality))
      .map((c) => codeIn(c.valueCodeableConcept, `${PORTAL_SYSTEM}:quality`) ?? ""),
    soreness: cs.find((c) => portalComponent(c, COMPONENT_CODES.siteSoreness))?.valueBoolean,
    interference: cs.find((c) => portalComponent(c, COMPONENT_CODES.interference))?.valueQuantity
      ?.value,
  };
}

// ---- Procedure ----

/** Region, side and targets of a Procedure's body sites (an ablation's or a block's). */
function sitesOf(p: z.infer<typeof ProcedureShape>) {
  const [site, ...targetSites] = p.bodySite;
  const regionCode = codeIn(site, SNOMED);
  const lateral = site?.extension?.find((e) => e.url === LATERALITY_EXTENSION) as
    | { valueCodeableConcept?: z.infer<typeof Concept> }
    | undefined;
  const sideCode = codeIn(lateral?.valueCodeableConcept, SNOMED);
  return {
    region: regionCode ? REGION_BY_SNOMED.get(regionCode) : "other",
    side: sideCode ? (SIDE_BY_SNOMED.get(sideCode) ?? sideCode) : null,
    targets: targetSites.flatMap((s) => {
      const code = codeIn(s, `${PORTAL_SYSTEM}:target`);
      return code ? [code] : [];
    }),
  };
}

function procedureFields(
  p: z.infer<typeof ProcedureShape>,
  baseline: z.infer<typeof ObservationShape> | undefined,
) {
  const { region, side, targets } = sitesOf(p);
  const technique = (p.extension?.find((e) => e.url === TECHNIQUE_EXTENSION)?.extension ??
    []) as Array<{ url: string; valueInteger?: number; valueQuantity?: { value?: number } }>;
  const part = (url: string) => {
    const e = technique.find((x) => x.url === url);
    return e?.valueInteger ?? e?.valueQuantity?.value ?? null;
  };
  const used = (kind: string) =>
    p.usedCode?.map((c) => codeIn(c, `${PORTAL_SYSTEM}:${kind}`)).find(Boolean) ?? null;
  const details = p.note?.find((n) => n.text.startsWith("Target details: "))?.text.slice(16);
  const ofText = /nerve ablation of (.+)$/.exec(p.code.text ?? "")?.[1];
  const target = details ?? (targets.length ? targetsLabel(targets) : (ofText ?? ""));
  const bc = componentsOf(baseline?.component);
  return {
    performedOn: dayOf(p.performedDateTime) ?? p.performedDateTime,
    modality: codeIn(p.code, `${PORTAL_SYSTEM}:modality`),
    region,
    side,
    target,
    targets,
    rfVariant: used("rf-variant"),
    imaging: used("imaging"),
    lesionTempC: part("lesionTemperature"),
    lesionSeconds: part("lesionDuration"),
    lesionCount: part("lesionCount"),
    probeGauge: part("probeGauge"),
    activeTipMm: part("activeTip"),
    baselinePain: baseline?.valueQuantity?.value,
    baselineInterference: bc.interference ?? null,
    baselineLocations: bc.locations,
    baselineQualities: bc.qualities,
  };
}

// ---- Entries ----

const EntryFields = z.object({
  entryDate: z.string().refine(isIsoDate, "The entry's date is not a date (YYYY-MM-DD)."),
  painAverage: z
    .number()
    .int()
    .min(0)
    .max(10, "The pain score must be a whole number from 0 to 10."),
  enjoyment: z
    .number()
    .int()
    .min(0)
    .max(10, "Enjoyment of life must be a whole number from 0 to 10.")
    .nullable(),
  activity: z
    .number()
    .int()
    .min(0)
    .max(10, "General activity must be a whole number from 0 to 10.")
    .nullable(),
  locations: z.array(z.enum(Location.options, { error: "A location is not one of the portal's." })),
  qualities: z.array(z.enum(Quality.options, { error: "A quality is not one of the portal's." })),
  siteSoreness: z.boolean({ error: "The entry does not say whether the treated site is sore." }),
  pgic: z
    .enum(Pgic.options, { error: "The check-in answer is not one of the portal's." })
    .nullable(),
  checkInDay: z.number().int().min(1).max(3650).nullable(),
});
const scoreMessage = "A score must be a whole number from 0 to 10.";

// ---- The Bundle ----

const NOT_A_BUNDLE = "This is not a FHIR Bundle (resourceType must be Bundle).";
const BundleShape = z.object(
  {
    resourceType: z.literal("Bundle", "This is not a FHIR Bundle (resourceType must be Bundle)."),
    entry: z
      .array(
        z.object({
          resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }),
        }),
        {
          error: "The Bundle has no entries.",
        },
      )
      .min(1, "The Bundle has no entries.")
      .max(
        BUNDLE_MAX_ENTRIES,
        `A Bundle may carry at most ${BUNDLE_MAX_ENTRIES.toLocaleString("en-US")} resources.`,
      ),
  },
  { error: NOT_A_BUNDLE },
);

const IMPORTED_TYPES = new Set([
  "Patient",
  "Procedure",
  "Observation",
  "QuestionnaireResponse",
  "CarePlan",
]);

/**
 * The Bundle (parsed JSON) as the portal's records, or every problem found, each under its
 * resource. Nothing is half-read: any problem means no record.
 */
export function bundleToRecord(json: unknown):
  | { ok: true; record: ImportedRecord }
  | {
      ok: false;
      problems: ImportProblem[];
      /** The patient, when that part could be read: the import checks their email and MRN too. */
      patient?: ImportedPatient;
    } {
  const problems: ImportProblem[] = [];
  const add = (resource: string, message: string) => problems.push({ resource, message });
  const bundle = BundleShape.safeParse(json);
  if (!bundle.success) {
    return {
      ok: false,
      problems: zodMessages(bundle.error).map((m) => ({
        resource: "Bundle",
        message: m.startsWith("Invalid input")
          ? "Each entry of the Bundle must hold a resource with its resourceType and id."
          : m,
      })),
    };
  }
  const seen = new Set<string>();
  const patients: z.infer<typeof PatientShape>[] = [];
  const procs: z.infer<typeof ProcedureShape>[] = [];
  const observations: z.infer<typeof ObservationShape>[] = [];
  const responses: z.infer<typeof ResponseShape>[] = [];
  const skipped: Record<string, number> = {};
  bundle.data.entry.forEach(({ resource }, index) => {
    const name = resource.id
      ? `${resource.resourceType}/${resource.id}`
      : `${resource.resourceType} (entry ${index + 1})`;
    if (!resource.id || !/^[A-Za-z0-9\-.]{1,64}$/.test(resource.id)) {
      add(name, "The resource has no valid id.");
      return;
    }
    if (seen.has(name)) {
      add(name, "The same resource appears twice in the Bundle.");
      return;
    }
    seen.add(name);
    if (!IMPORTED_TYPES.has(resource.resourceType)) {
      add(
        name,
        `A ${resource.resourceType} cannot be imported: the portal reads Patient, Procedure, Observation, QuestionnaireResponse and CarePlan.`,
      );
      return;
    }
    if (resource.resourceType === "CarePlan") {
      skipped.CarePlan = (skipped.CarePlan ?? 0) + 1;
      return;
    }
    const shape = {
      Patient: PatientShape,
      Procedure: ProcedureShape,
      Observation: ObservationShape,
      QuestionnaireResponse: ResponseShape,
    }[resource.resourceType as "Patient"];
    const parsed = (shape as z.ZodType).safeParse(resource);
    if (!parsed.success) {
      for (const m of zodMessages(parsed.error)) add(name, readable(m));
      return;
    }
    if (resource.resourceType === "Patient")
      patients.push(parsed.data as z.infer<typeof PatientShape>);
    if (resource.resourceType === "Procedure")
      procs.push(parsed.data as z.infer<typeof ProcedureShape>);
    if (resource.resourceType === "Observation")
      observations.push(parsed.data as z.infer<typeof ObservationShape>);
    if (resource.resourceType === "QuestionnaireResponse")
      responses.push(parsed.data as z.infer<typeof ResponseShape>);
  });

  // The patient: exactly one, with a name and an email.
  if (patients.length !== 1)
    add(
      "Bundle",
      patients.length
        ? "The Bundle carries more than one Patient."
        : "The Bundle carries no Patient.",
    );
  let patient: ImportedPatient | null = null;
  const p = patients[0];
  if (p) {
    const name = `Patient/${p.id}`;
    const nameText =
      p.name[0]?.text ?? [...(p.name[0]?.given ?? []), p.name[0]?.family ?? ""].join(" ").trim();
    const fields = z
      .object({
        name: NameSchema,
        email: EmailSchema,
        dateOfBirth: DateOfBirthSchema,
        mrn: MrnSchema,
        phone: PhoneSchema,
      })
      .safeParse({
        name: nameText,
        email: p.telecom?.find((t) => t.system === "email")?.value ?? "",
        dateOfBirth: p.birthDate ?? "",
        mrn: p.identifier?.find((i) => i.system === `${PORTAL_SYSTEM}:mrn`)?.value ?? "",
        phone: p.telecom?.find((t) => t.system === "phone")?.value ?? "",
      });
    if (fields.success) patient = fields.data;
    else for (const m of zodMessages(fields.error)) add(name, m);
  }

  // Diagnostic blocks (their Procedure's code) and their answers (Observations partOf a block).
  const isBlock = (x: z.infer<typeof ProcedureShape>) =>
    hasCode(x.code, BLOCK_CODE.system, BLOCK_CODE.code);
  const blockProcs = procs.filter(isBlock);
  procs.splice(0, procs.length, ...procs.filter((x) => !isBlock(x)));
  const blockIds = new Set(blockProcs.map((x) => x.id));
  const blockOf = (o: z.infer<typeof ObservationShape>) => {
    const id = procedureIdOf(o.partOf[0]?.reference ?? "");
    return id && blockIds.has(id) ? id : null;
  };
  const blocks: ImportedBlock[] = [];
  for (const b of blockProcs) {
    const name = `Procedure/${b.id}`;
    const site = sitesOf(b);
    const pre = b.extension?.find((e) => e.url === BLOCK_PAIN_BEFORE_EXTENSION) as
      | { valueQuantity?: { value?: number } }
      | undefined;
    const parsed = BlockFields.safeParse({
      givenAt: b.performedDateTime,
      ...site,
      anesthetic:
        b.usedCode?.map((c) => codeIn(c, `${PORTAL_SYSTEM}:anesthetic`)).find(Boolean) ?? null,
      prePain: pre?.valueQuantity?.value,
    });
    if (!parsed.success) {
      for (const m of zodMessages(parsed.error)) add(name, readable(m));
      continue;
    }
    const records: ImportedBlock["records"] = [];
    for (const o of observations.filter((x) => blockOf(x) === b.id)) {
      const c = o.component ?? [];
      const r = BlockRecordFields.safeParse({
        minutesAfter: c.find((x) => portalComponent(x, COMPONENT_CODES.minutesAfter))?.valueQuantity
          ?.value,
        pain: o.valueQuantity?.value,
        activityTried:
          c.find((x) => portalComponent(x, COMPONENT_CODES.activityTried))?.valueBoolean ?? null,
        recordedAt: o.effectiveDateTime,
      });
      if (r.success) records.push(r.data);
      else for (const m of zodMessages(r.error)) add(`Observation/${o.id}`, m);
    }
    blocks.push({ sourceId: b.id, ...parsed.data, records });
  }
  observations.splice(0, observations.length, ...observations.filter((o) => !blockOf(o)));

  // Procedures, each with its baseline.
  const procIds = new Set(procs.map((x) => x.id));
  const baselineOf = new Map<string, z.infer<typeof ObservationShape>>();
  const isBaseline = (o: z.infer<typeof ObservationShape>) =>
    o.category?.some((c) => hasCode(c, `${PORTAL_SYSTEM}:observation-category`, "baseline")) ??
    false;
  const procOf = (o: z.infer<typeof ObservationShape>) => {
    const id = procedureIdOf(o.partOf[0]?.reference ?? "");
    if (!id || !procIds.has(id)) {
      add(`Observation/${o.id}`, "The procedure it follows (partOf) is not in the Bundle.");
      return null;
    }
    return id;
  };
  for (const o of observations.filter(isBaseline)) {
    const id = procOf(o);
    if (!id) continue;
    if (baselineOf.has(id)) add(`Observation/${o.id}`, "The procedure has a second baseline.");
    baselineOf.set(id, o);
  }
  const procedures: ImportedProcedure[] = [];
  for (const x of procs) {
    const name = `Procedure/${x.id}`;
    const baseline = baselineOf.get(x.id);
    if (!baseline) {
      add(name, "The procedure has no baseline Observation (the pain before it).");
      continue;
    }
    const fields = procedureFields(x, baseline);
    if (fields.region === undefined) {
      add(name, "The treated region's code is not one the portal knows.");
      continue;
    }
    const parsed = ProcedureFields.safeParse(fields);
    if (parsed.success) procedures.push({ sourceId: x.id, ...parsed.data });
    else for (const m of zodMessages(parsed.error)) add(name, m);
  }
  if (procs.length === 0)
    add("Bundle", "The Bundle carries no Procedure: an imported patient needs at least one.");

  // Diary entries: the pain Observation, its PEG panel and its check-in answer.
  const isLoinc = (o: z.infer<typeof ObservationShape>, code: string) =>
    hasCode(o.code, LOINC, code);
  const peg = new Map<string, z.infer<typeof ObservationShape>>();
  for (const o of observations) {
    if (isBaseline(o)) continue;
    if (isLoinc(o, LOINC_CODES.pegPanel)) peg.set(o.id.replace(/^peg-/, ""), o);
    else if (!isLoinc(o, LOINC_CODES.painSeverity))
      add(
        `Observation/${o.id}`,
        "The observation is neither a pain score (LOINC 72514-3) nor a PEG panel (LOINC 91148-7).",
      );
  }
  const pgicOf = new Map(responses.map((r) => [r.id.replace(/^pgic-/, ""), r]));
  const entries: ImportedEntry[] = [];
  const days = new Map<string, string>();
  for (const o of observations) {
    if (isBaseline(o) || !isLoinc(o, LOINC_CODES.painSeverity)) continue;
    const name = `Observation/${o.id}`;
    const procedureSourceId = procOf(o);
    if (!procedureSourceId) continue;
    const sourceId = o.id.replace(/^pain-/, "");
    const c = componentsOf(o.component);
    const panel = peg.get(sourceId);
    peg.delete(sourceId);
    const item = (code: string) =>
      panel?.component?.find((x) => hasCode(x.code, LOINC, code))?.valueQuantity?.value ?? null;
    const response = pgicOf.get(sourceId);
    pgicOf.delete(sourceId);
    const answer = (linkId: string) => response?.item.find((i) => i.linkId === linkId)?.answer?.[0];
    const parsed = EntryFields.safeParse({
      entryDate: dayOf(o.effectiveDateTime) ?? o.effectiveDateTime,
      painAverage: o.valueQuantity?.value,
      enjoyment: item(LOINC_CODES.pegEnjoyment),
      activity: item(LOINC_CODES.pegActivity),
      locations: c.locations,
      qualities: c.qualities,
      siteSoreness: c.soreness,
      pgic: answer("pgic")?.valueCoding?.code ?? null,
      checkInDay: answer("check-in-day")?.valueInteger ?? null,
    });
    if (!parsed.success) {
      for (const m of zodMessages(parsed.error)) add(name, readable(m));
      continue;
    }
    const e = parsed.data;
    if ((e.enjoyment === null) !== (e.activity === null)) {
      add(name, "The PEG panel answers only one of enjoyment of life and general activity.");
      continue;
    }
    const proc = procedures.find((x) => x.sourceId === procedureSourceId);
    if (proc && e.entryDate < proc.performedOn) {
      add(
        name,
        `The entry (${e.entryDate}) is dated before the procedure it follows (${proc.performedOn}).`,
      );
      continue;
    }
    const other = days.get(e.entryDate);
    if (other) {
      add(
        name,
        `Another entry (${other}) has the same day, ${e.entryDate}: the diary has one entry a day.`,
      );
      continue;
    }
    days.set(e.entryDate, name);
    entries.push({ sourceId, procedureSourceId, ...e });
  }
  for (const o of peg.values())
    add(`Observation/${o.id}`, "The PEG panel has no pain Observation of the same entry.");
  for (const r of pgicOf.values())
    add(
      `QuestionnaireResponse/${r.id}`,
      "The check-in answer has no pain Observation of the same entry.",
    );

  if (problems.length > 0 || !patient)
    return { ok: false, problems, ...(patient ? { patient } : {}) };
  return { ok: true, record: { patient, procedures, entries, blocks, skipped } };
}

/** zod's default messages for a wrong type, said as a person would. */
function readable(message: string): string {
  if (/^Invalid input: expected number/.test(message)) return scoreMessage;
  if (/^Invalid input: expected/.test(message)) return "A field has the wrong kind of value.";
  if (/^Too (small|big)/.test(message)) return scoreMessage;
  return message;
}
