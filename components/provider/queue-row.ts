import type { CaseloadRow } from "./types";

export type SortKey = "queue" | "name" | "pain" | "last_entry";
export type SortState = { sort: SortKey; dir: "asc" | "desc" };

/**
 * What the caseload's table shows of a row: the rows travel to the browser as this data rather
 * than as a rendered tree (the flags' sentences, the phase and the plan's date stay behind).
 */
export type QueueRow = {
  patientId: string;
  name: string;
  age: number | null;
  active: boolean;
  state: CaseloadRow["state"];
  reasons: CaseloadRow["reasons"];
  procedure: { region: string; performedOn: string } | null;
  day: number | null;
  baselinePain: number | null;
  currentPain: number | null;
  reductionPct: number | null;
  lastEntryDate: string | null;
  flags: Array<Pick<CaseloadRow["flags"][number], "code" | "severity" | "acknowledged">>;
  overdueCheckIns: number[];
  trend: Array<number | null>;
  plan: {
    strategies: NonNullable<CaseloadRow["plan"]>["strategies"];
    followUpOn: string | null;
  } | null;
};

export function toQueueRow(r: CaseloadRow): QueueRow {
  return {
    patientId: r.patientId,
    name: r.name,
    age: r.age,
    active: r.active,
    state: r.state,
    reasons: r.reasons,
    procedure: r.procedure && { region: r.procedure.region, performedOn: r.procedure.performedOn },
    day: r.day,
    baselinePain: r.baselinePain,
    currentPain: r.currentPain,
    reductionPct: r.reductionPct,
    lastEntryDate: r.lastEntryDate,
    flags: r.flags.map(({ code, severity, acknowledged }) => ({ code, severity, acknowledged })),
    overdueCheckIns: r.overdueCheckIns,
    trend: r.trend,
    plan: r.plan && { strategies: r.plan.strategies, followUpOn: r.plan.followUpOn },
  };
}

/** Where a column header leads: the column ascending, then descending; pain starts descending. */
export function nextSort(sortKey: SortKey, current: SortState): SortState {
  const active = current.sort === sortKey;
  return active && current.dir === "asc" && sortKey !== "queue"
    ? { sort: sortKey, dir: "desc" }
    : { sort: sortKey, dir: sortKey === "pain" && !active ? "desc" : "asc" };
}
