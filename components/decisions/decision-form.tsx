"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { z } from "zod";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, Input, Textarea } from "@/components/ui/field";
import {
  Strategy,
  SuspectedFactor,
  strategyDescriptions,
  strategyLabels,
  suspectedFactorDescriptions,
  suspectedFactorLabels,
} from "@/server/outcomes/vocab";
import { decisionFieldsShape, RATIONALE_MAX, STRATEGY_NOTE_MAX } from "@/shared/schemas";

const Fields = z.object(decisionFieldsShape);

export type DecisionFormValues = {
  suspectedFactors: SuspectedFactor[];
  strategies: Array<{ strategy: Strategy; note: string }>;
  rationale: string;
  followUpOn: string | null;
};

export type RecordedDecision = { followUpOn: string | null; answeredFlags: string[] };

/**
 * Records a management decision, or an amendment of the current one (a new version; the earlier
 * one stays as it was). Suggested strategies come first and are marked.
 */
export function DecisionForm({
  target,
  suggested,
  initial,
  today,
  onDone,
  onCancel,
}: {
  target: { procedureId: string } | { decisionId: string };
  suggested: readonly Strategy[];
  initial?: DecisionFormValues;
  today: string;
  /** Called once recorded. */
  onDone: (decision: RecordedDecision) => void;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const amending = "decisionId" in target;
  const [factors, setFactors] = useState<SuspectedFactor[]>(initial?.suspectedFactors ?? []);
  const [notes, setNotes] = useState<Partial<Record<Strategy, string>>>(
    Object.fromEntries((initial?.strategies ?? []).map((s) => [s.strategy, s.note])),
  );
  const [chosen, setChosen] = useState<Strategy[]>(
    (initial?.strategies ?? []).map((s) => s.strategy),
  );
  const [rationale, setRationale] = useState(initial?.rationale ?? "");
  const [followUpOn, setFollowUpOn] = useState(initial?.followUpOn ?? "");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const onSuccess = (decision: RecordedDecision) => onDone(decision);
  const record = useMutation(trpc.decision.record.mutationOptions({ onSuccess }));
  const amend = useMutation(trpc.decision.amend.mutationOptions({ onSuccess }));
  const mutation = amending ? amend : record;
  const serverErrors = fieldErrors(mutation.error);
  const error = (name: string) => errors[name] ?? serverErrors[name];

  const ordered = [...suggested, ...Strategy.options.filter((s) => !suggested.includes(s))];

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = {
      suspectedFactors: factors,
      strategies: ordered
        .filter((s) => chosen.includes(s))
        .map((strategy) => ({ strategy, note: notes[strategy] ?? "" })),
      rationale,
      followUpOn: followUpOn || null,
    };
    const parsed = Fields.safeParse(values);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      setErrors(Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v?.[0]])));
      return;
    }
    setErrors({});
    if ("decisionId" in target) amend.mutate({ decisionId: target.decisionId, ...parsed.data });
    else record.mutate({ procedureId: target.procedureId, ...parsed.data });
  }

  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((x) => x !== value) : [...list, value];

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {mutation.error && Object.keys(serverErrors).length === 0 ? (
        <Alert tone="danger" role="alert">
          {errorMessage(mutation.error)}
        </Alert>
      ) : null}

      <fieldset aria-describedby={error("strategies") ? `${id}-strategies-error` : undefined}>
        <legend className="text-base font-semibold text-slate-900">Strategies</legend>
        <p className="text-sm text-slate-600">
          Choose one or more. A note per strategy is optional; the patient sees the strategies and
          their notes as their plan.
        </p>
        <FieldError id={`${id}-strategies-error`} error={error("strategies")} />
        <ul className="mt-3 grid gap-2 md:grid-cols-2">
          {ordered.map((s) => {
            const checked = chosen.includes(s);
            return (
              <li key={s} className="rounded-lg border border-slate-200 p-3">
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => setChosen(toggle(chosen, s))}
                    className="mt-1 size-5 shrink-0 accent-brand-700"
                  />
                  <span>
                    <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {strategyLabels[s]}
                      {suggested.includes(s) ? <Badge tone="brand">Suggested</Badge> : null}
                    </span>
                    <span className="block text-sm text-slate-600">{strategyDescriptions[s]}</span>
                  </span>
                </label>
                {checked ? (
                  <div className="mt-2 pl-8">
                    <label
                      htmlFor={`${id}-${s}-note`}
                      className="text-sm font-medium text-slate-800"
                    >
                      Note on {strategyLabels[s].toLowerCase()} (optional)
                    </label>
                    <Input
                      id={`${id}-${s}-note`}
                      value={notes[s] ?? ""}
                      maxLength={STRATEGY_NOTE_MAX}
                      onChange={(e) => setNotes({ ...notes, [s]: e.target.value })}
                      className="mt-1"
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset>
        <legend className="text-base font-semibold text-slate-900">
          Suspected factors <span className="font-normal text-slate-600">(optional)</span>
        </legend>
        <p className="text-sm text-slate-600">Why the ablation may not have worked as expected.</p>
        <ul className="mt-3 grid gap-2 md:grid-cols-2">
          {SuspectedFactor.options.map((f) => (
            <li key={f}>
              <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3">
                <input
                  type="checkbox"
                  checked={factors.includes(f)}
                  onChange={() => setFactors(toggle(factors, f))}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <span>
                  <span className="block font-medium text-slate-900">
                    {suspectedFactorLabels[f]}
                  </span>
                  <span className="block text-sm text-slate-600">
                    {suspectedFactorDescriptions[f]}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <Field id={`${id}-rationale`} label="Rationale" error={error("rationale")}>
        <Textarea
          id={`${id}-rationale`}
          value={rationale}
          maxLength={RATIONALE_MAX}
          onChange={(e) => setRationale(e.target.value)}
          {...describedBy(`${id}-rationale`, { error: error("rationale") })}
        />
      </Field>

      <Field
        id={`${id}-follow-up`}
        label="Follow-up date (optional)"
        hint="When you plan to review this patient again."
        error={error("followUpOn")}
        className="max-w-xs"
      >
        <Input
          id={`${id}-follow-up`}
          type="date"
          min={today}
          value={followUpOn}
          onChange={(e) => setFollowUpOn(e.target.value)}
          {...describedBy(`${id}-follow-up`, { hint: true, error: error("followUpOn") })}
        />
      </Field>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : amending ? "Record amendment" : "Record decision"}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
