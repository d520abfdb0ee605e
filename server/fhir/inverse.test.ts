import type { Observation, Procedure } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/server/testing/fhir-bundle";
import { bundleToRecord } from "./inverse";

const bundle = () =>
  sampleBundle({ email: "Ivy.Imported@Example.test", mrn: "MRN-1", today: "2026-03-01" });
const resourceOf = <T>(b: ReturnType<typeof bundle>, prefix: string) =>
  b.entry?.find((e) => `${e.resource?.resourceType}/${e.resource?.id}`.startsWith(prefix))
    ?.resource as T;

describe("bundleToRecord: the export read back", () => {
  it("gives the patient, the procedure with its baseline, and each entry", () => {
    const result = bundleToRecord(bundle());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { patient, procedures, entries } = result.record;
    expect(patient).toEqual({
      name: "Imported Person",
      email: "ivy.imported@example.test",
      dateOfBirth: "1960-03-02",
      mrn: "MRN-1",
      phone: null,
    });
    expect(procedures).toHaveLength(1);
    expect(procedures[0]).toMatchObject({
      performedOn: "2026-01-30",
      modality: "cryoablation",
      region: "knee",
      side: "left",
      baselinePain: 7,
      baselineInterference: 6,
      baselineLocations: ["knee:left"],
      baselineQualities: ["aching"],
    });
    expect(entries.map((e) => [e.entryDate, e.painAverage, e.enjoyment, e.activity])).toEqual([
      ["2026-02-09", 4, 3, 4],
      ["2026-02-19", 3, 3, 4],
    ]);
    expect(entries[0]?.procedureSourceId).toBe(procedures[0]?.sourceId);
  });

  const cases: Array<[string, (b: ReturnType<typeof bundle>) => void, string, string]> = [
    [
      "a pain score out of range",
      (b) => {
        resourceOf<Observation>(b, "Observation/pain-").valueQuantity = { value: 11 };
      },
      "Observation/pain-",
      "The pain score must be a whole number from 0 to 10.",
    ],
    [
      "an unknown modality",
      (b) => {
        const coding = resourceOf<Procedure>(b, "Procedure/").code?.coding?.[0];
        if (coding) coding.code = "laser";
      },
      "Procedure/",
      "Choose the modality.",
    ],
    [
      "an entry before its procedure",
      (b) => {
        resourceOf<Observation>(b, "Observation/pain-").effectiveDateTime = "2025-01-01";
      },
      "Observation/pain-",
      "The entry (2025-01-01) is dated before the procedure it follows (2026-01-30).",
    ],
    [
      "an observation pointing at no procedure of the Bundle",
      (b) => {
        resourceOf<Observation>(b, "Observation/pain-").partOf = [{ reference: "Procedure/x" }];
      },
      "Observation/pain-",
      "The procedure it follows (partOf) is not in the Bundle.",
    ],
  ];
  for (const [what, change, resource, message] of cases) {
    it(`refuses ${what}, named by its resource`, () => {
      const b = bundle();
      change(b);
      const result = bundleToRecord(b);
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems;
      expect(
        problems.some((p) => p.resource.startsWith(resource) && p.message === message),
        JSON.stringify(problems),
      ).toBe(true);
    });
  }

  it("refuses what is not a Bundle, or a Bundle without a patient", () => {
    expect(bundleToRecord([])).toEqual({
      ok: false,
      problems: [
        { resource: "Bundle", message: "This is not a FHIR Bundle (resourceType must be Bundle)." },
      ],
    });
    const b = bundle();
    b.entry = b.entry?.filter((e) => e.resource?.resourceType !== "Patient");
    const result = bundleToRecord(b);
    expect(result.ok ? [] : result.problems).toContainEqual({
      resource: "Bundle",
      message: "The Bundle carries no Patient.",
    });
  });
});
