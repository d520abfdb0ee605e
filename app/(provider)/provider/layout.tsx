import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { ClientProviders } from "@/components/trpc/client-providers";
import { requireRole } from "@/server/auth/guards";

export default async function ProviderLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole("provider");
  return (
    <ClientProviders>
      <AppShell actor={actor}>{children}</AppShell>
    </ClientProviders>
  );
}
