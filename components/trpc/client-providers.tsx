"use client";

import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TRPCReactProvider } from "./react";

/**
 * The tRPC React client and toasts, for the pages that use them (staff, account, invitation).
 * Not in the root layout: the sign-in page and the patient's pages do without them (decision 019).
 */
export function ClientProviders({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      {children}
      <Toaster position="top-center" richColors closeButton />
    </TRPCReactProvider>
  );
}
