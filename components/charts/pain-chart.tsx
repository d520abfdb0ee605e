import type { ReactNode } from "react";
import { formatNumber, formatDate as formatShared } from "@/components/format";
import { daysBetween } from "@/server/outcomes/dates";

export type PainPoint = { date: string; pain: number };

export type PainChartProps = {
  /** Pain before the procedure (0-10). */
  baseline: number;
  /** The procedure day, "YYYY-MM-DD" (day 0). */
  performedOn: string;
  /** Daily pain, one point per diary entry. */
  points: readonly PainPoint[];
  /** The last day shown (the clinic's today), "YYYY-MM-DD". */
  asOf: string;
  /** Optional 7-day averages to draw as a second line (e.g. the assessment's windows). */
  averages?: readonly PainPoint[];
  /** Height of the plot in pixels. */
  height?: number;
  /** Who reads it: the patient ("Your daily pain") or their care team ("Daily pain", "Baseline"). */
  audience?: "patient" | "provider";
};

const COLORS = {
  pain: "#1b665e",
  average: "#0369a1",
  baseline: "#b91c1c",
  pct30: "#b45309",
  pct50: "#047857",
  marker: "#475569",
};

const fmt = formatNumber;
const formatDate = (iso: string) => formatShared(iso, { weekday: "short" });

/** Tick spacing that keeps about 5-8 labels whatever the length of the follow-up. */
function ticksFor(lastDay: number): number[] {
  const step = lastDay <= 42 ? 7 : lastDay <= 120 ? 14 : lastDay <= 400 ? 30 : 90;
  const ticks: number[] = [];
  for (let d = 0; d <= lastDay; d += step) ticks.push(d);
  return ticks;
}

/**
 * Daily pain against the pre-procedure baseline, with the 30% and 50% reduction lines and the
 * procedure day marked. Plain props, so that the patient's progress page and the provider's review
 * use the same chart. The numbers are also given as a table for screen readers and keyboard users.
 */
export function PainChart({
  baseline,
  performedOn,
  points,
  asOf,
  averages = [],
  height = 280,
  audience = "patient",
}: PainChartProps) {
  const words =
    audience === "patient"
      ? {
          pain: "Your daily pain",
          baseline: "Before your procedure",
          days: "Days since your procedure",
        }
      : { pain: "Daily pain", baseline: "Baseline", days: "Days since the procedure" };
  const lastDay = Math.max(daysBetween(performedOn, asOf), 14);
  const byDay = new Map<number, { day: number; date: string; pain?: number; average?: number }>();
  for (const p of points) {
    const day = daysBetween(performedOn, p.date);
    byDay.set(day, { ...byDay.get(day), day, date: p.date, pain: p.pain });
  }
  for (const a of averages) {
    const day = daysBetween(performedOn, a.date);
    byDay.set(day, { ...byDay.get(day), day, date: a.date, average: a.pain });
  }
  const data = [...byDay.values()].sort((a, b) => a.day - b.day);
  const latest = points.at(-1);
  const description = latest
    ? `Chart of daily pain from ${formatDate(points[0]?.date ?? latest.date)} to ${formatDate(latest.date)}. Latest pain ${fmt(latest.pain)} out of 10; before the procedure ${fmt(baseline)} out of 10. The numbers are in the table below.`
    : `Chart of daily pain: no entries yet. Before the procedure, pain was ${fmt(baseline)} out of 10.`;
  const lines: RefLine[] = [
    { label: words.baseline, value: baseline, color: COLORS.baseline, dash: "6 4" },
    { label: "30% less pain", value: baseline * 0.7, color: COLORS.pct30, dash: "4 4" },
    { label: "50% less pain", value: baseline * 0.5, color: COLORS.pct50, dash: "4 4" },
  ];

  return (
    <figure className="space-y-3">
      <div role="img" aria-label={description} className="w-full">
        {/* Drawn on the server: no chart library on the phone. One drawing per screen size, so
            that labels keep their size (an SVG scaled to the width would shrink them). */}
        <Plot
          width={340}
          height={Math.round(height * 0.85)}
          className="sm:hidden"
          daysLabel={words.days}
          {...{ data, lines, lastDay, averages: averages.length > 0, dots: points.length <= 60 }}
        />
        <Plot
          width={640}
          height={height}
          className="hidden sm:block"
          daysLabel={words.days}
          {...{ data, lines, lastDay, averages: averages.length > 0, dots: points.length <= 90 }}
        />
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <LegendItem color={COLORS.pain}>{words.pain}</LegendItem>
          {averages.length > 0 ? (
            <LegendItem color={COLORS.average} dashed>
              7-day average
            </LegendItem>
          ) : null}
          {lines.map((l) => (
            <LegendItem key={l.label} color={l.color} dashed>
              {l.label} ({fmt(Math.round(l.value * 10) / 10)})
            </LegendItem>
          ))}
        </ul>
      </figcaption>
      <details className="rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-brand-800">
          Show the numbers as a table
        </summary>
        <section
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
          aria-label="Daily pain as a table"
          className="max-h-96 overflow-auto border-t border-slate-200"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Daily pain since the procedure on {formatDate(performedOn)} (0 = no pain, 10 = worst
              imaginable); before the procedure: {fmt(baseline)}.
            </caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Day
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Pain (0-10)
                </th>
                {averages.length > 0 ? (
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    7-day average
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {data.length === 0 ? (
                <tr>
                  <td colSpan={3} className="px-4 py-3 text-slate-600">
                    No entries yet.
                  </td>
                </tr>
              ) : (
                data.map((row) => (
                  <tr key={row.day}>
                    <td className="px-4 py-2">{formatDate(row.date)}</td>
                    <td className="px-4 py-2">{row.day}</td>
                    <td className="px-4 py-2 text-right">
                      {row.pain === undefined ? "—" : fmt(row.pain)}
                    </td>
                    {averages.length > 0 ? (
                      <td className="px-4 py-2 text-right">
                        {row.average === undefined ? "—" : row.average.toFixed(1)}
                      </td>
                    ) : null}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}

type Row = { day: number; date: string; pain?: number; average?: number };
type RefLine = { label: string; value: number; color: string; dash?: string };

/** The plot: axes, the reference lines, the daily pain (and 7-day average) as lines with dots. */
function Plot({
  width,
  height,
  className,
  daysLabel,
  data,
  lines,
  lastDay,
  averages,
  dots,
}: {
  width: number;
  height: number;
  className: string;
  daysLabel: string;
  data: readonly Row[];
  lines: readonly RefLine[];
  lastDay: number;
  averages: boolean;
  dots: boolean;
}) {
  const m = { top: 16, right: 12, bottom: 40, left: 32 };
  const firstDay = -2;
  const x = (day: number) =>
    m.left + ((day - firstDay) / (lastDay - firstDay)) * (width - m.left - m.right);
  const y = (pain: number) => m.top + ((10 - pain) / 10) * (height - m.top - m.bottom);
  const path = (rows: readonly Row[], key: "pain" | "average") =>
    rows
      .filter((r) => r[key] !== undefined)
      .map((r, i) => `${i === 0 ? "M" : "L"}${x(r.day).toFixed(1)} ${y(r[key] ?? 0).toFixed(1)}`)
      .join(" ");
  // On a phone, every other day label, so that they do not run into each other.
  const ticks = ticksFor(lastDay).filter((_, i) => width > 400 || i % 2 === 0);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className={className}
      aria-hidden="true"
      focusable="false"
      fontSize={12}
    >
      {[0, 2, 4, 6, 8, 10].map((v) => (
        <g key={v}>
          <line
            x1={m.left}
            x2={width - m.right}
            y1={y(v)}
            y2={y(v)}
            stroke="#e2e8f0"
            strokeDasharray="3 3"
          />
          <text x={m.left - 6} y={y(v)} textAnchor="end" dominantBaseline="central" fill="#475569">
            {v}
          </text>
        </g>
      ))}
      {ticks.map((d) => (
        <text key={d} x={x(d)} y={height - m.bottom + 16} textAnchor="middle" fill="#475569">
          {d}
        </text>
      ))}
      <text x={(m.left + width - m.right) / 2} y={height - 6} textAnchor="middle" fill="#475569">
        {daysLabel}
      </text>
      <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
      {lines.map((l) => (
        <line
          key={l.label}
          x1={m.left}
          x2={width - m.right}
          y1={y(l.value)}
          y2={y(l.value)}
          stroke={l.color}
          strokeDasharray={l.dash}
          strokeWidth={1.5}
        />
      ))}
      <line x1={x(0)} x2={x(0)} y1={m.top} y2={y(0)} stroke={COLORS.marker} strokeWidth={1.5} />
      <text x={x(0) + 4} y={m.top + 10} fill={COLORS.marker} fontSize={11}>
        Procedure
      </text>
      {averages ? (
        <path
          d={path(data, "average")}
          fill="none"
          stroke={COLORS.average}
          strokeWidth={2}
          strokeDasharray="6 3"
        />
      ) : null}
      <path d={path(data, "pain")} fill="none" stroke={COLORS.pain} strokeWidth={2.5} />
      {dots
        ? data.map((r) =>
            r.pain === undefined ? null : (
              <circle key={r.day} cx={x(r.day)} cy={y(r.pain)} r={3} fill={COLORS.pain}>
                <title>{`${formatDate(r.date)} · day ${r.day}: pain ${fmt(r.pain)}`}</title>
              </circle>
            ),
          )
        : null}
    </svg>
  );
}

function LegendItem({
  color,
  dashed,
  children,
}: {
  color: string;
  dashed?: boolean;
  children: ReactNode;
}) {
  return (
    <li className="flex items-center gap-2">
      <svg aria-hidden width="24" height="8" className="shrink-0">
        <line
          x1="0"
          y1="4"
          x2="24"
          y2="4"
          stroke={color}
          strokeWidth="2.5"
          strokeDasharray={dashed ? "5 3" : undefined}
        />
      </svg>
      {children}
    </li>
  );
}
