// Stored caseload assessments are valid only for the ASSESSMENT_VERSION they were computed with
// (decision 008). This fingerprints what the caseload computes for a fixed set of varied diaries:
// when the engine, the acknowledgement episodes or the cached shape change what it computes, the
// fingerprint changes and this fails until ASSESSMENT_VERSION is raised, so that no assessment
// stored by the previous code is served as current.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type AssessmentEntry,
  type AssessmentInput,
  addDays,
  assessOutcome,
  type Criteria,
  type FlagCode,
  type Location,
  type ProcedureSide,
  type Quality,
  type Region,
} from "@/server/outcomes";
import { ASSESSMENT_VERSION, CACHE_VERSIONS, patientView } from "./assessments";
import { caseloadAssessment } from "./caseload";
import type { Acknowledgement } from "./flags";

/**
 * The fingerprint of each ASSESSMENT_VERSION. When this test fails because the caseload's
 * assessments changed on purpose: raise ASSESSMENT_VERSION in assessments/cache.ts and add its fingerprint
 * here (never change an existing line).
 */
const FINGERPRINTS: Record<number, string> = {
  1: "f867e48a0b67cefae17b095e211a18701b3985d61a12714b07ee0251e0d65fc2",
  2: "a12b89da6b9fc2c67f99f89f75d949660771daa324ab248e576ab567ce724ff7",
  3: "3adf7acede8a94076798b51821e5918b94a08b9d818cd83accdfa72cb7528eb8",
  4: "cec548a3794f8a53c8536724d253dacd7d09ef47c485a05a35a0e01cf9772974",
};

/**
 * The fingerprint of each CACHE_VERSIONS.patient (what the patient's home and progress page show
 * of the assessment, cached as kind `patient`): when it changes on purpose, raise that version in
 * assessments/cache.ts and add its fingerprint here.
 */
const PATIENT_FINGERPRINTS: Record<number, string> = {
  3001: "1b34ea95d30a500d991b0dc9e3aeab1ad58e3b7d7134d4f3bc62f788f65ffba0",
  4001: "1b34ea95d30a500d991b0dc9e3aeab1ad58e3b7d7134d4f3bc62f788f65ffba0",
};

/** mulberry32, so the diaries are the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AS_OF = "2026-06-15";
const CODES: FlagCode[] = ["NO_IMPROVEMENT", "PAIN_SHIFT", "DIARY_LAPSED", "WORSE_THAN_BASELINE"];

/**
 * Relief, recurrence, worsening, no change, gaps, new places (the other side too), burning,
 * soreness, check-ins; spinal and joint regions, with and without a side.
 */
function corpus<T>(assess: (input: AssessmentInput, acks: Map<string, Acknowledgement>) => T) {
  const cases: T[] = [];
  for (let seed = 1; seed <= 160; seed++) {
    const rand = random(seed);
    const days = [3, 12, 16, 25, 40, 75, 120, 200, 260, 370][seed % 10] ?? 30;
    const performedOn = addDays(AS_OF, -days);
    const shape = seed % 7;
    const region = (["lumbar", "knee", "sacroiliac", "hip"] as Region[])[seed % 4] ?? "lumbar";
    const side = ([null, "right", "left", "bilateral", "right"] as const)[seed % 5] ?? null;
    const otherSide: Location = side === "left" ? `${region}:right` : `${region}:left`;
    const lapse = seed % 7 === 0 ? 10 : 0;
    const entries: AssessmentEntry[] = [];
    for (let day = 0; day <= days - lapse; day++) {
      if (rand() < 0.15) continue;
      const base = [3, day < days - 25 ? 3 : 7, 8, 5, 6, day < 20 ? 6 : 1, 9][shape] ?? 5;
      const r = rand();
      const locations: Location[] =
        r < 0.1 ? [region, "cervical"] : r < 0.25 ? [region, otherSide] : [region];
      const qualities: Quality[] = rand() < 0.1 ? ["aching", "burning"] : ["aching"];
      entries.push({
        entryDate: addDays(performedOn, day),
        painAverage: Math.max(0, Math.min(10, base + Math.floor(rand() * 3) - 1)),
        interference: rand() < 0.1 ? null : Math.floor(rand() * 21) / 2,
        locations,
        qualities,
        siteSoreness: rand() < 0.2,
        pgic: [14, 42, 90, 180].includes(day) ? "much_improved" : null,
      });
    }
    const acks = new Map<string, Acknowledgement>();
    if (seed % 3 === 2) {
      for (const code of CODES) {
        acks.set(code, {
          procedureId: String(seed),
          code,
          asOf: addDays(AS_OF, -(seed % 9)),
          note: "",
          acknowledgedAt: new Date(0),
          byName: null,
          decisionId: null,
        });
      }
    }
    const criteria: Criteria = seed % 2 ? "strict" : "lenient";
    const procedure = {
      performedOn,
      region,
      side: side as ProcedureSide | null,
      baselinePain: 6 + (seed % 3),
      baselineInterference: seed % 4 ? 6 : null,
      baselineLocations: [region],
      baselineQualities: seed % 5 ? ["aching" as const] : ["aching" as const, "burning" as const],
    };
    cases.push(assess({ procedure, entries, asOf: AS_OF, criteria }, acks));
  }
  return cases;
}

describe("ASSESSMENT_VERSION", () => {
  it("is raised whenever what the caseload stores per procedure changes", () => {
    const cases = corpus(caseloadAssessment);
    // the corpus exercises what it should
    expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(7);
    expect(cases.some((c) => c.category === "worse")).toBe(true);
    expect(new Set(cases.flatMap((c) => c.flags.map((f) => f.code))).size).toBeGreaterThanOrEqual(
      5,
    );
    expect(cases.some((c) => c.flags.some((f) => f.acknowledged))).toBe(true);
    expect(cases.some((c) => c.success)).toBe(true);
    expect(cases.some((c) => c.overdueCheckIns.length > 0)).toBe(true);
    expect(cases.some((c) => c.dueCheckIns.length > 0)).toBe(true);

    const fingerprint = createHash("sha256").update(JSON.stringify(cases)).digest("hex");
    expect(
      fingerprint,
      "The caseload's assessments changed: raise ASSESSMENT_VERSION (server/services/assessments/cache.ts) and add the new fingerprint to FINGERPRINTS.",
    ).toBe(FINGERPRINTS[ASSESSMENT_VERSION]);
  });
});

describe("CACHE_VERSIONS.patient", () => {
  it("is raised whenever what the patient's pages store per procedure changes", () => {
    const cases = corpus((input) => patientView(assessOutcome(input)));
    expect(new Set(cases.map((c) => c.phase)).size).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => c.checkIns.some((k) => k.status === "due"))).toBe(true);
    const fingerprint = createHash("sha256").update(JSON.stringify(cases)).digest("hex");
    expect(
      fingerprint,
      "What the patient sees of the assessment changed: raise CACHE_VERSIONS.patient (server/services/assessments/cache.ts) and add the new fingerprint to PATIENT_FINGERPRINTS.",
    ).toBe(PATIENT_FINGERPRINTS[CACHE_VERSIONS.patient]);
  });
});
