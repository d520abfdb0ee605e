import type { Metadata } from "next";
import { PatientImport } from "@/components/admin/patient-import";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import patients" };

export default function ImportPage() {
  return (
    <>
      <PageHeader
        title="Import patients"
        description="Create patient accounts from a spreadsheet and assign each to a provider."
      />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-[2fr_1fr]">
        <PatientImport />
        <Card>
          <CardTitle>The file</CardTitle>
          <p className="text-sm text-slate-700">
            A CSV file (save as “CSV UTF-8” from a spreadsheet) whose first row names the columns:
          </p>
          <pre className="mt-3 whitespace-pre-wrap break-all rounded-lg bg-slate-100 p-3 text-xs text-slate-800">
            {"name,email,provider email\nAnn Lee,ann.lee@example.com,dr.rao@example.com"}
          </pre>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>The provider email must belong to an active provider account.</li>
            <li>
              Optional columns: date of birth (YYYY-MM-DD), MRN (unique in the clinic) and phone.
              They are set for new patients only.
            </li>
            <li>
              Each email once: an existing patient is not created again, only added to the
              provider’s care team.
            </li>
            <li>Rows with a problem are listed at the end and not imported.</li>
            <li>Importing the same file twice is safe.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
