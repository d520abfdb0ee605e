"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { formatDate } from "@/components/format";
import { httpStatusOf } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { FlashMessage, flash } from "@/components/ui/flash";
import { pendingEntries, updatePending, usePendingEntries } from "./device-store";
import { OfflinePages } from "./offline-pages";
import { isRetryable, retryDelayMs } from "./send-policy";

const DeviceUser = createContext<string | null>(null);

/** The signed-in patient's id, for what the device keeps (null outside the patient pages). */
export const useDeviceUser = () => useContext(DeviceUser);

/**
 * Around every patient page: shows flash() messages, and sends the diary entries and reports saved
 * on this phone while the network or the portal was away — at once, whenever the browser comes
 * back online, and with a growing pause after each failure. Each carries its client id, so the
 * server stores it once.
 */
export function PatientDevice({ userId, children }: { userId: string; children: ReactNode }) {
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
          // Entries queued before reports existed carry no kind: they are diary entries.
          if (entry.kind === "report") {
            await mutate("message", "report", entry.input);
            flash("Sent to your care team.");
          } else if (entry.kind === "block") {
            await mutate("blockDiary", "answer", entry.input);
            flash("Your answer after the block was sent.");
          } else {
            await mutate("diary", "add", entry.input);
            flash(
              `Your entry for ${formatDate(entry.input.entryDate, { weekday: "short", year: true })} was sent.`,
            );
          }
          updatePending(entry.input.clientId, null);
          router.refresh();
        } catch (error) {
          if (isRetryable(httpStatusOf(error))) {
            retryLater = true;
            break;
          }
          updatePending(entry.input.clientId, {
            refused: error instanceof Error ? error.message : "The portal refused it.",
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
  }, [key, userId, router]);

  return (
    <DeviceUser.Provider value={userId}>
      <OfflinePages userId={userId} />
      {children}
      <FlashMessage />
    </DeviceUser.Provider>
  );
}
