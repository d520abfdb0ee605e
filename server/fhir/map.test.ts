import type { Observation, Procedure, QuestionnaireResponse } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { NO_TECHNIQUE } from "@/shared/technique";
import {
  BLOCK_CODE,
  BLOCK_PAIN_BEFORE_EXTENSION,
  baselineObservation,
  blockResources,
  COMPONENT_CODES,
  carePlanResource,
  entryResources,
  type FhirDecisionInput,
  type FhirEntryInput,
  LATERALITY_EXTENSION,
  LOINC,
  patientBundle,
  patientResource,
  procedureResource,
  SNOMED,
  TECHNIQUE_EXTENSION,
  UCUM,
} from "./map";

const PATIENT = "7b3f1c9e-2d4a-4c61-9a0b-1f2e3d4c5b6a";
const PROCEDURE = "0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f";
const updatedAt = new Date("2026-03-02T19:30:00Z");
const BASELINE = {
  baselinePain: 7,
  baselineInterference: 6,
  baselineLocations: ["lumbar", "knee:right"],
  baselineQualities: ["aching", "burning"],
};

const entry = (over: Partial<FhirEntryInput> = {}): FhirEntryInput => ({
  id: "11111111-2222-4333-8444-555555555555",
  patientId: PATIENT,
  procedureId: PROCEDURE,
  entryDate: "2026-03-02",
  painAverage: 4,
  locations: ["knee:left"],
  qualities: ["tingling"],
  siteSoreness: true,
  enjoyment: 3,
  activity: 5,
  pgic: null,
  checkInDay: null,
  updatedAt,
  ...over,
});

const codes = (o: Observation) => o.code.coding?.map((c) => `${c.system}|${c.code}`);
const componentValues = (o: Observation) =>
  Object.fromEntries(
    (o.component ?? []).map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value]),
  );

describe("diary entry to FHIR (docs/decisions/015-fhir-export.md, docs/clinical-rules.md#check-ins)", () => {
  // Each row: an entry, the resources it gives, and the PEG components when there is a panel.
  const table: Array<{
    name: string;
    entry: FhirEntryInput;
    types: string[];
    peg?: Record<string, number>;
  }> = [
    {
      name: "pain and both interference items: pain and PEG panel",
      entry: entry({ painAverage: 4, enjoyment: 3, activity: 5 }),
      types: ["Observation:72514-3", "Observation:91148-7"],
      peg: { "75893-8": 4, "91145-3": 3, "91146-1": 5, "91147-9": 4 },
    },
    {
      name: "PEG mean is the mean of the three items, not of the two interference items",
      entry: entry({ painAverage: 8, enjoyment: 2, activity: 3 }),
      types: ["Observation:72514-3", "Observation:91148-7"],
      peg: { "75893-8": 8, "91145-3": 2, "91146-1": 3, "91147-9": 4.33 },
    },
    {
      name: "zeros are answers, not missing values",
      entry: entry({ painAverage: 0, enjoyment: 0, activity: 0 }),
      types: ["Observation:72514-3", "Observation:91148-7"],
      peg: { "75893-8": 0, "91145-3": 0, "91146-1": 0, "91147-9": 0 },
    },
    {
      name: "without interference: only the pain Observation",
      entry: entry({ enjoyment: null, activity: null }),
      types: ["Observation:72514-3"],
    },
    {
      name: "one interference item missing: only the pain Observation",
      entry: entry({ enjoyment: 6, activity: null }),
      types: ["Observation:72514-3"],
    },
    {
      name: "a check-in answer adds a QuestionnaireResponse",
      entry: entry({ pgic: "much_improved", checkInDay: 42 }),
      types: ["Observation:72514-3", "Observation:91148-7", "QuestionnaireResponse:pgic"],
      peg: { "75893-8": 4, "91145-3": 3, "91146-1": 5, "91147-9": 4 },
    },
  ];

  for (const row of table) {
    it(row.name, () => {
      const resources = entryResources(row.entry);
      expect(
        resources.map((r) =>
          r.resourceType === "Observation"
            ? `Observation:${r.code.coding?.[0]?.code}`
            : `${r.resourceType}:${(r as QuestionnaireResponse).item?.[0]?.linkId}`,
        ),
      ).toEqual(row.types);
      const [pain, second] = resources as Observation[];
      expect(pain).toMatchObject({
        status: "final",
        subject: { reference: `Patient/${PATIENT}` },
        effectiveDateTime: row.entry.entryDate,
        category: [{ coding: [{ code: "survey" }] }],
        valueQuantity: {
          value: row.entry.painAverage,
          unit: "{score}",
          system: UCUM,
          code: "{score}",
        },
      });
      expect(pain && codes(pain)).toEqual([`${LOINC}|72514-3`]);
      if (row.peg) {
        expect(second && codes(second)).toEqual([`${LOINC}|91148-7`]);
        expect(second?.status).toBe("final");
        expect(second?.valueQuantity).toBeUndefined();
        expect(second && componentValues(second)).toEqual(row.peg);
        for (const c of second?.component ?? []) {
          expect(c.code.coding?.[0]?.system).toBe(LOINC);
          expect(c.valueQuantity).toMatchObject({ unit: "{score}", system: UCUM, code: "{score}" });
        }
      }
    });
  }

  it("gives each resource of an entry its own id", () => {
    const ids = entryResources(entry({ pgic: "no_change", checkInDay: 14 })).map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });

  it("writes the PGIC answer as a coded, completed QuestionnaireResponse", () => {
    const qr = entryResources(entry({ pgic: "minimally_worse", checkInDay: 90 })).find(
      (r) => r.resourceType === "QuestionnaireResponse",
    ) as QuestionnaireResponse;
    expect(qr.status).toBe("completed");
    expect(qr.item?.[0]?.answer?.[0]?.valueCoding).toMatchObject({
      code: "minimally_worse",
      display: "Minimally worse",
    });
    expect(qr.item?.[1]).toMatchObject({ linkId: "check-in-day", answer: [{ valueInteger: 90 }] });
  });
});

describe("patient, procedure and decisions to FHIR", () => {
  it("gives the patient an MRN identifier and birth date when known", () => {
    const p = patientResource({
      id: PATIENT,
      name: "Pat Patient",
      email: "pat@example.com",
      active: true,
      birthDate: "1961-04-09",
      mrn: "MRN-0042",
      phone: "+1 555 0100",
    });
    expect(p.birthDate).toBe("1961-04-09");
    expect(p.identifier?.find((i) => i.type?.coding?.[0]?.code === "MR")?.value).toBe("MRN-0042");
    expect(p.telecom).toEqual([
      { system: "email", value: "pat@example.com" },
      { system: "phone", value: "+1 555 0100" },
    ]);
    const bare = patientResource({ id: PATIENT, name: "A", email: "a@b.c", active: false });
    expect(bare.birthDate).toBeUndefined();
    expect(bare.identifier?.some((i) => i.type)).toBe(false);
    expect(bare.active).toBe(false);
  });

  it("maps a procedure with its date, modality and body site in words", () => {
    expect(
      procedureResource({
        id: PROCEDURE,
        patientId: PATIENT,
        ...BASELINE,
        performedOn: "2026-01-20",
        modality: "cryoablation",
        region: "knee",
        side: "left",
        target: "Genicular nerves",
        ...NO_TECHNIQUE,
      }),
    ).toMatchObject({
      status: "completed",
      performedDateTime: "2026-01-20",
      code: { text: "Cryoablation (cold) nerve ablation of Genicular nerves" },
      bodySite: [
        {
          coding: [{ system: SNOMED, code: "72696002", display: "Knee region structure" }],
          text: "Left knee",
          extension: [
            {
              url: LATERALITY_EXTENSION,
              valueCodeableConcept: { coding: [{ system: SNOMED, code: "7771000" }] },
            },
          ],
        },
      ],
      subject: { reference: `Patient/${PATIENT}` },
    });
  });

  it("carries the technique: targets as body sites, RF variant and imaging as used codes, the numbers in an extension, and the whole in words", () => {
    const p = procedureResource({
      id: PROCEDURE,
      patientId: PATIENT,
      ...BASELINE,
      performedOn: "2026-01-20",
      modality: "radiofrequency",
      region: "lumbar",
      side: "left",
      target: "L4-L5 facet joint",
      targets: ["medial_branch:L5", "medial_branch:L4"],
      rfVariant: "cooled",
      lesionTempC: 60,
      lesionSeconds: 150,
      lesionCount: 2,
      probeGauge: 17,
      activeTipMm: 4,
      imaging: "fluoroscopy",
    });
    expect(p.code?.text).toBe("Radiofrequency (heat) nerve ablation of L4, L5 medial branches");
    expect(p.bodySite?.map((b) => [b.coding?.[0]?.code, b.text])).toEqual([
      ["122496007", "Left lumbar spine"],
      ["medial_branch:L5", "L5 medial branch"],
      ["medial_branch:L4", "L4 medial branch"],
    ]);
    expect(p.bodySite?.[1]?.coding?.[0]?.system).toBe("urn:ablation-follow-up-portal:target");
    expect(p.bodySite?.[1]?.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      "7771000",
    );
    expect(p.usedCode).toEqual([
      {
        coding: [
          {
            system: "urn:ablation-follow-up-portal:rf-variant",
            code: "cooled",
            display: "Cooled RF",
          },
        ],
        text: "Cooled RF",
      },
      {
        coding: [
          {
            system: "urn:ablation-follow-up-portal:imaging",
            code: "fluoroscopy",
            display: "Fluoroscopy guidance",
          },
        ],
        text: "Fluoroscopy guidance",
      },
    ]);
    expect(p.extension).toEqual([
      {
        url: TECHNIQUE_EXTENSION,
        extension: [
          {
            url: "lesionTemperature",
            valueQuantity: { value: 60, unit: "Cel", system: UCUM, code: "Cel" },
          },
          {
            url: "lesionDuration",
            valueQuantity: { value: 150, unit: "s", system: UCUM, code: "s" },
          },
          { url: "lesionCount", valueInteger: 2 },
          { url: "probeGauge", valueInteger: 17 },
          { url: "activeTip", valueQuantity: { value: 4, unit: "mm", system: UCUM, code: "mm" } },
        ],
      },
    ]);
    expect(p.note).toEqual([
      {
        text: "Technique: Cooled RF · L4, L5 medial branches · 60 °C × 150 s × 2 lesions · 17 G, 4 mm tip · Fluoroscopy",
      },
      { text: "Target details: L4-L5 facet joint" },
    ]);
    // Nothing recorded: none of it.
    const bare = procedureResource({
      id: PROCEDURE,
      patientId: PATIENT,
      ...BASELINE,
      performedOn: "2026-01-20",
      modality: "chemical",
      region: "knee",
      side: null,
      target: "",
      ...NO_TECHNIQUE,
    });
    expect([bare.extension, bare.usedCode, bare.note, bare.bodySite?.length]).toEqual([
      undefined,
      undefined,
      undefined,
      1,
    ]);
  });

  it.each([
    // region, side, text, laterality code
    ["knee", "right", "Right knee", "24028007"],
    ["lumbar", "bilateral", "Lumbar spine, both sides", "51440002"],
    ["cervical", null, "Cervical spine", undefined],
    ["other", null, "Other", undefined],
  ] as const)(
    "codes the body site of %s, side %s, with its laterality",
    (region, side, text, lat) => {
      const [site] =
        procedureResource({
          id: PROCEDURE,
          patientId: PATIENT,
          ...BASELINE,
          performedOn: "2026-01-20",
          modality: "radiofrequency",
          region,
          side,
          target: "",
          ...NO_TECHNIQUE,
        }).bodySite ?? [];
      expect(site?.text).toBe(text);
      expect(site?.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(lat);
      expect(site?.coding?.length ?? 0).toBe(region === "other" ? 0 : 1);
    },
  );

  const decision: FhirDecisionInput = {
    id: "22222222-3333-4444-8555-666666666666",
    patientId: PATIENT,
    procedureId: PROCEDURE,
    createdAt: updatedAt,
    providerName: "Dr. Priya Provider",
    strategies: [
      { strategy: "physical_therapy", note: "Twice a week" },
      { strategy: "medication_adjustment", note: "" },
    ],
    followUpOn: "2026-04-01",
    supersedesId: "33333333-4444-4555-8666-777777777777",
    current: true,
    suspectedFactors: ["incomplete_ablation"],
    rationale: "Partial relief only",
  };

  it("maps a decision to a CarePlan: strategies, follow-up, amendment and status", () => {
    const plan = carePlanResource(decision, "staff");
    expect(plan).toMatchObject({ status: "active", intent: "plan" });
    expect(plan.replaces).toEqual([{ reference: `CarePlan/${decision.supersedesId}` }]);
    expect(
      plan.activity?.map((a) => a.detail?.code?.coding?.[0]?.code ?? a.detail?.code?.text),
    ).toEqual(["physical_therapy", "medication_adjustment", "Follow-up review"]);
    expect(plan.activity?.[0]?.detail?.description).toBe("Twice a week");
    expect(plan.activity?.[2]?.detail?.scheduledPeriod?.start).toBe("2026-04-01");
    expect(plan.note?.map((n) => n.text)).toEqual([
      "Suspected factors: Incomplete ablation",
      "Rationale: Partial relief only",
    ]);
    expect(carePlanResource({ ...decision, current: false }, "staff").status).toBe("revoked");
    // The region-right strategies of the third edition carry their codes and words.
    const joints = carePlanResource(
      {
        ...decision,
        strategies: [
          { strategy: "sacroiliac_joint_injection", note: "" },
          { strategy: "intra_articular_injection", note: "" },
        ],
      },
      "staff",
    );
    expect(joints.activity?.slice(0, 2).map((a) => a.detail?.code?.coding?.[0])).toMatchObject([
      { code: "sacroiliac_joint_injection", display: "Sacroiliac joint injection" },
      { code: "intra_articular_injection", display: "Joint injection (intra-articular)" },
    ]);
  });

  it("leaves the provider's reasoning out of the patient's own copy", () => {
    const plan = carePlanResource(decision, "patient");
    expect(plan.note).toBeUndefined();
    expect(JSON.stringify(plan)).not.toContain("Partial relief only");
    expect(plan.activity?.[0]?.detail?.description).toBe("Twice a week");
  });

  it("bundles everything as a collection with full URLs under the base", () => {
    const bundle = patientBundle(
      {
        patient: { id: PATIENT, name: "Pat", email: "p@e.c", active: true },
        procedures: [
          {
            id: PROCEDURE,
            patientId: PATIENT,
            ...BASELINE,
            performedOn: "2026-01-20",
            modality: "radiofrequency",
            region: "lumbar",
            side: "bilateral",
            target: "",
            ...NO_TECHNIQUE,
          },
        ],
        entries: [entry(), entry({ id: "44444444-5555-4666-8777-888888888888", enjoyment: null })],
        decisions: [decision],
      },
      { baseUrl: "https://clinic.example/api/fhir", timestamp: updatedAt, audience: "staff" },
    );
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(bundle.timestamp).toBe(updatedAt.toISOString());
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual([
      "Patient",
      "Procedure",
      "Observation", // the procedure's baseline
      "Observation",
      "Observation",
      "Observation",
      "CarePlan",
    ]);
    const urls = bundle.entry?.map((e) => e.fullUrl) ?? [];
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls[0]).toBe(`https://clinic.example/api/fhir/Patient/${PATIENT}`);
  });
});

describe("the round trip: an outside system recomputes the outcomes from the export alone", () => {
  const procedure = {
    id: PROCEDURE,
    patientId: PATIENT,
    ...BASELINE,
    performedOn: "2026-01-20",
    modality: "radiofrequency",
    region: "lumbar",
    side: "bilateral",
    target: "",
    ...NO_TECHNIQUE,
  };
  const coded = (o: Observation, code: string) =>
    (o.component ?? []).filter((c) => c.code.coding?.[0]?.code === code);
  const portal = (c: {
    valueCodeableConcept?: { coding?: Array<{ system?: string; code?: string }> };
  }) =>
    c.valueCodeableConcept?.coding?.find(
      (x) => x.system?.endsWith(":location") || x.system?.endsWith(":quality"),
    )?.code;

  it("exports the baseline as an Observation the day before the procedure, part of it and marked as the baseline", () => {
    const b = baselineObservation(procedure);
    expect(b).toMatchObject({
      effectiveDateTime: "2026-01-19",
      partOf: [{ reference: `Procedure/${PROCEDURE}` }],
      valueQuantity: { value: 7 },
      code: { coding: [{ system: LOINC, code: "72514-3" }] },
    });
    expect(b.category?.some((c) => c.coding?.some((x) => x.code === "baseline"))).toBe(true);
    expect(coded(b, COMPONENT_CODES.interference)[0]?.valueQuantity?.value).toBe(6);
    expect(coded(b, COMPONENT_CODES.location).map(portal)).toEqual(["lumbar", "knee:right"]);
    expect(coded(b, COMPONENT_CODES.quality).map(portal)).toEqual(["aching", "burning"]);
    // A body structure in SNOMED CT where one exists, the side in words.
    const knee = coded(b, COMPONENT_CODES.location)[1]?.valueCodeableConcept;
    expect(knee?.coding?.[0]).toMatchObject({ system: SNOMED, code: "72696002" });
    expect(knee?.text).toBe("Right knee");
  });

  it("points each diary Observation to its procedure and carries locations, qualities and site soreness", () => {
    const [pain, peg] = entryResources(entry()) as Observation[];
    for (const o of [pain, peg])
      expect(o?.partOf).toEqual([{ reference: `Procedure/${PROCEDURE}` }]);
    if (!pain) throw new Error("no pain Observation");
    expect(coded(pain, COMPONENT_CODES.location).map(portal)).toEqual(["knee:left"]);
    expect(coded(pain, COMPONENT_CODES.quality).map(portal)).toEqual(["tingling"]);
    expect(coded(pain, COMPONENT_CODES.siteSoreness)[0]?.valueBoolean).toBe(true);
  });

  it("codes the modality, not only in words", () => {
    expect(procedureResource(procedure).code?.coding?.[0]).toMatchObject({
      code: "radiofrequency",
      display: "Radiofrequency (heat)",
    });
  });
});

describe("diagnostic blocks as FHIR", () => {
  const block = {
    id: "b1",
    patientId: "p1",
    givenAt: new Date("2026-12-01T09:00:00Z"),
    region: "lumbar",
    side: "left",
    targets: ["medial_branch:L4", "medial_branch:L5"],
    anesthetic: "lidocaine",
    prePain: 7,
    records: [
      {
        id: "r1",
        minutesAfter: 15,
        pain: 1,
        activityTried: null,
        recordedAt: new Date("2026-12-01T09:16:10Z"),
      },
      {
        id: "r2",
        minutesAfter: 60,
        pain: 2,
        activityTried: true,
        recordedAt: new Date("2026-12-01T10:00:30Z"),
      },
    ],
  };

  it("a block is a Procedure with its time, sites, anesthetic and the pain before it", () => {
    const [procedure] = blockResources(block);
    expect(procedure).toMatchObject({
      resourceType: "Procedure",
      id: "b1",
      status: "completed",
      code: {
        coding: [{ ...BLOCK_CODE, display: "Diagnostic nerve block" }],
        text: "Diagnostic nerve block of L4, L5 medial branches",
      },
      performedDateTime: "2026-12-01T09:00:00.000Z",
      usedCode: [{ text: "Lidocaine" }],
      extension: [{ url: BLOCK_PAIN_BEFORE_EXTENSION, valueQuantity: { value: 7 } }],
    });
    expect((procedure as Procedure).bodySite).toHaveLength(3);
  });

  it.each([
    [0, "2026-12-01T09:15:00.000Z", 15, undefined],
    [1, "2026-12-01T10:00:00.000Z", 60, true],
  ])(
    "answer %i: pain now (LOINC 72514-3) partOf the block at %s, %i minutes after",
    (i, at, minutes, tried) => {
      const o = blockResources(block)[i + 1] as Observation;
      expect(o.partOf).toEqual([{ reference: "Procedure/b1" }]);
      expect(o.code.coding?.[0]?.code).toBe("72514-3");
      expect(o.effectiveDateTime).toBe(at);
      expect(o.component?.[0]?.valueQuantity).toMatchObject({ value: minutes, code: "min" });
      expect(o.component?.[1]?.valueBoolean).toBe(tried);
    },
  );
});
