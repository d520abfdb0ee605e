"use client";

import { formatDate } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type PendingEntry, updatePending, usePendingEntries } from "./device-store";
import { useDeviceUser } from "./pending-entries";

/** The entries on this phone that have not reached the portal yet ("Waiting to send"). */
export function PendingEntriesList() {
  const userId = useDeviceUser();
  const pending = usePendingEntries(userId ?? "").filter(
    (p): p is Extract<PendingEntry, { kind: "diary" }> => p.kind !== "report" && p.kind !== "block",
  );
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

function PendingRow({ entry }: { entry: Extract<PendingEntry, { kind: "diary" }> }) {
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
