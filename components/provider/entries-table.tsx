import { formatDate } from "@/components/format";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { locationLabel, pgicLabels, qualityLabels } from "@/server/outcomes/vocab";
import type { ReviewEntry } from "./types";

/** The diary entries of one procedure, newest first (one page). */
export function EntriesTable({ rows }: { rows: readonly ReviewEntry[] }) {
  return (
    <ResponsiveTable
      caption="Diary entries, newest first"
      rows={rows}
      rowKey={(e) => e.id}
      columns={[
        {
          header: "Date",
          cell: (e) => (
            <span className="whitespace-nowrap">
              {formatDate(e.entryDate, { weekday: "short" })}{" "}
              <span className="font-normal text-slate-600">· day {e.day}</span>
            </span>
          ),
        },
        { header: "Pain", cell: (e) => <span className="tabular-nums">{e.painAverage}</span> },
        {
          header: "Enjoyment / activity",
          cell: (e) => (
            <span className="tabular-nums">
              {e.enjoyment ?? "—"} / {e.activity ?? "—"}
            </span>
          ),
        },
        {
          header: "Where",
          cell: (e) => e.locations.map((l) => locationLabel(l)).join(", ") || "—",
        },
        {
          header: "Feels like",
          cell: (e) => e.qualities.map((q) => qualityLabels[q]).join(", ") || "—",
        },
        { header: "Site sore", cell: (e) => (e.siteSoreness ? "Yes" : "No") },
        {
          header: "Medication and note",
          cell: (e) =>
            [e.medication, e.note, e.pgic ? `Check-in: ${pgicLabels[e.pgic]}` : ""]
              .filter(Boolean)
              .join(" · ") || "—",
          className: "max-w-72",
        },
      ]}
    />
  );
}
