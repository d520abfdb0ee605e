import { describe, expect, it } from "vitest";
import { type AssessmentInput, addDays, assessOutcome, type FlagCode } from "@/server/outcomes";
import { type Acknowledgement, flagStatuses } from "./flags";

const P = "2025-01-01";
const at = (day: number) => addDays(P, day);

/** Baseline 6; daily pain from `pain(day)` up to `days`, the treated site sore throughout. */
function input(days: number, pain: (day: number) => number): Omit<AssessmentInput, "asOf"> {
  return {
    procedure: { performedOn: P, region: "lumbar", baselinePain: 6 },
    entries: Array.from({ length: days + 1 }, (_, day) => ({
      entryDate: at(day),
      painAverage: pain(day),
      locations: ["lumbar" as const],
      qualities: ["aching" as const],
      siteSoreness: true,
    })),
  };
}

function ack(code: FlagCode, day: number): Map<string, Acknowledgement> {
  return new Map([
    [
      code,
      {
        procedureId: "p",
        code,
        asOf: at(day),
        note: "",
        acknowledgedAt: new Date(`${at(day)}T12:00:00Z`),
        decisionId: null,
        byName: "Dr. Test",
      },
    ],
  ]);
}

function statuses(i: Omit<AssessmentInput, "asOf">, asOfDay: number, acks = new Map()) {
  const assessment = assessOutcome({ ...i, asOf: at(asOfDay) });
  return flagStatuses(i, assessment, acks).map((f) => [f.code, f.acknowledged]);
}

describe("flag acknowledgements", () => {
  const worseThroughout = input(50, () => 8);
  // Worse, then back to baseline for a week (the flag clears on day 37), then worse again.
  const clearedInBetween = input(50, (d) => (d >= 31 && d <= 37 ? 6 : 8));

  it("leave a flag loud when nobody acknowledged it", () => {
    expect(statuses(worseThroughout, 50)).toEqual([
      ["WORSE_THAN_BASELINE", false],
      ["PROLONGED_SITE_SORENESS", false],
    ]);
  });

  it("quiet the flag acknowledged today, and only that flag", () => {
    expect(statuses(worseThroughout, 50, ack("WORSE_THAN_BASELINE", 50))).toEqual([
      ["WORSE_THAN_BASELINE", true],
      ["PROLONGED_SITE_SORENESS", false],
    ]);
  });

  it("keep it quiet while the flag is raised on every day since", () => {
    expect(statuses(worseThroughout, 50, ack("WORSE_THAN_BASELINE", 30))).toEqual([
      ["WORSE_THAN_BASELINE", true],
      ["PROLONGED_SITE_SORENESS", false],
    ]);
  });

  it("raise it again when it cleared on some day after the acknowledgement and came back", () => {
    const history = input(50, (d) => (d >= 31 && d <= 37 ? 6 : 8));
    expect(assessOutcome({ ...history, asOf: at(37) }).flags.map((f) => f.code)).not.toContain(
      "WORSE_THAN_BASELINE",
    );
    expect(statuses(clearedInBetween, 50, ack("WORSE_THAN_BASELINE", 30))).toEqual([
      ["WORSE_THAN_BASELINE", false],
      ["PROLONGED_SITE_SORENESS", false],
    ]);
    // acknowledged again after it came back: quiet again
    expect(statuses(clearedInBetween, 50, ack("WORSE_THAN_BASELINE", 45))[0]).toEqual([
      "WORSE_THAN_BASELINE",
      true,
    ]);
  });

  it("keep the acknowledgement with the flag either way, for the review page", () => {
    const assessment = assessOutcome({ ...clearedInBetween, asOf: at(50) });
    const [worse] = flagStatuses(clearedInBetween, assessment, ack("WORSE_THAN_BASELINE", 30));
    expect(worse?.acknowledgement).toMatchObject({ asOf: at(30), byName: "Dr. Test" });
  });
});
