import { formatDate, formatNumber } from "@/components/format";
import {
  type Location,
  locationLabel,
  type Modality,
  modalityLabels,
  qualityLabels,
  treatedSiteLabel,
} from "@/server/outcomes/vocab";
import { techniqueSummary } from "@/shared/technique";
import type { ReviewProcedure } from "./types";

/** "Right knee · Radiofrequency (heat)" */
export function procedureName(p: Pick<ReviewProcedure, "modality" | "region" | "side">) {
  return `${treatedSiteLabel(p.region, p.side)} · ${modalityLabels[p.modality as Modality] ?? p.modality}`;
}

/** What was recorded about a procedure, baseline included. */
export function ProcedureDetails({
  procedure: p,
  repeats,
}: {
  procedure: ReviewProcedure;
  repeats: ReviewProcedure | null;
}) {
  const rows: Array<[string, string]> = [
    ["Date", formatDate(p.performedOn, { weekday: "short" })],
    ["Procedure", procedureName(p)],
    ["Performed by", p.performedByName ?? "Not recorded"],
    ["Technique", techniqueSummary(p) || "Not recorded"],
    ["Target details", p.target || "—"],
    ["Baseline pain", `${formatNumber(p.baselinePain)}/10`],
    [
      "Baseline interference",
      p.baselineInterference === null ? "—" : formatNumber(p.baselineInterference),
    ],
    [
      "Baseline locations",
      p.baselineLocations.map((l) => locationLabel(l as Location)).join(", ") || "—",
    ],
    ["Baseline qualities", p.baselineQualities.map((q) => qualityLabels[q]).join(", ") || "—"],
    ["Diagnostic block relief", p.blockReliefPct === null ? "—" : `${p.blockReliefPct}%`],
    [
      "Repeat of",
      repeats
        ? `${formatDate(repeats.performedOn, { weekday: "short" })} (${procedureName(repeats)})`
        : "—",
    ],
    ["Version", `${p.version}`],
  ];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {p.notes ? <p className="whitespace-pre-line text-sm text-slate-800">{p.notes}</p> : null}
    </div>
  );
}
