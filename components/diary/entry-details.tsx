import {
  type Location,
  locationLabel,
  type Pgic,
  pgicLabels,
  type Quality,
  qualityLabels,
} from "@/server/outcomes/vocab";

export type EntryValues = {
  painAverage: number;
  enjoyment: number | null;
  activity: number | null;
  locations: readonly string[];
  qualities: readonly string[];
  siteSoreness: boolean;
  medication: string;
  note: string;
  pgic: string | null;
};

/** The answers of one version of an entry, as a description list. */
export function EntryDetails({ values }: { values: EntryValues }) {
  const rows: Array<[string, string]> = [
    ["Pain on average (0–10)", String(values.painAverage)],
    [
      "Interference with enjoyment of life",
      values.enjoyment === null ? "Not answered" : String(values.enjoyment),
    ],
    [
      "Interference with general activity",
      values.activity === null ? "Not answered" : String(values.activity),
    ],
    [
      "Where it hurt",
      values.locations.length > 0
        ? values.locations.map((l) => locationLabel(l as Location)).join(", ")
        : "Nowhere",
    ],
    [
      "What it felt like",
      values.qualities.length > 0
        ? values.qualities.map((q) => qualityLabels[q as Quality] ?? q).join(", ")
        : "Nothing chosen",
    ],
    ["Soreness at the treated site", values.siteSoreness ? "Yes" : "No"],
  ];
  if (values.pgic) {
    rows.push(["Change since the procedure", pgicLabels[values.pgic as Pgic] ?? values.pgic]);
  }
  rows.push(["Pain medication", values.medication || "None noted"]);
  return (
    <dl className="divide-y divide-slate-100">
      {rows.map(([label, value]) => (
        <div key={label} className="grid gap-1 py-2.5 sm:grid-cols-[16rem_1fr] sm:gap-4">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="font-medium text-slate-900">{value}</dd>
        </div>
      ))}
      <div className="grid gap-1 py-2.5 sm:grid-cols-[16rem_1fr] sm:gap-4">
        <dt className="text-sm text-slate-600">Note</dt>
        <dd className="whitespace-pre-wrap break-words text-slate-900">
          {values.note || <span className="text-slate-600">No note</span>}
        </dd>
      </div>
    </dl>
  );
}
