"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { locationOptions } from "@/components/diary/body-map";
import { CheckboxChips } from "@/components/diary/choice-cards";
import { formatDate } from "@/components/format";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FieldError, Input, Select, Textarea } from "@/components/ui/field";
import {
  type Location,
  Modality,
  modalityLabels,
  ProcedureSide,
  procedureSideLabels,
  Quality,
  qualityLabels,
  Region,
  regionLabels,
} from "@/server/outcomes/vocab";
import { PROCEDURE_NOTES_MAX, procedureFieldsShape, TARGET_MAX } from "@/shared/schemas";
import { procedureName } from "./procedure-details";
import type { ReviewProcedure } from "./types";

const Fields = z.object(procedureFieldsShape);
type Values = {
  performedOn: string;
  modality: string;
  region: string;
  /** left, right, bilateral, "none" (midline), or "" not chosen yet. */
  side: string;
  target: string;
  baselinePain: string;
  baselineInterference: string;
  baselineLocations: Location[];
  baselineQualities: Quality[];
  blockReliefPct: string;
  notes: string;
  repeatsProcedureId: string;
};

const qualityOptions = Quality.options.map((value) => ({ value, label: qualityLabels[value] }));

const toNumber = (s: string) => (s.trim() === "" ? null : Number(s));

/** Records a procedure for a patient, or edits one (the earlier version is kept). */
export function ProcedureForm({
  patientId,
  today,
  others,
  existing,
  doneHref,
}: {
  patientId: string;
  today: string;
  /** The patient's other procedures, which this one may repeat. */
  others: readonly ReviewProcedure[];
  existing?: ReviewProcedure;
  doneHref: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState<Values>({
    performedOn: existing?.performedOn ?? today,
    modality: existing?.modality ?? "",
    region: existing?.region ?? "",
    side: existing ? (existing.side ?? "none") : "",
    target: existing?.target ?? "",
    baselinePain: existing ? String(existing.baselinePain) : "",
    baselineInterference:
      existing?.baselineInterference == null ? "" : String(existing.baselineInterference),
    baselineLocations: existing?.baselineLocations ?? [],
    baselineQualities: existing?.baselineQualities ?? [],
    blockReliefPct: existing?.blockReliefPct == null ? "" : String(existing.blockReliefPct),
    notes: existing?.notes ?? "",
    repeatsProcedureId: existing?.repeatsProcedureId ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const onSuccess = () => {
    toast.success(existing ? "Procedure updated" : "Procedure recorded");
    router.push(doneHref);
    router.refresh();
  };
  const record = useMutation(trpc.procedure.record.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.procedure.update.mutationOptions({ onSuccess }));
  const mutation = existing ? update : record;
  const server = fieldErrors(mutation.error);
  const error = (name: keyof Values) => errors[name] ?? server[name];
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV({ ...v, [key]: value });
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((x) => x !== value) : [...list, value];

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Fields.safeParse({
      performedOn: v.performedOn,
      modality: v.modality || undefined,
      region: v.region || undefined,
      side: v.side === "none" ? null : v.side || undefined,
      target: v.target,
      baselinePain: toNumber(v.baselinePain) ?? undefined,
      baselineInterference: toNumber(v.baselineInterference),
      baselineLocations: v.baselineLocations,
      baselineQualities: v.baselineQualities,
      blockReliefPct: toNumber(v.blockReliefPct),
      notes: v.notes,
      repeatsProcedureId: v.repeatsProcedureId || null,
    });
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      setErrors(Object.fromEntries(Object.entries(flat).map(([k, m]) => [k, m?.[0]])));
      const first = Object.keys(flat)[0];
      if (first) document.getElementById(first)?.focus();
      return;
    }
    setErrors({});
    if (existing) update.mutate({ id: existing.id, version: existing.version, ...parsed.data });
    else record.mutate({ patientId, ...parsed.data });
  }

  const control = (name: keyof Values, hint = false) => ({
    id: name,
    name,
    ...describedBy(name, { hint, error: error(name) }),
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {mutation.error && Object.keys(server).length === 0 ? (
        <Alert tone="danger" role="alert">
          {errorMessage(mutation.error)}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="performedOn" label="Date of the procedure" error={error("performedOn")}>
          <Input
            type="date"
            value={v.performedOn}
            onChange={(e) => set("performedOn", e.target.value)}
            {...control("performedOn")}
          />
        </Field>
        <Field id="modality" label="Modality" error={error("modality")}>
          <Select
            value={v.modality}
            onChange={(e) => set("modality", e.target.value)}
            {...control("modality")}
          >
            <option value="">Choose…</option>
            {Modality.options.map((m) => (
              <option key={m} value={m}>
                {modalityLabels[m]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="region" label="Treated region" error={error("region")}>
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
      <Field
        id="target"
        label="Target nerve or level"
        hint="For example: L4-L5 and L5-S1 medial branches."
        error={error("target")}
      >
        <Input
          value={v.target}
          maxLength={TARGET_MAX}
          onChange={(e) => set("target", e.target.value)}
          {...control("target", true)}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="baselinePain"
          label="Baseline pain (1-10)"
          hint="Average over the week before."
          error={error("baselinePain")}
        >
          <Input
            type="number"
            inputMode="decimal"
            min={1}
            max={10}
            step={0.1}
            value={v.baselinePain}
            onChange={(e) => set("baselinePain", e.target.value)}
            {...control("baselinePain", true)}
          />
        </Field>
        <Field
          id="baselineInterference"
          label="Baseline interference (0-10)"
          hint="Mean of PEG enjoyment and activity; optional."
          error={error("baselineInterference")}
        >
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            max={10}
            step={0.5}
            value={v.baselineInterference}
            onChange={(e) => set("baselineInterference", e.target.value)}
            {...control("baselineInterference", true)}
          />
        </Field>
        <Field
          id="blockReliefPct"
          label="Diagnostic block relief (%)"
          hint="Optional."
          error={error("blockReliefPct")}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={v.blockReliefPct}
            onChange={(e) => set("blockReliefPct", e.target.value)}
            {...control("blockReliefPct", true)}
          />
        </Field>
      </div>
      <fieldset
        aria-describedby={error("baselineLocations") ? "baselineLocations-error" : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">
          Where it hurt before the procedure{" "}
          <span className="font-normal text-slate-600">(the treated region is implied)</span>
        </legend>
        <CheckboxChips
          name="baselineLocations"
          options={locationOptions(v.baselineLocations)}
          selected={v.baselineLocations}
          onToggle={(r) => set("baselineLocations", toggle(v.baselineLocations, r))}
          columns={4}
          className="mt-2"
        />
        <FieldError id="baselineLocations-error" error={error("baselineLocations")} />
      </fieldset>
      <fieldset
        aria-describedby={error("baselineQualities") ? "baselineQualities-error" : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">
          What the pain felt like before{" "}
          <span className="font-normal text-slate-600">(e.g. tingling already present)</span>
        </legend>
        <CheckboxChips
          name="baselineQualities"
          options={qualityOptions}
          selected={v.baselineQualities}
          onToggle={(q) => set("baselineQualities", toggle(v.baselineQualities, q))}
          className="mt-2"
        />
        <FieldError id="baselineQualities-error" error={error("baselineQualities")} />
      </fieldset>
      <Field
        id="repeatsProcedureId"
        label="Repeat of an earlier procedure"
        hint="Optional."
        error={error("repeatsProcedureId")}
      >
        <Select
          value={v.repeatsProcedureId}
          onChange={(e) => set("repeatsProcedureId", e.target.value)}
          {...control("repeatsProcedureId", true)}
        >
          <option value="">Not a repeat</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {formatDate(p.performedOn, { weekday: "short" })} · {procedureName(p)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="notes"
        label="Notes"
        hint="Optional; the patient does not see them."
        error={error("notes")}
      >
        <Textarea
          value={v.notes}
          maxLength={PROCEDURE_NOTES_MAX}
          onChange={(e) => set("notes", e.target.value)}
          {...control("notes", true)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : existing ? "Save changes" : "Record procedure"}
        </Button>
        <ButtonLink href={doneHref} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
