import { describe, expect, it } from "vitest";
import { ProcedureFields } from "./schemas";
import {
  NO_TECHNIQUE,
  targetSetGroup,
  targetsLabel,
  targetsOf,
  techniqueGroup,
  techniqueSummary,
} from "./technique";

describe("targetsLabel", () => {
  it.each([
    [[], ""],
    [["medial_branch:L4"], "L4 medial branch"],
    [["medial_branch:L5", "medial_branch:L3", "medial_branch:L4"], "L3, L4, L5 medial branches"],
    [
      ["genicular:inferomedial", "genicular:superomedial"],
      "Superomedial, inferomedial genicular nerves",
    ],
    [
      ["lateral_branch:S2", "dorsal_ramus:L5", "lateral_branch:S1"],
      "L5 dorsal ramus; S1, S2 lateral branches",
    ],
    [["third_occipital", "medial_branch:C3"], "Third occipital nerve; C3 medial branch"],
    [
      ["articular_branch:femoral", "articular_branch:obturator"],
      "Obturator, femoral articular branches",
    ],
  ])("%j reads %j", (codes, words) => {
    expect(targetsLabel(codes)).toBe(words);
  });
});

describe("techniqueSummary", () => {
  it("reads the whole technique in one plain line", () => {
    expect(
      techniqueSummary({
        targets: ["medial_branch:L5", "medial_branch:L4"],
        rfVariant: "cooled",
        lesionTempC: 80,
        lesionSeconds: 90,
        lesionCount: 3,
        probeGauge: 17,
        activeTipMm: 10,
        imaging: "fluoroscopy",
      }),
    ).toBe(
      "Cooled RF · L4, L5 medial branches · 80 °C × 90 s × 3 lesions · 17 G, 10 mm tip · Fluoroscopy",
    );
  });

  it("leaves out what was not recorded, and is empty when nothing was", () => {
    expect(techniqueSummary(NO_TECHNIQUE)).toBe("");
    expect(
      techniqueSummary({ ...NO_TECHNIQUE, lesionCount: 1, activeTipMm: 5.5, imaging: "ct" }),
    ).toBe("1 lesion · 5.5 mm tip · CT");
    expect(techniqueSummary({ ...NO_TECHNIQUE, targets: ["genicular:superolateral"] })).toBe(
      "Superolateral genicular nerve",
    );
  });
});

describe("outcome groups", () => {
  it.each([
    ["radiofrequency", "cooled", "radiofrequency:cooled", "Cooled RF"],
    ["radiofrequency", "conventional", "radiofrequency:conventional", "Conventional RF"],
    ["radiofrequency", null, "radiofrequency", "RF, variant not recorded"],
    ["cryoablation", null, "cryoablation", "Cryoablation (cold)"],
  ] as const)("technique of %s %s is %s", (modality, rfVariant, key, label) => {
    expect(techniqueGroup({ modality, rfVariant })).toEqual({ key, label });
  });

  it("puts the same targets in any order in one group", () => {
    const a = targetSetGroup(["medial_branch:L5", "medial_branch:L4"]);
    expect(a).toEqual({
      key: "medial_branch:L4+medial_branch:L5",
      label: "L4, L5 medial branches",
    });
    expect(targetSetGroup(["medial_branch:L4", "medial_branch:L5"])).toEqual(a);
    expect(targetSetGroup([])).toEqual({ key: "", label: "Targets not recorded" });
  });
});

describe("the technique's input rules", () => {
  const base = {
    performedOn: "2026-01-10",
    modality: "radiofrequency",
    region: "lumbar",
    side: "bilateral",
    baselinePain: 7,
  };
  const messages = (extra: Record<string, unknown>) => {
    const r = ProcedureFields.safeParse({ ...base, ...extra });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
  };

  it("accepts every field on the line and nothing at all", () => {
    expect(messages({})).toEqual({});
    for (const [temp, seconds, count] of [
      [40, 30, 1],
      [95, 360, 20],
    ])
      expect(
        messages({
          targets: targetsOf("lumbar"),
          rfVariant: "conventional",
          lesionTempC: temp,
          lesionSeconds: seconds,
          lesionCount: count,
          probeGauge: 18,
          activeTipMm: 2.5,
          imaging: "ultrasound",
        }),
      ).toEqual({});
  });

  it.each([
    [
      { lesionTempC: 39 },
      "lesionTempC",
      "Enter the lesion temperature as a whole number from 40 to 95 °C.",
    ],
    [
      { lesionTempC: 96 },
      "lesionTempC",
      "Enter the lesion temperature as a whole number from 40 to 95 °C.",
    ],
    [
      { lesionSeconds: 29 },
      "lesionSeconds",
      "Enter the seconds per lesion as a whole number from 30 to 360 s.",
    ],
    [
      { lesionSeconds: 361 },
      "lesionSeconds",
      "Enter the seconds per lesion as a whole number from 30 to 360 s.",
    ],
    [
      { lesionCount: 0 },
      "lesionCount",
      "Enter the number of lesions as a whole number from 1 to 20.",
    ],
    [
      { lesionCount: 21 },
      "lesionCount",
      "Enter the number of lesions as a whole number from 1 to 20.",
    ],
    [
      { lesionCount: 2.5 },
      "lesionCount",
      "Enter the number of lesions as a whole number from 1 to 20.",
    ],
    [
      { activeTipMm: 2.25 },
      "activeTipMm",
      "Enter the active tip from 1 to 20 mm, to at most one decimal place.",
    ],
    [
      { targets: ["genicular:superomedial"] },
      "targets",
      "Superomedial genicular nerve is not a target of the lumbar spine region.",
    ],
    [
      { targets: ["medial_branch:L4", "medial_branch:L4"] },
      "targets",
      "Choose each target only once.",
    ],
    [{ targets: ["L4"] }, "targets", "Choose the targets from the list."],
    [
      { modality: "cryoablation", rfVariant: "cooled" },
      "rfVariant",
      "The RF variant applies to radiofrequency ablation only.",
    ],
    [{ imaging: "mri" }, "imaging", "Choose the imaging from the list."],
  ])("%j: %s says %j", (extra, field, message) => {
    expect(messages(extra)).toEqual({ [field]: message });
  });
});
