"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";

export type PolicyView = {
  id: string;
  version: number;
  name: string;
  blockThreshold: number;
  reliefPct: number;
  functionPct: number | null;
  requiredDays: number;
  maxGapDays: number;
  minIntervalDays: number;
  maxPerYear: number;
};

type Numeric = Exclude<keyof PolicyView, "id" | "version" | "name">;
const FIELDS: Array<{ key: Numeric; label: string; hint?: string; unit: string }> = [
  { key: "blockThreshold", label: "Diagnostic block threshold", unit: "%" },
  { key: "reliefPct", label: "Pain relief", unit: "%", hint: "Less pain than the baseline." },
  {
    key: "functionPct",
    label: "Function improvement",
    unit: "%",
    hint: "Empty: the policy has no function criterion.",
  },
  { key: "requiredDays", label: "Relief lasting at least", unit: "days" },
  { key: "maxGapDays", label: "Longest gap in the diary", unit: "days" },
  { key: "minIntervalDays", label: "Interval since the last ablation", unit: "days" },
  { key: "maxPerYear", label: "Ablations a year at most", unit: "" },
];

/** One policy's numbers in a sentence. */
export function policySentence(p: PolicyView): string {
  return `${p.reliefPct}% less pain${p.functionPct !== null ? ` or ${p.functionPct}% better function` : ""} for ${p.requiredDays} days (gaps up to ${p.maxGapDays} days); ${p.minIntervalDays} days since the last ablation; at most ${p.maxPerYear} a year; blocks ${p.blockThreshold}%.`;
}

/** Repeat-ablation policies: admins add and edit them; providers choose one per patient. */
export function PolicyEditor({ policies }: { policies: readonly PolicyView[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <Card aria-labelledby="policies-heading" className="max-w-2xl">
      <CardTitle>
        <span id="policies-heading">Repeat-ablation policies</span>
      </CardTitle>
      <p className="mt-1 text-sm text-slate-600">
        What each payer asks for before a repeat ablation. The two examples come from published
        payer rules: check them against your own payers. A provider chooses the patient's policy on
        their review page.
      </p>
      <ul className="mt-4 space-y-3">
        {policies.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 p-3">
            <h3 className="font-semibold text-slate-900">{p.name}</h3>
            <p className="mt-1 text-sm text-slate-700">{policySentence(p)}</p>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-800">
                Edit<span className="sr-only"> {p.name}</span>
              </summary>
              <PolicyForm policy={p} />
            </details>
          </li>
        ))}
      </ul>
      {adding ? (
        <div className="mt-4 rounded-lg border border-slate-200 p-3">
          <h3 className="font-semibold text-slate-900">New policy</h3>
          <PolicyForm policy={null} onDone={() => setAdding(false)} />
        </div>
      ) : (
        <Button variant="secondary" className="mt-4" onClick={() => setAdding(true)}>
          Add a policy
        </Button>
      )}
    </Card>
  );
}

function PolicyForm({ policy, onDone }: { policy: PolicyView | null; onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const create = useMutation(trpc.policy.create.mutationOptions());
  const update = useMutation(trpc.policy.update.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const pending = create.isPending || update.isPending;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const num = (key: string) => {
      const raw = String(form.get(key) ?? "").trim();
      return raw === "" ? Number.NaN : Number(raw);
    };
    const fn = String(form.get("functionPct") ?? "").trim();
    const fields = {
      name: String(form.get("name") ?? ""),
      blockThreshold: num("blockThreshold"),
      reliefPct: num("reliefPct"),
      functionPct: fn === "" ? null : Number(fn),
      requiredDays: num("requiredDays"),
      maxGapDays: num("maxGapDays"),
      minIntervalDays: num("minIntervalDays"),
      maxPerYear: num("maxPerYear"),
    };
    try {
      if (policy) await update.mutateAsync({ ...fields, id: policy.id, version: policy.version });
      else await create.mutateAsync(fields);
      setErrors({});
      setFailure(null);
      toast.success(policy ? "Policy saved." : "Policy added.");
      onDone?.();
      router.refresh();
    } catch (error) {
      const fe = fieldErrors(error);
      setErrors(fe);
      setFailure(Object.values(fe).some(Boolean) ? null : errorMessage(error));
    }
  }

  const f = (key: string) => `${id}-${key}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3">
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      <Field id={f("name")} label="Name" error={errors.name}>
        <Input
          id={f("name")}
          name="name"
          defaultValue={policy?.name ?? ""}
          maxLength={120}
          {...describedBy(f("name"), { error: errors.name })}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((x) => (
          <Field
            key={x.key}
            id={f(x.key)}
            label={`${x.label}${x.unit ? ` (${x.unit})` : ""}`}
            hint={x.hint}
            error={errors[x.key]}
          >
            <Input
              id={f(x.key)}
              name={x.key}
              inputMode="decimal"
              defaultValue={policy ? String(policy[x.key] ?? "") : ""}
              {...describedBy(f(x.key), { hint: Boolean(x.hint), error: errors[x.key] })}
            />
          </Field>
        ))}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : policy ? "Save policy" : "Add policy"}
        </Button>
        {onDone ? (
          <Button variant="ghost" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
