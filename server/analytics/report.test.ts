import { describe, expect, it } from "vitest";
import type { Category } from "@/server/outcomes";
import type { ProcedureOutcome } from "./cohort";
import { buildReport, cellMembers, type ReportProcedure } from "./report";
import { afterFailureTable } from "./report-tables";

const A = { key: "a", label: "Alpha" };
const B = { key: "b", label: "Beta" };

function outcome(
  today: Partial<ProcedureOutcome["today"]>,
  at42: [Category, boolean] | null = ["substantial", true],
): ProcedureOutcome {
  return {
    milestones: {
      42: at42 && { category: at42[0], success: at42[1] },
      90: null,
      180: null,
    },
    today: {
      category: "substantial",
      success: true,
      reliefDurationDays: null,
      peakReductionPct: null,
      ...today,
    },
  };
}

let n = 0;
function procedure(group: typeof A, o: ProcedureOutcome, extra: Partial<ReportProcedure> = {}) {
  n++;
  return {
    id: `p${n}`,
    group,
    outcome: o,
    repeatsId: null,
    strategies: [],
    factors: [],
    decided: false,
    ...extra,
  } satisfies ReportProcedure;
}

describe("outcomes report", () => {
  it("gives a rate with its interval only to groups with at least 5 evaluable procedures", () => {
    const report = buildReport([
      ...Array.from({ length: 4 }, () => procedure(A, outcome({}, ["substantial", true]))),
      procedure(A, outcome({}, ["no_change", false])),
      procedure(A, outcome({}, ["insufficient_data", false])),
      procedure(A, outcome({}, null)),
      ...Array.from({ length: 4 }, () => procedure(B, outcome({}, ["moderate", false]))),
    ]);
    const [alpha, beta] = report.milestones[0]?.groups ?? [];
    expect(alpha).toMatchObject({ reached: 6, evaluable: 5, notEvaluable: 1, successes: 4 });
    expect(alpha?.rate?.estimate).toBeCloseTo(0.8, 12);
    expect(alpha?.categories).toMatchObject({ substantial: 4, no_change: 1, insufficient_data: 1 });
    expect(beta).toMatchObject({ reached: 4, evaluable: 4, successes: 0, rate: null });
    expect(report.groups).toEqual([
      { ...A, procedures: 7 },
      { ...B, procedures: 4 },
    ]);
  });

  it("draws a curve for groups with 5 or more procedures in it and tests between those only", () => {
    const relief = (time: number, event: boolean) =>
      outcome({ reliefDurationDays: time, category: event ? "recurrence" : "substantial" });
    const report = buildReport([
      ...[100, 150, 200, 250, 300].map((t, i) => procedure(A, relief(t, i % 2 === 0))),
      procedure(A, outcome({ reliefDurationDays: null, category: "no_change", success: false })),
      ...[30, 40, 50, 60, 70].map((t) => procedure(B, relief(t, true))),
      procedure({ key: "c", label: "Gamma" }, relief(20, true)),
    ]);
    const [alpha, beta, gamma] = report.durability.groups;
    expect(alpha).toMatchObject({ n: 5, events: 3, censored: 2 });
    expect(alpha?.atRisk).toEqual([
      { day: 0, n: 5 },
      { day: 90, n: 5 },
      { day: 180, n: 3 },
      { day: 270, n: 1 },
      { day: 365, n: 0 },
    ]);
    expect(beta?.median?.estimate).toBe(50);
    expect(gamma).toMatchObject({ n: 1, curve: null, median: null });
    expect(report.durability.logRank?.df).toBe(1);
    expect(report.durability.logRank?.p).toBeLessThan(0.05);
  });

  it("pairs repeats with the procedure they repeat, also one outside the report", () => {
    const earlierOutside = outcome({ peakReductionPct: 40 });
    const first = procedure(A, outcome({ peakReductionPct: 50 }));
    const items = [
      first,
      procedure(A, outcome({ peakReductionPct: 60 }), { repeatsId: first.id }),
      procedure(A, outcome({ peakReductionPct: 45 }), { repeatsId: "outside" }),
      procedure(A, outcome({ peakReductionPct: null }), { repeatsId: first.id }),
      procedure(A, outcome({ peakReductionPct: 10 }), { repeatsId: "unknown" }),
    ];
    const report = buildReport(items, new Map([["outside", earlierOutside]]));
    expect(report.repeats.total).toBe(3);
    expect(report.repeats.pairs.map((p) => [p.earlierPeakPct, p.repeatPeakPct])).toEqual([
      [50, 60],
      [40, 45],
    ]);
    expect(report.repeats.difference).toBeNull(); // fewer than 5 pairs
    const many = buildReport([
      first,
      ...[55, 60, 65, 70, 75].map((pct) =>
        procedure(A, outcome({ peakReductionPct: pct }), { repeatsId: first.id }),
      ),
    ]);
    expect(many.repeats.difference?.mean).toBeCloseTo(15, 12);
  });

  it("counts strategies and suspected factors of procedures that are not a success", () => {
    const report = buildReport([
      procedure(A, outcome({ category: "no_change", success: false }), {
        decided: true,
        strategies: ["repeat_ablation", "physical_therapy", "repeat_ablation"],
        factors: ["incomplete_ablation"],
      }),
      procedure(A, outcome({ category: "insufficient_data", success: false }), {
        decided: true,
        strategies: ["repeat_ablation"],
        factors: [],
      }),
      procedure(A, outcome({ category: "worse", success: false })),
      // Not counted: a success, and a procedure too early to judge.
      procedure(A, outcome({}), { decided: true, strategies: ["continue_monitoring"] }),
      procedure(A, outcome({ category: "too_early", success: false }), {
        decided: true,
        strategies: ["continue_monitoring"],
      }),
    ]);
    const [alpha] = report.afterFailure;
    expect(alpha).toMatchObject({ notSuccess: 3, decided: 2 });
    expect(alpha?.strategies.repeat_ablation).toBe(2);
    expect(alpha?.strategies.physical_therapy).toBe(1);
    expect(alpha?.strategies.continue_monitoring).toBe(0);
    expect(alpha?.factors.incomplete_ablation).toBe(1);
  });

  it("names the procedures behind each after-failure count and the repeats line", () => {
    const failedDecided = procedure(A, outcome({ category: "no_change", success: false }), {
      decided: true,
      strategies: ["repeat_ablation"],
      factors: ["incomplete_ablation"],
    });
    const failed = procedure(A, outcome({ category: "worse", success: false }));
    const success = procedure(A, outcome({}), { decided: true, strategies: ["repeat_ablation"] });
    const repeat = procedure(A, outcome({}), { repeatsId: failed.id });
    const orphan = procedure(A, outcome({}), { repeatsId: "not-known" });
    const all = [failedDecided, failed, success, repeat, orphan];
    const report = buildReport(all);
    const table = afterFailureTable(report);
    // Every count of the table is the length of its list.
    for (const [r, rowKey] of (table.cells?.rows ?? []).entries()) {
      for (const [c, groupKey] of (table.cells?.columns ?? []).entries()) {
        expect(cellMembers(all, new Map(), rowKey, groupKey)).toHaveLength(
          table.rows[r]?.[c + 1] as number,
        );
      }
    }
    expect.hasAssertions();
    const cases: Array<[string, string[]]> = [
      ["not_success", [failedDecided.id, failed.id]],
      ["decided", [failedDecided.id]],
      ["strategy:repeat_ablation", [failedDecided.id]],
      ["factor:incomplete_ablation", [failedDecided.id]],
      ["strategy:physical_therapy", []],
      ["repeats", [repeat.id]],
      ["nonsense", []],
    ];
    for (const [cell, ids] of cases) expect(cellMembers(all, new Map(), cell, A.key)).toEqual(ids);
    expect(cellMembers(all, new Map(), "not_success", "another group")).toEqual([]);
    expect(report.repeats.total).toBe(cellMembers(all, new Map(), "repeats", "").length);
  });
});
