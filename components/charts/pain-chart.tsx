import type { ReactNode } from "react";
import { formatNumber, formatDate as formatShared } from "@/components/format";
import { daysBetween } from "@/server/outcomes/dates";

export type PainPoint = { date: string; pain: number };
/** A diary day: pain, and interference (mean of enjoyment and activity, 0-10) when answered. */
export type DiaryPoint = PainPoint & { interference?: number | null };

export type PainChartProps = {
  /** Pain before the procedure (0-10). */
  baseline: number;
  /** The procedure day, "YYYY-MM-DD" (day 0). */
  performedOn: string;
  /** Daily pain (and interference), one point per diary entry. */
  points: readonly DiaryPoint[];
  /** The last day shown (the clinic's today), "YYYY-MM-DD". */
  asOf: string;
  /** Optional 7-day averages to draw as a second line (e.g. the assessment's windows). */
  averages?: readonly PainPoint[];
  /** Height of the plot in pixels. */
  height?: number;
  /** A span of days to shade (the documented run of relief a payer reads), with its legend label. */
  shaded?: { from: string; to: string; label: string } | null;
  /** Who reads it: the patient ("Your daily pain") or their care team ("Daily pain", "Baseline"). */
  audience?: "patient" | "provider";
};

const COLORS = {
  pain: "#1b665e",
  interference: "#7c3aed",
  average: "#0369a1",
  baseline: "#b91c1c",
  pct30: "#b45309",
  pct50: "#047857",
  marker: "#475569",
};

const fmt = formatNumber;
const formatDate = (iso: string) => formatShared(iso, { weekday: "short" });

/**
 * The axis in weeks since the procedure: a label every week while at most `most` fit, else every
 * 2, 4, 8 or 13 weeks. Days of the returned ticks (multiples of 7).
 */
export function weekTicks(lastDay: number, most: number): number[] {
  const weeks = Math.floor(lastDay / 7);
  const step = [1, 2, 4, 8, 13, 26].find((s) => Math.floor(weeks / s) + 1 <= most) ?? 52;
  const ticks: number[] = [];
  for (let w = 0; w <= weeks; w += step) ticks.push(w * 7);
  return ticks;
}

/** Diary days further apart than this are a gap: the line stops and starts again. */
export const GAP_DAYS = 2;

/**
 * Runs of days without a gap (consecutive points at most GAP_DAYS apart), each drawn as one line;
 * a run of one day is drawn as a dot.
 */
export function runs<T extends { day: number }>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (const r of rows) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && r.day - prev.day <= GAP_DAYS) last.push(r);
    else out.push([r]);
  }
  return out;
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
  shaded = null,
}: PainChartProps) {
  const words =
    audience === "patient"
      ? {
          pain: "Your daily pain",
          interference: "How much pain got in the way of life",
          baseline: "Pain before your procedure",
          days: "Weeks since your procedure",
        }
      : {
          pain: "Daily pain",
          interference: "Interference (enjoyment and activity)",
          baseline: "Baseline pain",
          days: "Weeks since the procedure",
        };
  const lastDay = Math.max(daysBetween(performedOn, asOf), 14);
  const byDay = new Map<number, Row>();
  for (const p of points) {
    const day = daysBetween(performedOn, p.date);
    byDay.set(day, {
      ...byDay.get(day),
      day,
      date: p.date,
      pain: p.pain,
      ...(p.interference == null ? {} : { interference: p.interference }),
    });
  }
  const interference = points.some((p) => p.interference != null);
  for (const a of averages) {
    const day = daysBetween(performedOn, a.date);
    byDay.set(day, { ...byDay.get(day), day, date: a.date, average: a.pain });
  }
  const data = [...byDay.values()].sort((a, b) => a.day - b.day);
  const band = shaded
    ? { from: daysBetween(performedOn, shaded.from), to: daysBetween(performedOn, shaded.to) }
    : null;
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
          most={6}
          {...{ data, lines, lastDay, interference, band, averages: averages.length > 0 }}
          dots={points.length <= 60}
        />
        <Plot
          width={640}
          height={height}
          className="hidden sm:block"
          daysLabel={words.days}
          most={14}
          {...{ data, lines, lastDay, interference, band, averages: averages.length > 0 }}
          dots={points.length <= 90}
        />
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <LegendItem color={COLORS.pain}>{words.pain}</LegendItem>
          {shaded ? (
            <li className="flex items-center gap-2">
              <span
                aria-hidden
                className="inline-block h-3 w-6 shrink-0 rounded-sm bg-emerald-200"
              />
              {shaded.label}: {formatDate(shaded.from)} to {formatDate(shaded.to)}
            </li>
          ) : null}
          {interference ? (
            <LegendItem color={COLORS.interference} dotted>
              {words.interference}
            </LegendItem>
          ) : null}
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
                {interference ? (
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    Interference (0-10)
                  </th>
                ) : null}
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
                    {interference ? (
                      <td className="px-4 py-2 text-right">
                        {row.interference === undefined ? "—" : fmt(row.interference)}
                      </td>
                    ) : null}
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

type Row = { day: number; date: string; pain?: number; interference?: number; average?: number };
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
  interference,
  averages,
  dots,
  most,
  band,
}: {
  width: number;
  height: number;
  className: string;
  daysLabel: string;
  data: readonly Row[];
  lines: readonly RefLine[];
  lastDay: number;
  interference: boolean;
  averages: boolean;
  dots: boolean;
  /** At most this many week labels. */
  most: number;
  /** Days to shade (from, to inclusive), e.g. the documented run of relief. */
  band: { from: number; to: number } | null;
}) {
  const m = { top: 16, right: 12, bottom: 40, left: 32 };
  const firstDay = -2;
  const x = (day: number) =>
    m.left + ((day - firstDay) / (lastDay - firstDay)) * (width - m.left - m.right);
  const y = (pain: number) => m.top + ((10 - pain) / 10) * (height - m.top - m.bottom);
  // One line per run of days without a gap; a day on its own is a dot.
  const series = (key: "pain" | "interference" | "average") =>
    runs(data.filter((r) => r[key] !== undefined)).map((run) => ({
      d: run
        .map((r, i) => `${i === 0 ? "M" : "L"}${x(r.day).toFixed(1)} ${y(r[key] ?? 0).toFixed(1)}`)
        .join(" "),
      alone: run.length === 1 ? run[0] : undefined,
      first: run[0]?.day ?? 0,
    }));
  const draw = (
    key: "pain" | "interference" | "average",
    color: string,
    style: { strokeWidth: number; strokeDasharray?: string },
  ) =>
    series(key).map((s) =>
      s.alone ? (
        <circle
          key={`${key}-${s.first}`}
          cx={x(s.alone.day)}
          cy={y(s.alone[key] ?? 0)}
          r={2.5}
          fill={color}
        />
      ) : (
        <path key={`${key}-${s.first}`} d={s.d} fill="none" stroke={color} {...style} />
      ),
    );
  const ticks = weekTicks(lastDay, most);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className={className}
      aria-hidden="true"
      focusable="false"
      fontSize={12}
    >
      {band ? (
        <rect
          x={x(Math.max(band.from, firstDay))}
          width={Math.max(0, x(Math.min(band.to, lastDay) + 1) - x(Math.max(band.from, firstDay)))}
          y={m.top}
          height={y(0) - m.top}
          fill="#a7f3d0"
          opacity={0.55}
        />
      ) : null}
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
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={y(0)} y2={y(0) + 4} stroke="#94a3b8" />
          <text x={x(d)} y={height - m.bottom + 16} textAnchor="middle" fill="#475569">
            {d / 7}
          </text>
        </g>
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
      {averages
        ? draw("average", COLORS.average, { strokeWidth: 2, strokeDasharray: "6 3" })
        : null}
      {interference
        ? draw("interference", COLORS.interference, { strokeWidth: 2, strokeDasharray: "2 3" })
        : null}
      {draw("pain", COLORS.pain, { strokeWidth: 2.5 })}
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
  dotted,
  children,
}: {
  color: string;
  dashed?: boolean;
  dotted?: boolean;
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
          strokeDasharray={dotted ? "2 3" : dashed ? "5 3" : undefined}
        />
      </svg>
      {children}
    </li>
  );
}
