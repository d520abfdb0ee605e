import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { ClientProviders } from "@/components/trpc/client-providers";
import { getCurrentActor } from "@/server/auth/session";

/** Pages of one's own account, for every role (and open while a temporary password must change). */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  return (
    <ClientProviders>
      <AppShell actor={actor}>{children}</AppShell>
    </ClientProviders>
  );
}
