"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { formatCount } from "@/shared/format-count";

const MAX_BYTES = 8_000_000;

type Problem = { resource: string; message: string };
type Outcome =
  | { ok: false; problems: Problem[] }
  | {
      ok: true;
      stored: boolean;
      summary: {
        patientId: string | null;
        name: string;
        procedures: number;
        entries: number;
        skipped: Record<string, number>;
      };
    };

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export function FhirImport() {
  const trpc = useTRPC();
  const send = useMutation(trpc.import.fhirBundle.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const checkOnly = submitter?.value !== "import";
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const pasted = String(form.get("bundle") ?? "").trim();
    if (file instanceof File && file.size > MAX_BYTES) {
      setError("The file is larger than 8 MB: export one patient at a time.");
      return;
    }
    const bundle = file instanceof File && file.size > 0 ? await file.text() : pasted;
    if (!bundle) {
      setError("Choose a Bundle file or paste one.");
      return;
    }
    setError(null);
    setOutcome(null);
    try {
      setOutcome(await send.mutateAsync({ bundle, checkOnly }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="space-y-6">
      <Card>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field
            id="file"
            label="Bundle file (JSON)"
            hint="The patient's FHIR export, at most 8 MB."
            error={error}
          >
            <Input
              id="file"
              name="file"
              type="file"
              accept=".json,application/json,application/fhir+json"
              disabled={send.isPending}
              className="py-1.5 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
              {...describedBy("file", { hint: true, error })}
            />
          </Field>
          <Field id="bundle" label="Or paste the Bundle" hint="Used when no file is chosen.">
            <Textarea
              id="bundle"
              name="bundle"
              rows={6}
              spellCheck={false}
              className="font-mono text-xs"
              disabled={send.isPending}
              {...describedBy("bundle", { hint: true })}
            />
          </Field>
          <div className="flex flex-wrap gap-3">
            <Button
              type="submit"
              name="action"
              value="check"
              variant="secondary"
              disabled={send.isPending}
            >
              Check
            </Button>
            <Button type="submit" name="action" value="import" disabled={send.isPending}>
              {send.isPending ? "Working…" : "Import"}
            </Button>
          </div>
        </form>
      </Card>
      {outcome ? <Report outcome={outcome} /> : null}
    </div>
  );
}

function Report({ outcome }: { outcome: Outcome }) {
  if (!outcome.ok) {
    return (
      <section aria-labelledby="problems-title" className="space-y-4">
        <h2 id="problems-title" className="text-xl font-semibold text-slate-900">
          Problems in the Bundle
        </h2>
        <Alert tone="danger" role="alert">
          {plural(outcome.problems.length, "problem", "problems")} found. Nothing was stored.
        </Alert>
        <Card>
          <CardTitle>By resource</CardTitle>
          <ResponsiveTable
            caption="Problems by resource"
            rows={outcome.problems}
            rowKey={(p) => `${p.resource}:${p.message}`}
            columns={[
              {
                header: "Resource",
                cell: (p: Problem) => <code className="break-all text-xs">{p.resource}</code>,
              },
              { header: "Problem", cell: (p: Problem) => p.message },
            ]}
          />
        </Card>
      </section>
    );
  }
  const { summary } = outcome;
  const what = `${plural(summary.procedures, "procedure", "procedures")} and ${plural(summary.entries, "diary entry", "diary entries")}`;
  const skipped = summary.skipped.CarePlan
    ? ` ${plural(summary.skipped.CarePlan, "care plan was", "care plans were")} not imported.`
    : "";
  return (
    <section aria-labelledby="result-title" className="space-y-4">
      <h2 id="result-title" className="text-xl font-semibold text-slate-900">
        {outcome.stored ? "Patient imported" : "The Bundle can be imported"}
      </h2>
      <Alert tone="success" role="status">
        {outcome.stored
          ? `${summary.name} was created with ${what}, and invited by email.${skipped}`
          : `No problems: ${summary.name} with ${what}. Nothing is stored until you choose Import.${skipped}`}
      </Alert>
      {outcome.stored && summary.patientId ? (
        <p>
          <Link
            href={`/admin/accounts/${summary.patientId}`}
            className="font-medium text-brand-700 underline"
          >
            Open {summary.name}&rsquo;s account
          </Link>
        </p>
      ) : null}
    </section>
  );
}
