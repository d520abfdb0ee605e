"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { CheckboxChips } from "@/components/diary/choice-cards";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FieldError, Input, Select, Textarea } from "@/components/ui/field";
import { Anesthetic, anestheticLabels, targetLabel } from "@/server/outcomes/pathway-vocab";
import { ProcedureSide, procedureSideLabels, Region, regionLabels } from "@/server/outcomes/vocab";
import { BLOCK_NOTE_MAX, BlockFields } from "@/shared/schemas";
import { targetsOf } from "@/shared/technique";

type Values = {
  givenOn: string;
  givenTime: string;
  region: string;
  /** left, right, bilateral, "none" (midline), or "" not chosen yet. */
  side: string;
  targets: string[];
  anesthetic: string;
  prePain: string;
  note: string;
};

/**
 * Records a diagnostic block (docs/clinical-rules.md#diagnostic-blocks); the patient's block
 * diary opens at once and asks for their pain at 15 minutes to 8 hours after `givenTime`.
 */
export function BlockForm({
  patientId,
  today,
  now,
  anestheticHours,
  doneHref,
}: {
  patientId: string;
  /** The clinic's date and time now ("YYYY-MM-DD", "HH:MM"): the defaults. */
  today: string;
  now: string;
  anestheticHours: Record<string, number>;
  doneHref: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState<Values>({
    givenOn: today,
    givenTime: now,
    region: "",
    side: "",
    targets: [],
    anesthetic: "",
    prePain: "",
    note: "",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const record = useMutation(
    trpc.block.record.mutationOptions({
      onSuccess: () => {
        toast.success("Block recorded: the patient's block diary is open");
        router.push(doneHref);
        router.refresh();
      },
    }),
  );
  const server = fieldErrors(record.error);
  const error = (name: keyof Values) => errors[name] ?? server[name];
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setV({ ...v, [key]: value });
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const targetOptions = targetsOf(v.region).map((value) => ({ value, label: targetLabel(value) }));
  const control = (name: keyof Values, hint = false) => ({
    id: name,
    name,
    ...describedBy(name, { hint, error: error(name) }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = BlockFields.safeParse({
      givenOn: v.givenOn,
      givenTime: v.givenTime,
      region: v.region || undefined,
      side: v.side === "none" ? null : v.side || undefined,
      targets: v.targets.filter((t) => targetsOf(v.region).includes(t)),
      anesthetic: v.anesthetic || undefined,
      prePain: v.prePain.trim() === "" ? undefined : Number(v.prePain),
      note: v.note,
    });
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      setErrors(Object.fromEntries(Object.entries(flat).map(([k, m]) => [k, m?.[0]])));
      const first = Object.keys(flat)[0];
      if (first) document.getElementById(first)?.focus();
      return;
    }
    setErrors({});
    record.mutate({ patientId, ...parsed.data });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {record.error && Object.keys(server).length === 0 ? (
        <Alert tone="danger" role="alert">
          {errorMessage(record.error)}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="givenOn" label="Date given" error={error("givenOn")}>
          <Input
            type="date"
            value={v.givenOn}
            onChange={(e) => set("givenOn", e.target.value)}
            {...control("givenOn")}
          />
        </Field>
        <Field id="givenTime" label="Time of the injection" error={error("givenTime")}>
          <Input
            type="time"
            value={v.givenTime}
            onChange={(e) => set("givenTime", e.target.value)}
            {...control("givenTime")}
          />
        </Field>
        <Field id="region" label="Region" error={error("region")}>
          <Select
            value={v.region}
            onChange={(e) => set("region", e.target.value)}
            {...control("region")}
          >
            <option value="">Choose…</option>
            {Region.options.map((r) => (
              <option key={r} value={r}>
                {regionLabels[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="side" label="Side" error={error("side")}>
          <Select value={v.side} onChange={(e) => set("side", e.target.value)} {...control("side")}>
            <option value="">Choose…</option>
            {ProcedureSide.options.map((s) => (
              <option key={s} value={s}>
                {procedureSideLabels[s]}
              </option>
            ))}
            <option value="none">No side (midline)</option>
          </Select>
        </Field>
      </div>
      <fieldset
        id="targets"
        tabIndex={-1}
        aria-describedby={error("targets") ? "targets-error" : "targets-hint"}
      >
        <legend className="text-sm font-medium text-slate-800">Targets</legend>
        <p id="targets-hint" className="text-sm text-slate-600">
          {targetOptions.length > 0
            ? "The nerves blocked. Two positive blocks at the same target confirm it for ablation."
            : v.region
              ? "This region has no list of targets."
              : "Choose the region to see its targets."}
        </p>
        {targetOptions.length > 0 ? (
          <div className="[&>div]:grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))]">
            <CheckboxChips
              name="targets"
              options={targetOptions}
              selected={v.targets}
              onToggle={(t) =>
                set(
                  "targets",
                  v.targets.includes(t) ? v.targets.filter((x) => x !== t) : [...v.targets, t],
                )
              }
              invalid={Boolean(error("targets"))}
              className="mt-2"
            />
          </div>
        ) : null}
        <FieldError id="targets-error" error={error("targets")} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="anesthetic"
          label="Anesthetic"
          hint="The clinic's setting says how long its relief should last."
          error={error("anesthetic")}
        >
          <Select
            value={v.anesthetic}
            onChange={(e) => set("anesthetic", e.target.value)}
            {...control("anesthetic", true)}
          >
            <option value="">Choose…</option>
            {Anesthetic.options.map((a) => (
              <option key={a} value={a}>
                {anestheticLabels[a]} (at least {anestheticHours[a]} h)
              </option>
            ))}
          </Select>
        </Field>
        <Field id="prePain" label="Pain just before the block (1-10)" error={error("prePain")}>
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            step={1}
            value={v.prePain}
            onChange={(e) => set("prePain", e.target.value)}
            {...control("prePain")}
          />
        </Field>
      </div>
      <Field
        id="note"
        label="Note"
        hint="Optional; the patient does not see it."
        error={error("note")}
      >
        <Textarea
          value={v.note}
          maxLength={BLOCK_NOTE_MAX}
          onChange={(e) => set("note", e.target.value)}
          {...control("note", true)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={record.isPending}>
          {record.isPending ? "Saving…" : "Record block"}
        </Button>
        <ButtonLink href={doneHref} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
