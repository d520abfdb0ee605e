import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireRole } from "@/server/auth/guards";

export default async function PatientLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole("patient");
  return <AppShell actor={actor}>{children}</AppShell>;
}
