import type { ReactNode } from "react";
import { PatientDevice } from "@/components/diary/pending-entries";
import { AppShell } from "@/components/shell/app-shell";
import { ClinicContact } from "@/components/shell/clinic-contact";
import { requireRole } from "@/server/auth/guards";

export default async function PatientLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole("patient");
  return (
    <AppShell actor={actor}>
      <PatientDevice userId={actor.id}>{children}</PatientDevice>
      <ClinicContact />
    </AppShell>
  );
}
