"use client";

import type { Region } from "@/server/outcomes/vocab";

type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; r?: number }
  | { kind: "ellipse"; cx: number; cy: number; rx: number; ry: number };

/** Back view of a body: each region of SPEC 2.6 (except "other") is one or two shapes. */
const REGION_SHAPES: Array<{ region: Region; shapes: Shape[] }> = [
  { region: "cervical", shapes: [{ kind: "rect", x: 71, y: 44, w: 18, h: 16, r: 4 }] },
  {
    region: "shoulder",
    shapes: [
      { kind: "ellipse", cx: 49, cy: 72, rx: 13, ry: 11 },
      { kind: "ellipse", cx: 111, cy: 72, rx: 13, ry: 11 },
    ],
  },
  { region: "thoracic", shapes: [{ kind: "rect", x: 65, y: 62, w: 30, h: 50, r: 6 }] },
  { region: "lumbar", shapes: [{ kind: "rect", x: 66, y: 114, w: 28, h: 30, r: 6 }] },
  { region: "sacroiliac", shapes: [{ kind: "rect", x: 66, y: 146, w: 28, h: 18, r: 6 }] },
  {
    region: "hip",
    shapes: [
      { kind: "ellipse", cx: 53, cy: 160, rx: 11, ry: 12 },
      { kind: "ellipse", cx: 107, cy: 160, rx: 11, ry: 12 },
    ],
  },
  {
    region: "knee",
    shapes: [
      { kind: "ellipse", cx: 64, cy: 236, rx: 10, ry: 11 },
      { kind: "ellipse", cx: 96, cy: 236, rx: 10, ry: 11 },
    ],
  },
];

/**
 * A picture of where it hurts. Tapping a region toggles it; the checkboxes next to it are the
 * accessible way to choose (the picture is hidden from screen readers and not in the tab order).
 */
export function BodyMap({
  selected,
  onToggle,
}: {
  selected: readonly Region[];
  onToggle: (region: Region) => void;
}) {
  return (
    <svg
      viewBox="0 0 160 300"
      aria-hidden="true"
      focusable="false"
      className="mx-auto h-56 w-auto select-none sm:h-64"
    >
      {/* silhouette */}
      <g className="fill-slate-100 stroke-slate-300" strokeWidth={1.5}>
        <circle cx={80} cy={26} r={17} />
        <path d="M38 66 Q40 56 58 56 L102 56 Q120 56 122 66 L130 140 Q131 150 124 150 L118 112 L114 150 Q118 176 112 190 L104 290 L86 290 L82 200 L78 200 L74 290 L56 290 L48 190 Q42 176 46 150 L42 112 L36 150 Q29 150 30 140 Z" />
      </g>
      {REGION_SHAPES.map(({ region, shapes }) => {
        const on = selected.includes(region);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the checkboxes are the accessible control
          <g
            key={region}
            data-region={region}
            onClick={() => onToggle(region)}
            className={
              on
                ? "cursor-pointer fill-brand-600 stroke-brand-800"
                : "cursor-pointer fill-white stroke-slate-400 hover:fill-brand-100"
            }
            strokeWidth={1.5}
          >
            {shapes.map((s) =>
              s.kind === "rect" ? (
                <rect
                  key={`${s.x}-${s.y}`}
                  x={s.x}
                  y={s.y}
                  width={s.w}
                  height={s.h}
                  rx={s.r ?? 0}
                />
              ) : (
                <ellipse key={`${s.cx}-${s.cy}`} cx={s.cx} cy={s.cy} rx={s.rx} ry={s.ry} />
              ),
            )}
          </g>
        );
      })}
      <text x={80} y={298} textAnchor="middle" className="fill-slate-600 text-[10px]">
        Back view
      </text>
    </svg>
  );
}
