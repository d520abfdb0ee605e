import type { ReactNode } from "react";
import { formatChange, formatDate, formatNumber, formatPain } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { reliefEnded } from "@/server/outcomes/relief";
import { criteriaLabels, phaseLabels } from "@/server/outcomes/vocab";
import { CategoryBadge } from "./badges";
import type { ReviewAssessment } from "./types";

function Item({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="num mt-0.5 text-lg font-semibold text-slate-900">{children}</dd>
      {hint ? <dd className="text-xs text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/**
 * Relief in words: "Ongoing since day 12" while the current window shows relief (the first day of
 * the unbroken run of relief windows that reaches today); "Lasted 35 days" only once it has ended
 * (a recurrence); otherwise "Through 16 Nov, at least 44 days so far": the diary may simply have
 * stopped (docs/clinical-rules.md#relief).
 */
export function reliefWords(a: ReviewAssessment): { value: string; hint?: string } {
  if (a.currentShowsRelief) {
    let since: number | null = null;
    for (let i = a.windows.length - 1; i >= 0; i--) {
      const w = a.windows[i];
      if (!w?.showsRelief) break;
      since = w.endDay;
    }
    return since === null ? { value: "Ongoing" } : { value: `Ongoing since day ${since}` };
  }
  if (a.reliefDurationDays === null || a.reliefUntil === null) return { value: "None yet" };
  const until = formatDate(a.reliefUntil, { today: a.asOf });
  const days = `${a.reliefDurationDays} ${a.reliefDurationDays === 1 ? "day" : "days"}`;
  return reliefEnded(a)
    ? { value: `Lasted ${days}`, hint: `until ${until}` }
    : { value: `Through ${until}`, hint: `at least ${days} so far` };
}

/**
 * The engine's assessment with its numbers (docs/clinical-rules.md#derived-numbers to #categories),
 * in a clinician's words.
 */
export function AssessmentPanel({ a }: { a: ReviewAssessment }) {
  const judged = a.category !== "too_early" && a.category !== "insufficient_data";
  const relief = reliefWords(a);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <CategoryBadge category={a.category} />
        <Badge tone={judged && a.success ? "success" : "neutral"}>
          {judged ? (a.success ? "Success" : "Not a success") : "Not judged yet"}
        </Badge>
        <span className="text-sm text-slate-600">{criteriaLabels[a.criteria]} criteria</span>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Item label="Pain (last 7 days)" hint={`${a.entryCountInWindow} of 7 days recorded`}>
          {a.currentPain === null ? "—" : formatPain(a.currentPain)}
        </Item>
        <Item label="Baseline">{formatPain(a.baselinePain)}</Item>
        <Item
          label="Change"
          hint={
            a.reductionPoints === null
              ? "Needs 3 entries in 7 days"
              : `${formatNumber(Math.abs(a.reductionPoints))} points ${a.reductionPoints >= 0 ? "lower" : "higher"}`
          }
        >
          {a.reductionPct === null ? "—" : formatChange(a.reductionPct)}
        </Item>
        <Item label="Days since procedure" hint={phaseLabels[a.phase]}>
          {a.day}
        </Item>
        <Item label="Relief" hint={relief.hint}>
          {relief.value}
        </Item>
        <Item label="Best 7 days">
          {a.peakReductionPct === null ? "—" : formatChange(a.peakReductionPct)}
        </Item>
        <Item
          label="Interference (PEG)"
          hint={`Baseline ${a.baselineInterference === null ? "—" : formatNumber(a.baselineInterference)}`}
        >
          {a.currentInterference === null ? "—" : formatNumber(a.currentInterference)}
        </Item>
        <Item label="Function improved">
          {a.functionImproved === null ? "Unknown" : a.functionImproved ? "Yes" : "No"}
        </Item>
        <Item label="Last entry">
          {a.lastEntryDate ? formatDate(a.lastEntryDate, { today: a.asOf }) : "None"}
        </Item>
      </dl>
      <p className="text-sm text-slate-700">
        <span className="font-medium">{phaseLabels[a.phase]}:</span> {a.phaseMessage}
      </p>
    </div>
  );
}
