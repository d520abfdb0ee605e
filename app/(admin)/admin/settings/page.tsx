import type { Metadata } from "next";
import { PolicyEditor } from "@/components/admin/policy-editor";
import { SettingsForm } from "@/components/admin/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { warningSignsOrDefault } from "@/shared/clinic-help";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const api = await serverApi();
  const [settings, policies] = await Promise.all([
    orPage(api.settings.get()),
    orPage(api.policy.list()),
  ]);
  const zones = [
    ...new Set([
      "UTC",
      ...(settings.timeZone ? [settings.timeZone] : []),
      ...Intl.supportedValuesOf("timeZone"),
    ]),
  ];
  return (
    <>
      <PageHeader title="Clinic settings" description="They apply to the whole clinic." />
      <SettingsForm
        successCriteria={settings.successCriteria}
        timeZone={settings.timeZone}
        defaultTimeZone={settings.defaultTimeZone}
        clinicName={settings.clinicName}
        clinicPhone={settings.clinicPhone}
        warningSigns={warningSignsOrDefault(settings.warningSigns)}
        replyTime={settings.replyTime}
        requireStaffMfa={settings.requireStaffMfa}
        publicUrl={settings.publicUrl}
        defaultPublicUrl={settings.defaultPublicUrl}
        anestheticHours={settings.anestheticHours}
        zones={zones}
      />
      <div className="mt-6">
        <PolicyEditor policies={policies} />
      </div>
    </>
  );
}
