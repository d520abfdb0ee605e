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
  Imaging,
  imagingLabels,
  RfVariant,
  rfVariantLabels,
  targetLabel,
} from "@/server/outcomes/pathway-vocab";
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
import { PROCEDURE_NOTES_MAX, ProcedureFields, TARGET_MAX } from "@/shared/schemas";
import { TECHNIQUE_LIMITS, type TechniqueNumber, targetsOf } from "@/shared/technique";
import { procedureName } from "./procedure-details";
import type { ReviewProcedure } from "./types";

type Values = {
  performedOn: string;
  modality: string;
  region: string;
  /** left, right, bilateral, "none" (midline), or "" not chosen yet. */
  side: string;
  target: string;
  targets: string[];
  rfVariant: string;
  lesionTempC: string;
  lesionSeconds: string;
  lesionCount: string;
  probeGauge: string;
  activeTipMm: string;
  imaging: string;
  baselinePain: string;
  baselineInterference: string;
  baselineLocations: Location[];
  baselineQualities: Quality[];
  blockReliefPct: string;
  notes: string;
  repeatsProcedureId: string;
  performedBy: string;
};

const qualityOptions = Quality.options.map((value) => ({ value, label: qualityLabels[value] }));

const toNumber = (s: string) => (s.trim() === "" ? null : Number(s));
const toText = (n: number | null | undefined) => (n == null ? "" : String(n));

/** The technique's numbers, with their labels and units (the limits are the schema's). */
const TECHNIQUE_NUMBERS: ReadonlyArray<{ key: TechniqueNumber; label: string; step: number }> = [
  { key: "lesionTempC", label: "Lesion temperature (°C)", step: 1 },
  { key: "lesionSeconds", label: "Seconds per lesion", step: 1 },
  { key: "lesionCount", label: "Number of lesions", step: 1 },
  { key: "probeGauge", label: "Probe gauge (G)", step: 1 },
  { key: "activeTipMm", label: "Active tip (mm)", step: 0.5 },
];

/** Records a procedure for a patient, or edits one (the earlier version is kept). */
export function ProcedureForm({
  patientId,
  today,
  others,
  existing,
  performers,
  me,
  doneHref,
}: {
  patientId: string;
  today: string;
  /** The patient's other procedures, which this one may repeat. */
  others: readonly ReviewProcedure[];
  /** The providers it may have been performed by; `me`, the signed-in one (the default). */
  performers: readonly { id: string; name: string; active: boolean }[];
  me: string;
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
    targets: existing?.targets ?? [],
    rfVariant: existing?.rfVariant ?? "",
    lesionTempC: toText(existing?.lesionTempC),
    lesionSeconds: toText(existing?.lesionSeconds),
    lesionCount: toText(existing?.lesionCount),
    probeGauge: toText(existing?.probeGauge),
    activeTipMm: toText(existing?.activeTipMm),
    imaging: existing?.imaging ?? "",
    baselinePain: existing ? String(existing.baselinePain) : "",
    baselineInterference:
      existing?.baselineInterference == null ? "" : String(existing.baselineInterference),
    baselineLocations: existing?.baselineLocations ?? [],
    baselineQualities: existing?.baselineQualities ?? [],
    blockReliefPct: existing?.blockReliefPct == null ? "" : String(existing.blockReliefPct),
    notes: existing?.notes ?? "",
    repeatsProcedureId: existing?.repeatsProcedureId ?? "",
    performedBy: existing ? (existing.performedBy ?? "") : me,
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
  const targetOptions = targetsOf(v.region).map((value) => ({ value, label: targetLabel(value) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ProcedureFields.safeParse({
      performedOn: v.performedOn,
      modality: v.modality || undefined,
      region: v.region || undefined,
      side: v.side === "none" ? null : v.side || undefined,
      target: v.target,
      // Only the region's targets and, for radiofrequency, its variant: the rest are hidden.
      targets: v.targets.filter((t) => targetsOf(v.region).includes(t)),
      rfVariant: v.modality === "radiofrequency" ? v.rfVariant || null : null,
      lesionTempC: toNumber(v.lesionTempC),
      lesionSeconds: toNumber(v.lesionSeconds),
      lesionCount: toNumber(v.lesionCount),
      probeGauge: toNumber(v.probeGauge),
      activeTipMm: toNumber(v.activeTipMm),
      imaging: v.imaging || null,
      baselinePain: toNumber(v.baselinePain) ?? undefined,
      baselineInterference: toNumber(v.baselineInterference),
      baselineLocations: v.baselineLocations,
      baselineQualities: v.baselineQualities,
      blockReliefPct: toNumber(v.blockReliefPct),
      notes: v.notes,
      repeatsProcedureId: v.repeatsProcedureId || null,
      performedBy: v.performedBy || null,
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
        <Field id="performedBy" label="Performed by" error={error("performedBy")}>
          <Select
            value={v.performedBy}
            onChange={(e) => set("performedBy", e.target.value)}
            {...control("performedBy")}
          >
            <option value="">Not recorded</option>
            {performers
              .filter((p) => p.active || p.id === v.performedBy)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.id === me ? " (you)" : p.active ? "" : " (no longer active)"}
                </option>
              ))}
          </Select>
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
      <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">
          Technique <span className="text-sm font-normal text-slate-600">(optional)</span>
        </legend>
        <fieldset
          id="targets"
          tabIndex={-1}
          aria-describedby={error("targets") ? "targets-error" : "targets-hint"}
        >
          <legend className="text-sm font-medium text-slate-800">Targets</legend>
          {targetOptions.length > 0 ? (
            <>
              <p id="targets-hint" className="text-sm text-slate-600">
                The nerves treated in the {regionLabels[v.region as Region].toLowerCase()}.
              </p>
              {/* Columns as wide as the text allows (one column at 200% text on a phone). */}
              <div className="[&>div]:grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))]">
                <CheckboxChips
                  name="targets"
                  options={targetOptions}
                  selected={v.targets}
                  onToggle={(t) => set("targets", toggle(v.targets, t))}
                  invalid={Boolean(error("targets"))}
                  className="mt-2"
                />
              </div>
            </>
          ) : (
            <p id="targets-hint" className="text-sm text-slate-600">
              {v.region
                ? "This region has no list of targets: describe them below."
                : "Choose the treated region to see its targets."}
            </p>
          )}
          <FieldError id="targets-error" error={error("targets")} />
        </fieldset>
        <Field
          id="target"
          label="Target details"
          hint="Optional, in words: for example a level or nerve not in the list."
          error={error("target")}
        >
          <Input
            value={v.target}
            maxLength={TARGET_MAX}
            onChange={(e) => set("target", e.target.value)}
            {...control("target", true)}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          {v.modality === "radiofrequency" ? (
            <Field id="rfVariant" label="RF variant" error={error("rfVariant")}>
              <Select
                value={v.rfVariant}
                onChange={(e) => set("rfVariant", e.target.value)}
                {...control("rfVariant")}
              >
                <option value="">Not recorded</option>
                {RfVariant.options.map((r) => (
                  <option key={r} value={r}>
                    {rfVariantLabels[r]}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field id="imaging" label="Imaging guidance" error={error("imaging")}>
            <Select
              value={v.imaging}
              onChange={(e) => set("imaging", e.target.value)}
              {...control("imaging")}
            >
              <option value="">Not recorded</option>
              {Imaging.options.map((i) => (
                <option key={i} value={i}>
                  {imagingLabels[i]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(7rem,1fr))] items-end gap-4">
          {TECHNIQUE_NUMBERS.map(({ key, label, step }) => (
            <Field key={key} id={key} label={label} error={error(key)}>
              <Input
                type="number"
                inputMode={step < 1 ? "decimal" : "numeric"}
                min={TECHNIQUE_LIMITS[key].min}
                max={TECHNIQUE_LIMITS[key].max}
                step={step}
                value={v[key]}
                onChange={(e) => set(key, e.target.value)}
                {...control(key)}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="baselinePain"
          label="Baseline pain (0-10)"
          hint="Average over the week before; at least 1."
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
