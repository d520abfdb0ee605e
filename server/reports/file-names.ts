// The names of the files a patient's record downloads as (issue 23): staff keep many patients'
// files side by side, so theirs carry the patient's MRN (or the name when there is none) and the
// day; a patient's own copy is "my-…" and the day. Pure; only ASCII letters, digits and hyphens
// (safe in a Content-Disposition header and on every file system).

export type ExportKind = "visit-report" | "pain-diary" | "health-record" | "necessity-summary";

const EXTENSION: Record<ExportKind, string> = {
  "visit-report": "pdf",
  "pain-diary": "csv",
  "health-record": "fhir.json",
  "necessity-summary": "pdf",
};

const OWN: Record<ExportKind, string> = {
  "visit-report": "my-pain-report",
  "pain-diary": "my-pain-diary",
  "health-record": "my-health-record",
  "necessity-summary": "my-necessity-summary",
};

/** "José Álvarez-O'Neil" -> "Jose-Alvarez-O-Neil"; "" when nothing is left. */
export function fileSafe(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** Who the file is about: the patient's MRN and name, or "own" for the patient's own copy. */
export function exportFileName(
  kind: ExportKind,
  about: { mrn: string | null; name: string } | "own",
  day: string,
): string {
  const ext = EXTENSION[kind];
  if (about === "own") return `${OWN[kind]}-${day}.${ext}`;
  const mrn = about.mrn ? fileSafe(about.mrn) : "";
  const who = mrn ? (/^mrn/i.test(mrn) ? mrn : `MRN-${mrn}`) : fileSafe(about.name) || "patient";
  return `${kind}-${who}-${day}.${ext}`;
}
