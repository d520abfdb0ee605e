import { formatDate } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { evidenceCriteria } from "@/server/outcomes/repeat-evidence";
import type { ReviewEvidence as Evidence } from "./types";

/**
 * Repeat-ablation evidence under the patient's policy (docs/decisions/030): each criterion met or
 * not, with its numbers and dates. Shown for a procedure in recurrence or past its relief.
 */
export function EvidencePanel({
  evidence,
  performedOn,
  asOf,
}: {
  evidence: Evidence;
  performedOn: string;
  asOf: string;
}) {
  const criteria = evidenceCriteria(
    {
      procedure: { performedOn },
      asOf,
      policy: evidence.policy,
      ablationsAtTarget: evidence.ablationsAtTarget,
    },
    evidence.result,
    (d) => formatDate(d, { today: asOf }),
  );
  const labels: Record<(typeof criteria)[number]["key"], string> = {
    pain: "Pain relief",
    function: "Function",
    relief: "Relief documented",
    interval: "Interval",
    frequency: "Frequency",
  };
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">
          {evidence.result.eligible
            ? "Meets the policy for a repeat ablation"
            : "Does not meet the policy for a repeat ablation"}
        </span>
        <Badge tone={evidence.result.eligible ? "success" : "warning"}>
          {evidence.result.eligible ? "Eligible" : "Not eligible"}
        </Badge>
      </p>
      <ul className="space-y-2 text-sm" aria-label="Criteria">
        {criteria.map((c) => (
          <li key={c.key} className="rounded-lg border border-slate-200 p-2.5">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{labels[c.key]}</span>
              <Badge tone={c.met ? "success" : "danger"}>{c.met ? "Met" : "Not met"}</Badge>
            </div>
            <p className="mt-1 text-slate-800">{c.sentence}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
