import { strategyLabels } from "@/server/outcomes/vocab";
import type { ReviewAssessment } from "./types";

/** The engine's suggestions with their reasons: decision support, the provider decides. */
export function SuggestionList({ suggestions }: { suggestions: ReviewAssessment["suggestions"] }) {
  return (
    <ol className="space-y-3">
      {suggestions.map((s, i) => (
        <li key={s.strategy} className="flex gap-3">
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-items-center rounded-full bg-brand-50 text-xs font-semibold text-brand-800"
          >
            {i + 1}
          </span>
          <div>
            <p className="font-medium text-slate-900">{strategyLabels[s.strategy]}</p>
            <p className="text-sm text-slate-700">{s.reason}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
