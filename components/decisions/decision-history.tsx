import type { ReactNode } from "react";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatChange, formatDate, formatDateTime, zoneWords } from "@/components/format";
import { CategoryBadge, FlagBadge } from "@/components/provider/badges";
import type { Decision } from "@/components/provider/types";
import { Badge } from "@/components/ui/badge";
import { flagCodeLabels, strategyLabels, suspectedFactorLabels } from "@/server/outcomes/vocab";

/**
 * Every decision, every version, newest first. A decision is never changed: an amendment is a new
 * version, and the one it replaced stays readable here with the assessment it was made on.
 */
export async function DecisionHistory({
  decisions,
  amendAction,
}: {
  decisions: readonly Decision[];
  /** What amends the current version (a button); none for read-only viewers. */
  amendAction?: (decision: Decision) => ReactNode;
}) {
  const zone = await clinicTimeZone();
  return (
    <ol className="space-y-4">
      {decisions.map((d) => {
        const current = d.supersededById === null;
        const snapshot = d.assessment;
        return (
          <li
            key={d.id}
            id={`decision-${d.id}`}
            className={
              current
                ? "rounded-xl border border-brand-200 bg-white p-4"
                : "rounded-xl border border-slate-200 bg-slate-50 p-4"
            }
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex flex-wrap items-center gap-2">
                {current ? (
                  <Badge tone="brand">Current</Badge>
                ) : (
                  <Badge tone="neutral">Replaced by an amendment</Badge>
                )}
                {d.supersedesId ? <Badge tone="neutral">Amendment</Badge> : null}
                <span className="text-sm text-slate-700">
                  {formatDateTime(d.createdAt, zone)} ({zoneWords(zone)}) ·{" "}
                  {d.providerName ?? "Unknown provider"}
                </span>
              </div>
              {current && amendAction ? amendAction(d) : null}
            </div>
            <dl className="mt-3 space-y-2 text-sm">
              <div>
                <dt className="font-medium text-slate-900">Strategies</dt>
                <dd>
                  <ul className="mt-1 space-y-1">
                    {d.strategies.map((s) => (
                      <li key={s.strategy} className="text-slate-800">
                        {strategyLabels[s.strategy]}
                        {s.note ? <span className="text-slate-600"> — {s.note}</span> : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              {d.suspectedFactors.length > 0 ? (
                <div>
                  <dt className="font-medium text-slate-900">Suspected factors</dt>
                  <dd className="text-slate-800">
                    {d.suspectedFactors.map((f) => suspectedFactorLabels[f]).join(", ")}
                  </dd>
                </div>
              ) : null}
              {d.rationale ? (
                <div>
                  <dt className="font-medium text-slate-900">Rationale</dt>
                  <dd className="whitespace-pre-line text-slate-800">{d.rationale}</dd>
                </div>
              ) : null}
              <div>
                <dt className="font-medium text-slate-900">Follow-up</dt>
                <dd className="text-slate-800">
                  {d.followUpOn ? formatDate(d.followUpOn, { weekday: "short" }) : "Not set"}
                </dd>
              </div>
              {d.answeredFlags.length > 0 ? (
                <div>
                  <dt className="font-medium text-slate-900">Flags it answered</dt>
                  <dd className="text-slate-800">
                    {d.answeredFlags.map((f) => flagCodeLabels[f]).join(", ")}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="font-medium text-slate-900">Assessment it was made on</dt>
                <dd className="mt-1 flex flex-wrap items-center gap-2 text-slate-800">
                  <span>Day {snapshot.day}</span>
                  <CategoryBadge category={snapshot.category} />
                  {snapshot.reductionPct !== null ? (
                    <span>{formatChange(snapshot.reductionPct)}</span>
                  ) : null}
                  {(snapshot.flags ?? []).map((f) => (
                    <FlagBadge
                      key={f.code}
                      code={f.code}
                      severity={f.severity}
                      acknowledged={false}
                    />
                  ))}
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
