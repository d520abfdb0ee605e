"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { Anesthetic, anestheticLabels } from "@/server/outcomes/pathway-vocab";
import { ClinicNamePhoneFields, PublicUrlField } from "./clinic-fields";

type Criteria = "strict" | "lenient";

const CRITERIA: Array<{ value: Criteria; label: string; description: string }> = [
  {
    value: "strict",
    label: "Strict",
    description:
      "Success: pain at least 50% lower than the baseline, and daily function improved (when the diary measures it).",
  },
  {
    value: "lenient",
    label: "Lenient",
    description:
      "Success: pain at least 30% (or 2 points) lower than the baseline, and daily function improved (when the diary measures it).",
  },
];

export function SettingsForm({
  successCriteria,
  timeZone,
  defaultTimeZone,
  clinicName,
  clinicPhone,
  warningSigns,
  replyTime,
  requireStaffMfa,
  publicUrl,
  defaultPublicUrl,
  anestheticHours,
  zones,
}: {
  successCriteria: Criteria;
  timeZone: string | null;
  defaultTimeZone: string;
  clinicName: string | null;
  clinicPhone: string | null;
  /** The clinic's list, or the standard one (shown as it stands, to edit). */
  warningSigns: readonly string[];
  replyTime: string | null;
  requireStaffMfa: boolean;
  /** The stored public address; null: APP_URL (`defaultPublicUrl`). */
  publicUrl: string | null;
  defaultPublicUrl: string;
  /** Hours of relief consistent with each anesthetic of a diagnostic block. */
  anestheticHours: Record<Anesthetic, number>;
  zones: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.settings.update.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const zone = String(form.get("timeZone") ?? "");
    try {
      await update.mutateAsync({
        successCriteria: String(form.get("successCriteria")) as Criteria,
        timeZone: zone === "" ? null : zone,
        clinicName: String(form.get("clinicName") ?? ""),
        clinicPhone: String(form.get("clinicPhone") ?? ""),
        warningSigns: String(form.get("warningSigns") ?? "").split(/\r?\n/),
        replyTime: String(form.get("replyTime") ?? ""),
        requireStaffMfa: form.get("requireStaffMfa") === "on",
        publicUrl: String(form.get("publicUrl") ?? ""),
        anestheticHours: Object.fromEntries(
          Anesthetic.options.map((a) => {
            const text = String(form.get(`anestheticHours.${a}`) ?? "").trim();
            return [a, text === "" ? Number.NaN : Number(text)];
          }),
        ) as Record<Anesthetic, number>,
      });
      setErrors({});
      toast.success("Clinic settings saved.");
      router.refresh();
    } catch (error) {
      setErrors(fieldErrors(error));
      toast.error(errorMessage(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {update.error && !Object.values(errors).some(Boolean) ? (
        <Alert tone="danger" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Card>
        <CardTitle>Clinic</CardTitle>
        <p className="mt-1 text-sm text-slate-600">
          Shown to patients on their pages and at the foot of every email.
        </p>
        <ClinicNamePhoneFields clinicName={clinicName} clinicPhone={clinicPhone} errors={errors} />
      </Card>
      <Card>
        <CardTitle>Help for patients</CardTitle>
        <p className="mt-1 text-sm text-slate-600">
          On the patients' help page, beside their messages, and after they report a change.
        </p>
        <div className="mt-4 space-y-4">
          <Field
            id="warningSigns"
            label="When to call now"
            hint="The signs after an ablation that need a call to the clinic straight away, one per line. Leave empty for the standard list."
            error={errors.warningSigns}
          >
            <Textarea
              id="warningSigns"
              name="warningSigns"
              rows={5}
              defaultValue={warningSigns.join("\n")}
              {...describedBy("warningSigns", { hint: true, error: errors.warningSigns })}
            />
          </Field>
          <Field
            id="replyTime"
            label="When the care team answers messages"
            hint="Completes “Your care team answers …”, for example “within one working day”."
            error={errors.replyTime}
          >
            <Input
              id="replyTime"
              name="replyTime"
              defaultValue={replyTime ?? ""}
              maxLength={120}
              {...describedBy("replyTime", { hint: true, error: errors.replyTime })}
            />
          </Field>
        </div>
      </Card>
      <Card>
        <fieldset>
          <legend className="text-lg font-semibold text-slate-900">Success criteria</legend>
          <p className="mt-1 text-sm text-slate-600">
            How outcome assessments decide that a procedure succeeded, for every patient.
          </p>
          <div className="mt-4 space-y-3">
            {CRITERIA.map((c) => (
              <label
                key={c.value}
                className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name="successCriteria"
                  value={c.value}
                  defaultChecked={successCriteria === c.value}
                  aria-describedby={`criteria-${c.value}`}
                  className="mt-1 size-4 accent-brand-700"
                />
                <span>
                  <span className="block font-medium text-slate-900">{c.label}</span>
                  <span id={`criteria-${c.value}`} className="block text-sm text-slate-600">
                    {c.description}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Card>
      <Card>
        <fieldset aria-describedby="anestheticHours-hint">
          <legend className="text-lg font-semibold text-slate-900">Diagnostic blocks</legend>
          <p id="anestheticHours-hint" className="mt-1 text-sm text-slate-600">
            A block is positive when its relief lasts at least as long as its anesthetic's relief
            should (and reaches the patient's policy's percentage). Hours, in half hours.
          </p>
          {errors.anestheticHours ? (
            <p id="anestheticHours-error" className="mt-2 text-sm font-medium text-red-700">
              {errors.anestheticHours}
            </p>
          ) : null}
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {Anesthetic.options.map((a) => (
              <Field key={a} id={`anestheticHours.${a}`} label={`${anestheticLabels[a]} (hours)`}>
                <Input
                  id={`anestheticHours.${a}`}
                  name={`anestheticHours.${a}`}
                  type="number"
                  inputMode="decimal"
                  min={0.5}
                  max={24}
                  step={0.5}
                  defaultValue={anestheticHours[a]}
                  aria-invalid={errors.anestheticHours ? true : undefined}
                  aria-describedby={errors.anestheticHours ? "anestheticHours-error" : undefined}
                />
              </Field>
            ))}
          </div>
        </fieldset>
      </Card>
      <Card>
        <CardTitle>Time zone</CardTitle>
        <Field
          id="timeZone"
          label="Clinic time zone"
          hint="Diary days, “today” and every procedure's day count follow this zone."
          error={errors.timeZone}
        >
          <Select
            id="timeZone"
            name="timeZone"
            defaultValue={timeZone ?? ""}
            {...describedBy("timeZone", { hint: true, error: errors.timeZone })}
          >
            <option value="">Server default ({defaultTimeZone})</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        </Field>
      </Card>
      <Card>
        <CardTitle>The portal's address</CardTitle>
        <PublicUrlField
          hint={`Links in invitations, password resets and reminders open this address. Leave empty for the server's (${defaultPublicUrl}).`}
          errors={errors}
          defaultValue={publicUrl ?? ""}
        />
      </Card>
      <Card>
        <CardTitle>Staff sign-in</CardTitle>
        <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
          <input
            type="checkbox"
            name="requireStaffMfa"
            defaultChecked={requireStaffMfa}
            aria-describedby="requireStaffMfa-hint"
            className="mt-1 size-4 accent-brand-700"
          />
          <span>
            <span className="font-medium text-slate-900">Require a second factor for staff</span>
            <span id="requireStaffMfa-hint" className="mt-0.5 block text-sm text-slate-600">
              Providers and administrators sign in with a code from an authenticator app. Those
              without one set it up at their next sign-in. Patients are not affected.
            </span>
          </span>
        </label>
      </Card>
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
