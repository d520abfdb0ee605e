// The caseload's rows as the table shows them (components/provider/caseload-table.tsx, a client
// component): words and links worked out here on the server, so that the browser gets short data
// and no vocabulary (the labels and their zod enums stay on the server).
import { formatDate, painAgainstBaseline, plural } from "@/components/format";
import type { Tone } from "@/components/ui/badge";
import { reviewStateLabels } from "@/server/outcomes/review-state";
import {
  flagCodeLabels,
  type Region,
  regionLabels,
  severityLabels,
  strategyLabels,
} from "@/server/outcomes/vocab";
import { severityMark, severityTone } from "./badges";
import { reviewReasonLabels, reviewStateMark, reviewStateTone } from "./review-state-badge";
import type { CaseloadRow } from "./types";

export type SortKey = "queue" | "name" | "pain" | "last_entry";
export type SortState = { sort: SortKey; dir: "asc" | "desc" };

type Words = { text: string; tone: Tone; mark: string };

/** The part of the patient's review page a row's detail leads to. */
export type RowAnchor = "messages" | "outreach";

/**
 * One row, as short as it can be (each is sent twice, as markup and as data): no field the
 * browser can work out from another, numbers as the words the row shows.
 */
export type QueueRow = {
  patientId: string;
  name: string;
  age: number | null;
  mrn: string | null;
  active: boolean;
  /** "Lumbar spine · day 35", "Knee · planned 12 Dec", "No procedure recorded". */
  procedureLine: string;
  hasProcedure: boolean;
  state: Words;
  /** Why the patient needs review, or since when the follow-up is due; parts joined by " · ". */
  detail: Array<{ text: string; anchor?: RowAnchor }>;
  trend: Array<number | null>;
  baselinePain: number | null;
  /** "5 from 7, 29% less" (components/format.ts), or null with too few entries. */
  pain: string | null;
  openFlags: Array<Words & { severity: string }>;
  reviewedFlags: number;
  overdueCheckIns: number[];
  plan: { strategies: string; followUp: string } | null;
  lastEntry: string | null;
};

export function toQueueRow(r: CaseloadRow, today: string): QueueRow {
  const open = r.flags.filter((f) => !f.acknowledged);
  const region = r.procedure
    ? (regionLabels[r.procedure.region as Region] ?? r.procedure.region)
    : null;
  return {
    patientId: r.patientId,
    name: r.name,
    age: r.age,
    mrn: r.mrn,
    active: r.active,
    procedureLine: !r.procedure
      ? "No procedure recorded"
      : r.day !== null && r.day >= 0
        ? `${region} · day ${r.day}`
        : `${region} · planned ${formatDate(r.procedure.performedOn, { today })}`,
    hasProcedure: r.procedure !== null,
    state: {
      text: reviewStateLabels[r.state],
      tone: reviewStateTone[r.state],
      mark: reviewStateMark[r.state],
    },
    detail:
      r.state === "needs_review"
        ? r.reasons.map((reason) =>
            reason === "unread_message"
              ? { text: reviewReasonLabels[reason], anchor: "messages" as const }
              : reason === "open_flags"
                ? { text: plural(open.length, "open flag", "open flags") }
                : reason === "overdue_check_in"
                  ? // The review page's "Reach" card: a reminder now, or a call.
                    { text: reviewReasonLabels[reason], anchor: "outreach" as const }
                  : { text: reviewReasonLabels[reason] },
          )
        : r.state === "follow_up_due" && r.reasons.length > 0
          ? // An open call or a missed check-in: the review page's "Reach" card.
            r.reasons.map((reason) => ({
              text: reviewReasonLabels[reason],
              anchor: "outreach" as const,
            }))
          : r.state === "follow_up_due" && r.plan?.followUpOn
            ? [
                {
                  text:
                    r.plan.followUpOn === today
                      ? "Due today"
                      : `Due since ${formatDate(r.plan.followUpOn, { today })}`,
                },
              ]
            : [],
    trend: r.trend,
    baselinePain: r.baselinePain,
    pain: painAgainstBaseline(r.currentPain, r.baselinePain, r.reductionPct),
    openFlags: open.map((f) => ({
      severity: severityLabels[f.severity],
      text: flagCodeLabels[f.code],
      tone: severityTone[f.severity],
      mark: severityMark[f.severity],
    })),
    reviewedFlags: r.flags.length - open.length,
    overdueCheckIns: r.overdueCheckIns,
    plan: r.plan && {
      strategies: r.plan.strategies.map((s) => strategyLabels[s]).join(", "),
      followUp: r.plan.followUpOn
        ? `Follow-up ${formatDate(r.plan.followUpOn, { today })}`
        : "No follow-up date",
    },
    lastEntry: r.lastEntryDate ? formatDate(r.lastEntryDate, { today }) : null,
  };
}

/** Where a column header leads: the column ascending, then descending; pain starts descending. */
export function nextSort(sortKey: SortKey, current: SortState): SortState {
  const active = current.sort === sortKey;
  return active && current.dir === "asc" && sortKey !== "queue"
    ? { sort: sortKey, dir: "desc" }
    : { sort: sortKey, dir: sortKey === "pain" && !active ? "desc" : "asc" };
}
