"use client";

import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { toast } from "sonner";
import { formatDate } from "@/components/format";
import { useTRPCClient } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  type PendingEntry,
  pendingEntries,
  updatePending,
  usePendingEntries,
} from "./device-store";
import { isRetryable, retryDelayMs } from "./send-policy";

const DeviceUser = createContext<string | null>(null);

/** The signed-in patient's id, for what the device keeps (null outside the patient pages). */
export const useDeviceUser = () => useContext(DeviceUser);

export function httpStatusOf(error: unknown): number | undefined {
  return error instanceof TRPCClientError
    ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
    : undefined;
}

/**
 * Around every patient page: sends the entries saved on this phone while the network or the
 * portal was away — at once, whenever the browser comes back online, and with a growing pause
 * after each failure. Each carries its client id, so the server stores it once.
 */
export function PatientDevice({ userId, children }: { userId: string; children: ReactNode }) {
  const client = useTRPCClient();
  const router = useRouter();
  const pending = usePendingEntries(userId);
  // The effect below restarts when the set of entries waiting to be sent changes.
  const key = pending
    .filter((p) => !p.refused)
    .map((p) => p.input.clientId)
    .join(",");
  const sending = useRef(false);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (!key) return;
    async function flush() {
      const entries = pendingEntries(userId).filter((p) => !p.refused);
      if (sending.current) return;
      sending.current = true;
      clearTimeout(timer.current);
      let retryLater = false;
      for (const entry of entries) {
        try {
          await client.diary.add.mutate(entry.input);
          updatePending(entry.input.clientId, null);
          toast.success(
            `Your entry for ${formatDate(entry.input.entryDate, { weekday: "short", year: true })} was sent.`,
          );
          router.refresh();
        } catch (error) {
          if (isRetryable(httpStatusOf(error))) {
            retryLater = true;
            break;
          }
          updatePending(entry.input.clientId, {
            refused: error instanceof Error ? error.message : "The portal refused this entry.",
          });
        }
      }
      sending.current = false;
      if (retryLater) {
        timer.current = setTimeout(flush, retryDelayMs(attempt.current++));
      } else {
        attempt.current = 0;
      }
    }
    const online = () => {
      attempt.current = 0;
      void flush();
    };
    window.addEventListener("online", online);
    void flush();
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(timer.current);
    };
  }, [key, userId, client, router]);

  return <DeviceUser.Provider value={userId}>{children}</DeviceUser.Provider>;
}

/** The entries on this phone that have not reached the portal yet ("Waiting to send"). */
export function PendingEntriesList() {
  const userId = useDeviceUser();
  const pending = usePendingEntries(userId ?? "");
  if (!userId || pending.length === 0) return null;
  return (
    <section aria-labelledby="pending-title" className="mb-4">
      <h2 id="pending-title" className="mb-2 text-sm font-semibold text-slate-700">
        On this phone, not sent yet
      </h2>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-amber-300 bg-amber-50/60">
        {pending.map((p) => (
          <PendingRow key={p.input.clientId} entry={p} />
        ))}
      </ul>
    </section>
  );
}

function PendingRow({ entry }: { entry: PendingEntry }) {
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3">
      <span className="grid size-12 shrink-0 place-items-center rounded-lg bg-white text-xl font-semibold tabular-nums ring-1 ring-inset ring-amber-300">
        <span className="sr-only">Pain </span>
        {entry.input.painAverage}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-slate-900">
          {formatDate(entry.input.entryDate, { weekday: "short", year: true })}
        </span>
        <span className="block text-sm text-slate-700">
          {entry.refused
            ? `Not sent: ${entry.refused}`
            : "Saved on this phone. It is sent as soon as the connection returns."}
        </span>
      </span>
      {entry.refused ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            if (
              window.confirm("Remove this entry from this phone? It was not saved in the portal.")
            ) {
              updatePending(entry.input.clientId, null);
            }
          }}
        >
          Remove
        </Button>
      ) : (
        <Badge tone="warning">Waiting to send</Badge>
      )}
    </li>
  );
}
