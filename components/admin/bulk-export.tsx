"use client";

import { useState } from "react";
import { formatCount } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type State =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number | null }
  | { phase: "done"; done: number; url: string }
  | { phase: "failed"; message: string };

const NEWLINE = 10;

/**
 * One resource type of the clinic's FHIR bulk export: streams the NDJSON from the server,
 * counting resources as they arrive (the progress bar), then offers the file to save (a link:
 * a download started by a script after a long wait may be blocked by the browser).
 */
function ExportRow({ type, description }: { type: string; description: string }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const file = `${type}.ndjson`;

  async function run() {
    setState({ phase: "running", done: 0, total: null });
    try {
      const response = await fetch(`/admin/export/fhir/${file}`, { cache: "no-store" });
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      const total = Number(response.headers.get("x-resource-count")) || null;
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let done = 0;
      let shown = 0;
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        parts.push(chunk.value);
        for (const byte of chunk.value) if (byte === NEWLINE) done += 1;
        // Redraw at most every 1% (or every chunk for small exports).
        if (!total || done - shown >= total / 100) {
          shown = done;
          setState({ phase: "running", done, total });
        }
      }
      const url = URL.createObjectURL(new Blob(parts, { type: "application/fhir+ndjson" }));
      setState({ phase: "done", done, url });
    } catch {
      setState({
        phase: "failed",
        message: "The export stopped before it was complete. Please try again.",
      });
    }
  }

  const pct =
    state.phase === "running" && state.total ? Math.min(100, (100 * state.done) / state.total) : 0;
  return (
    <li className="py-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700">
          <span className="block font-mono font-medium text-slate-900">{file}</span>
          {description}
        </p>
        <Button
          size="sm"
          variant="secondary"
          className="shrink-0"
          onClick={run}
          disabled={state.phase === "running"}
        >
          {state.phase === "running" ? "Exporting..." : "Export"}
          <span className="sr-only"> {type}</span>
        </Button>
      </div>
      {state.phase === "running" ? (
        <div className="mt-2">
          <progress
            className="h-2 w-full accent-brand-700"
            max={100}
            value={state.total ? pct : undefined}
            aria-label={`${type} export progress`}
          />
          <p className="text-xs text-slate-600" aria-live="polite">
            {formatCount(state.done)}
            {state.total ? ` of ${formatCount(state.total)}` : ""} resources
          </p>
        </div>
      ) : null}
      {state.phase === "done" ? (
        <p className="mt-2 text-sm text-slate-700" role="status">
          {formatCount(state.done)} resources.{" "}
          <a href={state.url} download={file} className="font-medium text-brand-800 underline">
            Save {file}
          </a>
        </p>
      ) : null}
      {state.phase === "failed" ? (
        <Alert tone="danger" role="alert" className="mt-2">
          {state.message}
        </Alert>
      ) : null}
    </li>
  );
}

export function BulkExport({
  types,
}: {
  types: ReadonlyArray<{ type: string; description: string }>;
}) {
  return (
    <ul className="divide-y divide-slate-200">
      {types.map((t) => (
        <ExportRow key={t.type} {...t} />
      ))}
    </ul>
  );
}
