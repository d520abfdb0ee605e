"use client";

import {
  type PendingEntry,
  updatePending,
  usePendingEntries,
} from "@/components/diary/device-store";
import { useDeviceUser } from "@/components/diary/pending-entries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { changeWords } from "./message-words";

type PendingReport = Extract<PendingEntry, { kind: "report" }>;

/** Reports kept on this phone that have not reached the portal yet ("Waiting to send"), the newest. */
export function PendingReports({ className }: { className?: string }) {
  const userId = useDeviceUser();
  const pending = usePendingEntries(userId ?? "").filter(
    (p): p is PendingReport => p.kind === "report",
  );
  if (!userId || pending.length === 0) return null;
  return (
    <section aria-labelledby="pending-reports-title" className={className}>
      <h2 id="pending-reports-title" className="mb-2 text-sm font-semibold text-slate-700">
        On this phone, not sent yet
      </h2>
      <ul className="divide-y divide-amber-200 overflow-hidden rounded-xl border border-amber-300 bg-amber-50/60">
        {pending.map((p) => (
          <li key={p.input.clientId} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-slate-900">
                {/* A report kept since before reports could name several has one change. */}
                {changeWords(p.input.changes ?? (p.input.change ? [p.input.change] : []))}
              </span>
              <span className="block text-sm text-slate-700">
                {p.refused
                  ? `Not sent: ${p.refused}`
                  : "Saved on this phone. It is sent as soon as the connection returns."}
              </span>
            </span>
            {p.refused ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  if (window.confirm("Remove this report from this phone? It was not sent.")) {
                    updatePending(p.input.clientId, null);
                  }
                }}
              >
                Remove
              </Button>
            ) : (
              <Badge tone="warning">Waiting to send</Badge>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
