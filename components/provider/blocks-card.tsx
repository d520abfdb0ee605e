// The review page's diagnostic blocks (docs/clinical-rules.md#diagnostic-blocks): whether each
// target blocked is confirmed for ablation, and each block's relief curve, result and why.
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { minutesWords } from "@/server/outcomes/blocks";
import { anestheticLabels } from "@/server/outcomes/pathway-vocab";
import { regionLabels } from "@/server/outcomes/vocab";
import { targetsLabel } from "@/shared/technique";
import { RemoveBlockButton } from "./remove-block-button";
import type { JudgedBlock, PatientBlocks } from "./types";

const resultTone = { positive: "success", negative: "danger", inconclusive: "warning" } as const;
const resultWords = { positive: "Positive", negative: "Negative", inconclusive: "Inconclusive" };

function whereWords(b: { region: string; side: string | null; targets: readonly string[] }) {
  const region = regionLabels[b.region as keyof typeof regionLabels] ?? b.region;
  // "left lumbar spine", "bilateral knee"
  const side = b.side;
  const targets = targetsLabel(b.targets);
  return [targets || null, [side, region.toLowerCase()].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
}

export function BlocksCard({
  data,
  zone,
  canManage,
  newHref,
}: {
  data: PatientBlocks;
  zone: string;
  canManage: boolean;
  newHref: string;
}) {
  const { blocks, confirmations, threshold, policyName } = data;
  const byId = new Map(blocks.map((b) => [b.id, b]));
  return (
    <Card id="blocks" aria-labelledby="blocks-heading" className="scroll-mt-4">
      <CardTitle
        action={
          canManage ? (
            <ButtonLink href={newHref} variant="secondary" size="sm">
              Record a block
            </ButtonLink>
          ) : null
        }
      >
        <span id="blocks-heading">Diagnostic blocks</span>
      </CardTitle>
      {blocks.length === 0 ? (
        <p className="text-slate-700">
          No blocks recorded. Record a block when it is given: the patient's phone then asks for
          their pain from 15 minutes to 8 hours after it.
        </p>
      ) : (
        <div className="space-y-5">
          <p className="text-sm text-slate-700">
            Judged at {threshold}% relief
            {policyName ? ` (${policyName})` : " (no payer policy chosen: Medicare's 80%)"}.
          </p>
          <ul className="space-y-2" aria-label="Targets">
            {confirmations.map((c) => {
              const pair = c.pairIds?.map((id) => byId.get(id)).filter(Boolean) as JudgedBlock[];
              return (
                <li
                  key={`${c.region}-${c.side}-${c.targets.join()}`}
                  className="rounded-lg border border-slate-200 p-3"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{whereWords(c)}</span>
                    {c.confirmed ? (
                      <Badge tone="success">Confirmed for ablation</Badge>
                    ) : (
                      <Badge tone="neutral">Not confirmed</Badge>
                    )}
                    {c.discordant ? <Badge tone="warning">Discordant agents</Badge> : null}
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    {c.confirmed && pair?.length === 2
                      ? `Two positive blocks: ${pair.map((b) => formatDateTime(b.givenAt, zone)).join(" and ")}.`
                      : "Needs two positive blocks on different days."}
                    {c.discordant
                      ? " The shorter-acting anesthetic gave the longer relief: consider a placebo response."
                      : ""}
                  </p>
                </li>
              );
            })}
          </ul>
          <ol className="space-y-4">
            {blocks.map((b) => (
              <li key={b.id} className="border-t border-slate-200 pt-4">
                <BlockItem block={b} zone={zone} canManage={canManage} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}

function BlockItem({
  block: b,
  zone,
  canManage,
}: {
  block: JudgedBlock;
  zone: string;
  canManage: boolean;
}) {
  const given = formatDateTime(b.givenAt, zone);
  const relief = (pain: number) => Math.round((100 * (b.prePain - pain)) / b.prePain);
  return (
    <article aria-label={`Block of ${given}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold text-slate-900">
            {given} · {anestheticLabels[b.anesthetic]}
          </h3>
          <p className="text-sm text-slate-700">
            {whereWords(b)} · pain before {b.prePain}/10 · relief expected for at least{" "}
            {minutesWords(b.agentMinHours * 60)}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Badge tone={resultTone[b.assessment.result]}>{resultWords[b.assessment.result]}</Badge>
          {canManage ? <RemoveBlockButton id={b.id} label={given} /> : null}
        </div>
      </div>
      <p className="mt-2 text-slate-800">{b.why}</p>
      {b.records.length > 0 ? (
        <div className="mt-3 grid gap-3 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] md:items-start">
          <ReliefCurve block={b} />
          <table className="w-full text-sm">
            <caption className="sr-only">Answers after the block of {given}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-1 pr-2 font-medium">
                  After
                </th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">
                  Pain
                </th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">
                  Relief
                </th>
                <th scope="col" className="py-1 font-medium">
                  Tried activity
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {b.records.map((r) => (
                <tr
                  key={`${r.minutesAfter}-${String(r.recordedAt)}`}
                  className="border-b border-slate-100"
                >
                  <td className="py-1 pr-2">{minutesWords(r.minutesAfter)}</td>
                  <td className="py-1 pr-2 text-right">{r.pain}/10</td>
                  <td className="py-1 pr-2 text-right">{relief(r.pain)}%</td>
                  <td className="py-1">
                    {r.activityTried === null ? "—" : r.activityTried ? "Yes" : "No"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No answers from the patient yet.</p>
      )}
      {b.note ? <p className="mt-2 text-sm text-slate-700">Note: {b.note}</p> : null}
    </article>
  );
}

/** Relief (%) against time after the injection, the threshold as a dashed line. */
function ReliefCurve({ block: b }: { block: JudgedBlock }) {
  const W = 320;
  const H = 150;
  const pad = { l: 34, r: 8, t: 8, b: 24 };
  const last = Math.max(480, ...b.records.map((r) => r.minutesAfter));
  // A square-root time axis: the first hour's four prompts are not crowded together.
  const x = (m: number) => pad.l + (Math.sqrt(m) / Math.sqrt(last)) * (W - pad.l - pad.r);
  const y = (pct: number) =>
    pad.t + ((100 - Math.max(-50, Math.min(100, pct))) / 150) * (H - pad.t - pad.b);
  const points = b.records.map((r) => ({
    m: r.minutesAfter,
    pct: (100 * (b.prePain - r.pain)) / b.prePain,
  }));
  const ticks = [15, 60, 120, 240, 480].filter((m) => m <= last);
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Relief curve: peak ${Math.round(b.assessment.peakReliefPct ?? 0)}%, ${resultWords[b.assessment.result].toLowerCase()}. The answers are in the table.`}
      >
        {[0, 50, 100].map((p) => (
          <g key={p}>
            <line x1={pad.l} x2={W - pad.r} y1={y(p)} y2={y(p)} className="stroke-slate-200" />
            <text
              x={pad.l - 4}
              y={y(p) + 4}
              textAnchor="end"
              className="fill-slate-600 text-[10px]"
            >
              {p}%
            </text>
          </g>
        ))}
        <line
          x1={pad.l}
          x2={W - pad.r}
          y1={y(b.threshold)}
          y2={y(b.threshold)}
          strokeDasharray="4 3"
          className="stroke-brand-700"
        />
        {b.agentMinHours * 60 <= last ? (
          <line
            x1={x(b.agentMinHours * 60)}
            x2={x(b.agentMinHours * 60)}
            y1={pad.t}
            y2={H - pad.b}
            strokeDasharray="2 3"
            className="stroke-slate-400"
          />
        ) : null}
        {ticks.map((m) => (
          <text
            key={m}
            x={x(m)}
            y={H - 6}
            textAnchor="middle"
            className="fill-slate-600 text-[10px]"
          >
            {minutesWords(m)}
          </text>
        ))}
        <polyline
          fill="none"
          strokeWidth={2}
          className="stroke-brand-700"
          points={points.map((p) => `${x(p.m)},${y(p.pct)}`).join(" ")}
        />
        {points.map((p) => (
          <circle key={p.m} cx={x(p.m)} cy={y(p.pct)} r={3} className="fill-brand-700" />
        ))}
      </svg>
      <figcaption className="text-xs text-slate-600">
        Dashed: the {b.threshold}% needed; dotted: the {minutesWords(b.agentMinHours * 60)} the
        anesthetic's relief should last.
      </figcaption>
    </figure>
  );
}
