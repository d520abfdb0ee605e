import { formatMean, formatNumber } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { adviceSentence, averageSentence, categoryWords } from "./patient-words";
import type { PatientAssessment } from "./types";

/** "How you are doing": the week's average pain as a big number, against the baseline. */
export function OutcomeSummary({ assessment }: { assessment: PatientAssessment }) {
  const words = categoryWords[assessment.category];
  const average = averageSentence(assessment);
  return (
    <div className="space-y-4">
      <Badge tone={words.tone} className="text-sm">
        {words.headline}
      </Badge>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div>
          <p className="text-5xl font-semibold tracking-tight text-slate-900 tabular-nums sm:text-6xl">
            {assessment.currentPain === null ? "–" : formatMean(assessment.currentPain)}
          </p>
          <p className="mt-1 text-sm text-slate-600">Average pain this week (0–10)</p>
        </div>
        <div className="pb-1">
          <p className="text-2xl font-semibold text-slate-500 tabular-nums">
            {formatNumber(assessment.baselinePain)}
          </p>
          <p className="mt-1 text-sm text-slate-600">Before your procedure</p>
        </div>
      </div>
      {average ? <p className="text-lg text-slate-900">{average}</p> : null}
      <p className="text-slate-700">{adviceSentence(assessment)}</p>
    </div>
  );
}
