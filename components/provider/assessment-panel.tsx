import type { ReactNode } from "react";
import { formatDateShort } from "@/components/diary/format";
import { Badge } from "@/components/ui/badge";
import { criteriaLabels, phaseLabels } from "@/server/outcomes/vocab";
import { CategoryBadge } from "./badges";
import { one, score } from "./format";
import type { ReviewAssessment } from "./types";

function Item({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums text-slate-900">{children}</dd>
      {hint ? <dd className="text-xs text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/** The engine's assessment with its numbers (SPEC.md 2.2-2.4), as the provider reads them. */
export function AssessmentPanel({ a }: { a: ReviewAssessment }) {
  const successText =
    a.category === "too_early" || a.category === "insufficient_data"
      ? "Not judged yet"
      : a.success
        ? "Met"
        : "Not met";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <CategoryBadge category={a.category} />
        <Badge tone={a.success ? "success" : "neutral"}>Success: {successText}</Badge>
        <span className="text-sm text-slate-600">{criteriaLabels[a.criteria]} criteria</span>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Item label="Day" hint={phaseLabels[a.phase]}>
          {a.day}
        </Item>
        <Item label="Baseline pain">{score(a.baselinePain)}</Item>
        <Item label="Pain, last 7 days" hint={`${a.entryCountInWindow} entries in the window`}>
          {score(a.currentPain)}
        </Item>
        <Item
          label="Reduction"
          hint={
            a.reductionPoints === null
              ? "Needs 3 entries in 7 days"
              : `${one(a.reductionPoints)} points`
          }
        >
          {a.reductionPct === null ? "—" : `${one(a.reductionPct)}%`}
        </Item>
        <Item label="Peak reduction">
          {a.peakReductionPct === null ? "—" : `${one(a.peakReductionPct)}%`}
        </Item>
        <Item
          label="Relief lasted"
          hint={a.reliefUntil ? `until ${formatDateShort(a.reliefUntil)}` : undefined}
        >
          {a.reliefDurationDays === null ? "—" : `${a.reliefDurationDays} days`}
        </Item>
        <Item
          label="Interference"
          hint={`Baseline ${a.baselineInterference === null ? "—" : one(a.baselineInterference)}`}
        >
          {a.currentInterference === null ? "—" : one(a.currentInterference)}
        </Item>
        <Item label="Function improved">
          {a.functionImproved === null ? "Unknown" : a.functionImproved ? "Yes" : "No"}
        </Item>
        <Item label="Last entry">
          {a.lastEntryDate ? formatDateShort(a.lastEntryDate) : "None"}
        </Item>
      </dl>
      <p className="text-sm text-slate-700">
        <span className="font-medium">{phaseLabels[a.phase]}:</span> {a.phaseMessage}
      </p>
    </div>
  );
}
