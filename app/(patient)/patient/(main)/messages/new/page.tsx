import type { Metadata } from "next";
import { EmergencyNotice } from "@/components/patient-messages/emergency-notice";
import { ReportChangeForm } from "@/components/patient-messages/report-change-form";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Report a change" };

/**
 * "Report a change" (docs/decisions/020-messages.md), with the not-for-emergencies notice beside
 * the form.
 */
export default async function ReportChangePage() {
  const api = await serverApi();
  const [form, contact] = await Promise.all([
    orPage(api.diary.formContext()),
    orPage(api.settings.contact()),
  ]);
  // Today's entry, if there is one, may go with the report.
  const today = form.days.find((d) => d.date === form.today);

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Report a change"
        description="Tell your care team what has changed since your procedure. They reply in your messages."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="lg:sticky lg:top-6 lg:order-2">
          <EmergencyNotice contact={contact} />
        </div>
        <ReportChangeForm todaysEntryDate={today?.entryId ? today.date : null} />
      </div>
    </div>
  );
}
