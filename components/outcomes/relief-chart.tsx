"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from "recharts";
import { censorMarks } from "@/server/analytics/survival";
import { groupColor } from "./colors";
import type { DurabilityGroup } from "./types";

const MARGIN = { top: 12, right: 16, bottom: 28, left: 0 };
const Y_AXIS_WIDTH = 44;

/** The x-axis: at least a year; ticks where the number at risk is given, then every 90 days. */
export function reliefAxis(groups: readonly DurabilityGroup[]) {
  const last = Math.max(365, ...groups.flatMap((g) => (g.curve ?? []).map((s) => s.time)));
  const max = last <= 365 ? 365 : Math.ceil(last / 90) * 90;
  const ticks = [0, 90, 180, 270, 365];
  for (let d = 450; d <= max; d += 90) ticks.push(d);
  return { max, ticks };
}

/** A censoring: a short vertical tick across the curve (the usual Kaplan-Meier mark). */
function CensorTick({ cx, cy, fill }: { cx?: number; cy?: number; fill?: string }) {
  if (cx === undefined || cy === undefined) return null;
  return <line x1={cx} x2={cx} y1={cy - 6} y2={cy + 6} stroke={fill} strokeWidth={1.5} />;
}

/**
 * Kaplan-Meier curves of relief continuing, one step line per group with its 95% interval shaded
 * and a tick where a procedure was censored, and the number at risk under the x-axis, each row
 * named. The data are computed on the server; the page gives
 * the same numbers as tables.
 */
export function ReliefChart({
  groups,
  description,
}: {
  /** Only groups with a curve; their index in the report decides the colour. */
  groups: ReadonlyArray<{ group: DurabilityGroup; index: number }>;
  description: string;
}) {
  const { max, ticks } = reliefAxis(groups.map((g) => g.group));
  const series = groups.map(({ group, index }) => {
    const points = [
      { day: 0, survival: 100, band: [100, 100] as [number, number] },
      ...(group.curve ?? []).map((s) => ({
        day: s.time,
        survival: s.survival * 100,
        band: [s.lower * 100, s.upper * 100] as [number, number],
      })),
    ];
    const ticks = censorMarks(group.curve ?? []).map((m) => ({
      day: m.time,
      survival: m.survival * 100,
    }));
    return { key: group.key, label: group.label, color: groupColor(index), points, ticks };
  });
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const at = (day: number) =>
    `calc(${plotLeft}px + (100% - ${plotLeft + MARGIN.right}px) * ${day / max})`;

  return (
    <div>
      <p aria-hidden className="mb-1 text-xs text-slate-600">
        Share of procedures with relief continuing
      </p>
      <div role="img" aria-label={description} className="w-full">
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="day"
              domain={[0, max]}
              ticks={ticks}
              allowDuplicatedCategory={false}
              tick={{ fill: "#475569", fontSize: 12 }}
              stroke="#94a3b8"
              label={{
                value: "Days since the procedure",
                position: "insideBottom",
                offset: -16,
                fill: "#475569",
                fontSize: 12,
              }}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fill: "#475569", fontSize: 12 }}
              stroke="#94a3b8"
              width={Y_AXIS_WIDTH}
            />
            {series.map((s) => (
              <Area
                key={`${s.key}-band`}
                data={s.points}
                dataKey="band"
                type="stepAfter"
                stroke="none"
                fill={s.color}
                fillOpacity={0.12}
                isAnimationActive={false}
                activeDot={false}
              />
            ))}
            {series.map((s) => (
              <Line
                key={s.key}
                data={s.points}
                dataKey="survival"
                type="stepAfter"
                stroke={s.color}
                strokeWidth={2.5}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
            {series.map((s) => (
              <Scatter
                key={`${s.key}-censored`}
                data={s.ticks}
                dataKey="survival"
                fill={s.color}
                shape={<CensorTick />}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div aria-hidden className="mt-1 text-xs text-slate-700">
        <p className="mb-1 font-medium" style={{ paddingLeft: plotLeft }}>
          Number at risk
        </p>
        {groups.map(({ group, index }) => (
          <div key={group.key}>
            <p className="flex items-center gap-1.5 font-medium text-slate-800">
              <span
                className="inline-block h-1 w-4 shrink-0 rounded"
                style={{ background: groupColor(index) }}
              />
              {group.label}
            </p>
            <div className="relative h-5 tabular-nums">
              {group.atRisk.map((a) => (
                <span
                  key={a.day}
                  className="absolute top-0 -translate-x-1/2"
                  style={{ left: at(a.day) }}
                >
                  {a.n}
                </span>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
