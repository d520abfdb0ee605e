import type { Metadata } from "next";
import { SetupForm } from "@/components/admin/setup-form";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Set up the clinic" };

/**
 * The first-run setup (docs/decisions/033-first-run-setup.md): /admin opens here until an admin
 * has answered it; it stays reachable afterwards to review the answers.
 */
export default async function SetupPage() {
  const settings = await orPage((await serverApi()).settings.get());
  const zone = settings.timeZone ?? settings.defaultTimeZone;
  const zones = [...new Set(["UTC", zone, ...Intl.supportedValuesOf("timeZone")])];
  return (
    <>
      <PageHeader
        title="Set up the clinic"
        description={
          settings.setupCompletedAt
            ? "Setup is complete. You can change these answers here or in Clinic settings."
            : "Five answers before the portal is ready for your staff and patients. You can change them later in Clinic settings."
        }
      />
      <SetupForm
        clinicName={settings.clinicName}
        clinicPhone={settings.clinicPhone}
        timeZone={zone}
        publicUrl={settings.publicUrl ?? settings.defaultPublicUrl}
        requireStaffMfa={settings.setupCompletedAt ? settings.requireStaffMfa : null}
        zones={zones}
      />
    </>
  );
}
