import { formatDate } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { type Location, locationLabel } from "@/server/outcomes/vocab";
import type { DiaryEntry } from "./types";

/** A pain score's colour band, so that a list can be scanned at a glance (the number is the content). */
function painTone(pain: number) {
  if (pain <= 3) return "bg-emerald-50 text-emerald-900 ring-emerald-200";
  if (pain <= 6) return "bg-amber-50 text-amber-950 ring-amber-200";
  return "bg-red-50 text-red-900 ring-red-200";
}

/** The patient's entries, newest first; each opens its detail page. */
export function EntryList({ entries }: { entries: readonly DiaryEntry[] }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {entries.map((e) => (
        <li key={e.id}>
          <Link
            href={`/patient/history/${e.id}`}
            className="flex items-center gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:-outline-offset-2"
          >
            <span
              className={`grid size-12 shrink-0 place-items-center rounded-lg text-xl font-semibold tabular-nums ring-1 ring-inset ${painTone(e.painAverage)}`}
            >
              <span className="sr-only">Pain </span>
              {e.painAverage}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-slate-900">
                {formatDate(e.entryDate, { weekday: "short", year: true })}
              </span>
              <span className="block truncate text-sm text-slate-600">
                {e.locations.length > 0
                  ? e.locations.map((l) => locationLabel(l as Location)).join(", ")
                  : "No pain location"}
                {e.note ? " · has a note" : ""}
              </span>
            </span>
            <span className="flex shrink-0 flex-col items-end gap-1">
              {e.version > 1 ? <Badge tone="info">Corrected</Badge> : null}
              {e.pgic ? <Badge tone="brand">Check-in</Badge> : null}
            </span>
            <span aria-hidden className="text-slate-400">
              ›
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
