import type { Metadata } from "next";
import { FhirImport } from "@/components/admin/fhir-import";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import FHIR Bundle" };

export default function FhirImportPage() {
  return (
    <>
      <PageHeader
        title="Import FHIR Bundle"
        description="Bring one patient's record from another clinic running this portal: their account, procedures and diary."
      />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-[2fr_1fr]">
        <FhirImport />
        <Card>
          <CardTitle>The Bundle</CardTitle>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              The patient&rsquo;s FHIR export from the other clinic (
              <code>Patient/$everything</code>, a JSON file of at most 8 MB).
            </li>
            <li>
              <strong>Check</strong> lists every problem by resource and stores nothing.{" "}
              <strong>Import</strong> stores the whole record, or nothing if anything is wrong.
            </li>
            <li>
              The patient gets an emailed invitation to choose a password. Their email and MRN must
              not be in use in this clinic.
            </li>
            <li>Care plans are read but not imported: the care team decides anew here.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
