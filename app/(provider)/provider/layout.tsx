import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireRole } from "@/server/auth/guards";

export default async function ProviderLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole("provider");
  return <AppShell actor={actor}>{children}</AppShell>;
}
