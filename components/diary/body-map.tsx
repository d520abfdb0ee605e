"use client";

import { type Location, locationChoicesFor, locationLabel } from "@/server/outcomes/diary-lists";

/**
 * A tap target: at least 48 × 48 units, drawn at about 1 px per unit on a 360 px phone. The front
 * view faces the viewer, so the patient's right is on the left of the picture; the back view shows
 * the patient's left on the left. A tap chooses one side; both sides are two taps.
 */
type Target = { location: Location; x: number; y: number; w: number; h: number; lines: string[] };

const W = 150;
const H = 300;

/** Front view: the joints, each side its own target. */
const FRONT: Target[] = [
  { location: "shoulder:right", x: 0, y: 58, w: 54, h: 48, lines: ["Right", "shoulder"] },
  { location: "shoulder:left", x: 96, y: 58, w: 54, h: 48, lines: ["Left", "shoulder"] },
  { location: "hip:right", x: 22, y: 146, w: 50, h: 48, lines: ["Right", "hip"] },
  { location: "hip:left", x: 78, y: 146, w: 50, h: 48, lines: ["Left", "hip"] },
  { location: "knee:right", x: 24, y: 222, w: 48, h: 48, lines: ["Right", "knee"] },
  { location: "knee:left", x: 78, y: 222, w: 48, h: 48, lines: ["Left", "knee"] },
];

/** Back view: the spine from the neck down, and each sacroiliac joint. */
const BACK: Target[] = [
  { location: "cervical", x: 45, y: 46, w: 60, h: 48, lines: ["Neck"] },
  { location: "thoracic", x: 40, y: 98, w: 70, h: 48, lines: ["Upper", "back"] },
  { location: "lumbar", x: 40, y: 150, w: 70, h: 48, lines: ["Lower", "back"] },
  { location: "sacroiliac:left", x: 24, y: 202, w: 50, h: 48, lines: ["Left", "SI joint"] },
  { location: "sacroiliac:right", x: 76, y: 202, w: 50, h: 48, lines: ["Right", "SI joint"] },
];

/** The location choices as checkbox options ("Right knee"), with any older plain one selected. */
export const locationOptions = (selected: readonly Location[]) =>
  locationChoicesFor(selected).map((value) => ({ value, label: locationLabel(value) }));

/** A plain outline of a standing body, the same for both views. */
const SILHOUETTE =
  "M75 4 A19 19 0 1 1 74.9 4 Z M60 46 L90 46 L92 56 Q128 58 132 76 L142 152 Q143 160 136 160 L124 110 L120 150 Q126 180 118 198 L110 292 L90 292 L80 206 L70 206 L60 292 L40 292 L32 198 Q24 180 30 150 L26 110 L14 160 Q7 160 8 152 L18 76 Q22 58 58 56 Z";

function View({
  title,
  targets,
  selected,
  onToggle,
}: {
  title: string;
  targets: Target[];
  selected: readonly Location[];
  onToggle: (location: Location) => void;
}) {
  return (
    <figure className="m-0 flex w-1/2 max-w-[170px] flex-col items-center">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        aria-hidden="true"
        focusable="false"
        className="w-full select-none [-webkit-tap-highlight-color:transparent]"
      >
        <path d={SILHOUETTE} className="fill-slate-200 stroke-slate-400" strokeWidth={1.5} />
        {targets.map((t) => {
          const on = selected.includes(t.location);
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the checkboxes are the accessible control
            <g
              key={t.location}
              data-location={t.location}
              onClick={() => onToggle(t.location)}
              className="cursor-pointer"
            >
              <rect
                x={t.x}
                y={t.y}
                width={t.w}
                height={t.h}
                rx={12}
                strokeWidth={1.5}
                className={
                  on
                    ? "fill-brand-600 stroke-brand-800"
                    : "fill-white/90 stroke-slate-400 hover:fill-brand-100"
                }
              />
              <text
                x={t.x + t.w / 2}
                y={t.y + t.h / 2 - ((t.lines.length - 1) * 12) / 2}
                textAnchor="middle"
                dominantBaseline="central"
                className={
                  on ? "fill-white text-[11px] font-semibold" : "fill-slate-800 text-[11px]"
                }
              >
                {t.lines.map((line, i) => (
                  <tspan key={line} x={t.x + t.w / 2} dy={i === 0 ? 0 : 12}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-xs font-medium text-slate-600">{title}</figcaption>
    </figure>
  );
}

/**
 * A picture of where it hurts, front and back. Tapping a labelled area toggles its location; the
 * checkboxes next to it are the accessible way to choose (the picture is hidden from screen
 * readers and not in the tab order, so it adds no stray tab stops).
 */
export function BodyMap({
  selected,
  onToggle,
}: {
  selected: readonly Location[];
  onToggle: (location: Location) => void;
}) {
  return (
    <div aria-hidden="true" className="mx-auto flex w-[min(100%,352px)] justify-center gap-2">
      <View title="Front (facing you)" targets={FRONT} selected={selected} onToggle={onToggle} />
      <View title="Back" targets={BACK} selected={selected} onToggle={onToggle} />
    </div>
  );
}
