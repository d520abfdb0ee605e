"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The message to show a user for a failed call: the server's human message, or a generic one. */
export function errorMessage(error: unknown): string {
  // No answer at all (offline, or the connection dropped): not the server's words.
  if (error instanceof TRPCClientError && !error.data) {
    return "The portal could not be reached. Please check your connection and try again.";
  }
  if (error instanceof TRPCClientError && error.message) {
    if (error.data?.code === "UNAUTHORIZED") return "Your session has ended. Please sign in again.";
    return error.message;
  }
  return "Something went wrong. Please check your connection and try again.";
}

/** Field messages from a failed call, keyed by input field name. */
export function fieldErrors(error: unknown): Record<string, string | undefined> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.[0]]));
}
