"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatCount } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import {
  type ImportRowResult,
  type ImportRowStatus,
  planPatientImport,
  runPatientImport,
  summarizeImport,
} from "@/shared/patient-import";

const MAX_BYTES = 2 * 1024 * 1024;

const STATUS: Record<
  ImportRowStatus,
  { label: string; tone: "success" | "neutral" | "info" | "danger" }
> = {
  created: { label: "Created", tone: "success" },
  assigned: { label: "Assigned", tone: "info" },
  exists: { label: "Already there", tone: "neutral" },
  invalid: { label: "Not imported", tone: "danger" },
};

type State =
  | { step: "idle" }
  | { step: "running"; done: number; total: number }
  | { step: "done"; results: ImportRowResult[]; fileName: string; stopped?: string };

export function PatientImport() {
  const trpc = useTRPC();
  const importChunk = useMutation(trpc.import.patients.mutationOptions());
  const [state, setState] = useState<State>({ step: "idle" });
  const [fileError, setFileError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setFileError("Choose a CSV file.");
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError("The file is larger than 2 MB. Split it into smaller files.");
      return;
    }
    const plan = planPatientImport(await file.text());
    if ("error" in plan) {
      setFileError(plan.error);
      return;
    }
    setFileError(null);
    const results: ImportRowResult[] = [];
    try {
      const all = await runPatientImport(
        plan,
        async (rows) => {
          const chunk = await importChunk.mutateAsync({ rows });
          results.push(...chunk);
          return chunk;
        },
        (done, total) => setState({ step: "running", done, total }),
      );
      setState({ step: "done", results: all, fileName: file.name });
    } catch (error) {
      setState({
        step: "done",
        fileName: file.name,
        results: [...plan.rejected, ...results].sort((a, b) => a.row - b.row),
        stopped: errorMessage(error),
      });
    }
  }

  return (
    <div className="space-y-6">
      <Card>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field
            id="file"
            label="CSV file of patients"
            hint="First row: name, email, provider email. Up to 5,000 rows."
            error={fileError}
          >
            <Input
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              disabled={state.step === "running"}
              className="py-1.5 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
              {...describedBy("file", { hint: true, error: fileError })}
            />
          </Field>
          <Button type="submit" disabled={state.step === "running"}>
            {state.step === "running" ? "Importing…" : "Import patients"}
          </Button>
        </form>
        {state.step === "running" ? (
          <div className="mt-5 space-y-2">
            <label htmlFor="import-progress" className="block text-sm font-medium text-slate-800">
              Importing
            </label>
            <progress
              id="import-progress"
              max={Math.max(state.total, 1)}
              value={state.done}
              className="h-3 w-full overflow-hidden rounded-full accent-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700 [&::-moz-progress-bar]:bg-brand-700"
            />
            <p className="text-sm text-slate-600" aria-live="polite">
              {formatCount(state.done)} of {formatCount(state.total)} rows
            </p>
          </div>
        ) : null}
      </Card>
      {state.step === "done" ? <ImportReport {...state} /> : null}
    </div>
  );
}

function ImportReport({
  results,
  fileName,
  stopped,
}: {
  results: ImportRowResult[];
  fileName: string;
  stopped?: string;
}) {
  const summary = summarizeImport(results);
  const problems = results.filter((r) => r.status === "invalid");
  const columns = [
    { header: "Row", cell: (r: ImportRowResult) => <span className="num">Row {r.row}</span> },
    {
      header: "Result",
      cell: (r: ImportRowResult) => (
        <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
      ),
    },
    { header: "Details", cell: (r: ImportRowResult) => r.message },
  ];
  return (
    <section aria-labelledby="report-title" className="space-y-4">
      <h2 id="report-title" className="text-xl font-semibold text-slate-900">
        Import report: {fileName}
      </h2>
      {stopped ? (
        <Alert tone="danger" role="alert" title="The import stopped before the end">
          {stopped} The rows listed below were processed; running the same file again is safe:
          nobody is created twice.
        </Alert>
      ) : (
        <Alert tone={problems.length ? "warning" : "success"} role="status">
          {formatCount(summary.created)} created, {summary.assigned} added to a care team,{" "}
          {formatCount(summary.exists)} already there, {problems.length} not imported.
        </Alert>
      )}
      {summary.created > 0 ? (
        <p className="text-sm text-slate-600">
          New patients have no password yet: open each account and use{" "}
          <strong>Reset password</strong> to give them a temporary one when they start.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <Card>
          <CardTitle>Rows not imported ({problems.length})</CardTitle>
          <ResponsiveTable
            caption="Rows not imported"
            rows={problems}
            rowKey={(r) => String(r.row)}
            columns={columns}
          />
        </Card>
      ) : null}
      <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-medium text-slate-900">
          Every row ({formatCount(results.length)})
        </summary>
        <div className="mt-4">
          <ResponsiveTable
            caption="Every row"
            rows={results}
            rowKey={(r) => String(r.row)}
            columns={columns}
          />
        </div>
      </details>
    </section>
  );
}
