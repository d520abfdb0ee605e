import { Badge, type Tone } from "@/components/ui/badge";
import {
  type Category,
  categoryLabels,
  type FlagCode,
  flagCodeLabels,
  type Severity,
  severityLabels,
} from "@/server/outcomes/vocab";

export const severityTone: Record<Severity, Tone> = {
  high: "danger",
  warning: "warning",
  info: "info",
};

/** A mark before the text, so that severity never rests on colour alone. */
export const severityMark: Record<Severity, string> = { high: "▲", warning: "●", info: "○" };

export const categoryTone: Record<Category, Tone> = {
  too_early: "neutral",
  insufficient_data: "neutral",
  recurrence: "danger",
  worse: "danger",
  substantial: "success",
  moderate: "success",
  minimal: "warning",
  no_change: "warning",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge tone={severityTone[severity]}>
      <span aria-hidden>{severityMark[severity]}</span>
      {severityLabels[severity]}
    </Badge>
  );
}

export function CategoryBadge({ category }: { category: Category | null }) {
  if (category === null) return <Badge tone="neutral">No procedure</Badge>;
  return <Badge tone={categoryTone[category]}>{categoryLabels[category]}</Badge>;
}

/** A flag: its severity and name; a reviewed flag is drawn quieter and says so. */
export function FlagBadge({
  code,
  severity,
  acknowledged,
}: {
  code: FlagCode;
  severity: Severity;
  acknowledged: boolean;
}) {
  if (acknowledged) {
    return (
      <Badge tone="neutral" className="font-normal text-slate-600">
        <span aria-hidden>✓</span>
        {flagCodeLabels[code]}
        <span className="sr-only">({severityLabels[severity]},</span>
        <span> reviewed</span>
        <span className="sr-only">)</span>
      </Badge>
    );
  }
  return (
    <Badge tone={severityTone[severity]}>
      <span aria-hidden>{severityMark[severity]}</span>
      <span className="sr-only">{severityLabels[severity]}:</span>
      {flagCodeLabels[code]}
    </Badge>
  );
}
