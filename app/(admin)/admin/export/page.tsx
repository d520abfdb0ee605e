import type { Metadata } from "next";
import { BulkExport } from "@/components/admin/bulk-export";
import { DownloadLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Exports" };

const FHIR_TYPES = [
  { type: "Patient", description: "Every patient account: name, contact, identifiers." },
  { type: "Procedure", description: "Every ablation: date, modality, treated site." },
  {
    type: "Observation",
    description: "Per diary entry: pain severity (LOINC 72514-3) and the PEG panel (91148-7).",
  },
  { type: "QuestionnaireResponse", description: "Check-in answers (PGIC)." },
  { type: "CarePlan", description: "Management decisions and their amendments." },
];

/**
 * The clinic's data for its EHR or registry (docs/decisions/015-fhir-export.md). Every export is
 * audited.
 */
export default function ExportPage() {
  return (
    <>
      <PageHeader
        title="Exports"
        description="The whole clinic's data, for an EHR, a registry or your own analysis. Every export is recorded in the audit trail."
      />
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        <Card aria-labelledby="outcomes-heading">
          <CardTitle>
            <span id="outcomes-heading">Outcome table (CSV)</span>
          </CardTitle>
          <p className="mb-4 text-sm text-slate-700">
            One row per procedure with its assessment as of today: ids, dates, modality, region,
            category, success, reductions and flag codes. No names and no free text.
          </p>
          <DownloadLink href="/admin/export/outcomes.csv">Download outcomes CSV</DownloadLink>
        </Card>
        <Card aria-labelledby="fhir-heading">
          <CardTitle>
            <span id="fhir-heading">FHIR R4 bulk export (NDJSON)</span>
          </CardTitle>
          <p className="text-sm text-slate-700">
            One file per resource type, one resource per line, in the style of FHIR Bulk Data.
          </p>
          <BulkExport types={FHIR_TYPES} />
        </Card>
      </div>
    </>
  );
}
