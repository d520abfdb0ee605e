"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { z } from "zod";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
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

type FieldName = keyof typeof decisionFieldsShape;
type Errors = Partial<Record<FieldName, string>>;

/** The order of the questions, for the error summary. */
const FIELD_ORDER: Array<[FieldName, string]> = [
  ["strategies", "Strategies"],
  ["suspectedFactors", "Suspected factors"],
  ["rationale", "Rationale"],
  ["followUpOn", "Follow-up date"],
];

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
  // One error pattern for every form (the patient's too): a summary at the top that takes the
  // focus after each failed attempt, and each message at its question, cleared as it is fixed.
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const onSuccess = (decision: RecordedDecision) => onDone(decision);
  const onError = (failure: unknown) => {
    const found = fieldErrors(failure) as Errors;
    setErrors(found);
    setFormError(Object.keys(found).length > 0 ? null : errorMessage(failure));
    setAttempt((n) => n + 1);
  };
  const record = useMutation(trpc.decision.record.mutationOptions({ onSuccess, onError }));
  const amend = useMutation(trpc.decision.amend.mutationOptions({ onSuccess, onError }));
  const mutation = amending ? amend : record;
  const error = (name: FieldName) => errors[name];
  const clear = (name: FieldName) => setErrors((e) => ({ ...e, [name]: undefined }));
  const idOf = (name: FieldName) => `${id}-${name}`;

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
    setFormError(null);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      setErrors(Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v?.[0]])) as Errors);
      setAttempt((n) => n + 1);
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
      <ErrorSummary
        fields={FIELD_ORDER}
        errors={errors}
        formError={formError}
        attempt={attempt}
        idOf={idOf}
      />

      <fieldset
        id={idOf("strategies")}
        aria-describedby={error("strategies") ? `${id}-strategies-error` : undefined}
      >
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
                    onChange={() => {
                      setChosen(toggle(chosen, s));
                      clear("strategies");
                    }}
                    aria-invalid={error("strategies") ? true : undefined}
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

      <fieldset
        id={idOf("suspectedFactors")}
        aria-describedby={error("suspectedFactors") ? `${id}-suspectedFactors-error` : undefined}
      >
        <legend className="text-base font-semibold text-slate-900">
          Suspected factors <span className="font-normal text-slate-600">(optional)</span>
        </legend>
        <p className="text-sm text-slate-600">Why the ablation may not have worked as expected.</p>
        <FieldError id={`${id}-suspectedFactors-error`} error={error("suspectedFactors")} />
        <ul className="mt-3 grid gap-2 md:grid-cols-2">
          {SuspectedFactor.options.map((f) => (
            <li key={f}>
              <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3">
                <input
                  type="checkbox"
                  checked={factors.includes(f)}
                  onChange={() => {
                    setFactors(toggle(factors, f));
                    clear("suspectedFactors");
                  }}
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

      <Field id={idOf("rationale")} label="Rationale" error={error("rationale")}>
        <Textarea
          id={idOf("rationale")}
          value={rationale}
          maxLength={RATIONALE_MAX}
          onChange={(e) => {
            setRationale(e.target.value);
            clear("rationale");
          }}
          {...describedBy(idOf("rationale"), { error: error("rationale") })}
        />
      </Field>

      <Field
        id={idOf("followUpOn")}
        label="Follow-up date (optional)"
        hint="When you plan to review this patient again."
        error={error("followUpOn")}
        className="max-w-xs"
      >
        <Input
          id={idOf("followUpOn")}
          type="date"
          min={today}
          value={followUpOn}
          onChange={(e) => {
            setFollowUpOn(e.target.value);
            clear("followUpOn");
          }}
          {...describedBy(idOf("followUpOn"), { hint: true, error: error("followUpOn") })}
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
