import { formatNumber } from "@/components/format";

// The drawing's size in px, the size `.spark` gives it.
const width = 96;
const height = 28;

/**
 * A small trend of pain (0-10) drawn on the server as SVG: one point per week, gaps where a week
 * has no entry, the baseline as a dashed line, the latest week as a dot (styles in
 * app/globals.css). Described in words.
 */
export function Sparkline({
  values,
  baseline,
}: {
  values: ReadonlyArray<number | null>;
  baseline: number | null;
}) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  const pad = 3;
  const x = (i: number) =>
    values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1);
  // One decimal is finer than a pixel, and keeps the caseload's HTML small.
  const round = (n: number) => Math.round(n * 10) / 10;
  const y = (v: number) => round(pad + ((10 - v) * (height - 2 * pad)) / 10);
  // Consecutive known weeks form one line; a week without entries breaks it.
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
    } else current.push(`${round(x(i))},${y(v)}`);
  });
  if (current.length) segments.push(current.join(" "));
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  const last = values[lastIndex] ?? null;
  const label = `Weekly pain, oldest first: ${values
    .map((v) => (v === null ? "no entries" : formatNumber(v)))
    .join(", ")}${baseline === null ? "" : `; baseline ${formatNumber(baseline)}`}`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} className="spark">
      {baseline !== null ? (
        <line x1={0} x2={width} y1={y(baseline)} y2={y(baseline)} className="spark-base" />
      ) : null}
      {segments.map((points) =>
        points.includes(" ") ? (
          <polyline key={points} points={points} className="spark-line" />
        ) : null,
      )}
      {known.length > 0 && last !== null ? (
        <circle cx={round(x(lastIndex))} cy={y(last)} r={2.5} className="spark-dot" />
      ) : null}
    </svg>
  );
}
