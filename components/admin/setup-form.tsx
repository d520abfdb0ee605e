"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { describedBy, Field, Select } from "@/components/ui/field";
import { ClinicNamePhoneFields, PublicUrlField } from "./clinic-fields";

const MFA_CHOICES = [
  {
    value: "required",
    label: "Required for staff",
    description:
      "Providers and administrators sign in with a code from an authenticator app; those without one set it up at their next sign-in.",
  },
  {
    value: "optional",
    label: "Optional",
    description: "Staff sign in with their password and may add a second factor themselves.",
  },
] as const;

/**
 * The first-run setup (docs/decisions/033-first-run-setup.md): the clinic's name and phone, its
 * time zone, the public address links in emails point to, and whether staff need a second factor.
 */
export function SetupForm({
  clinicName,
  clinicPhone,
  timeZone,
  publicUrl,
  requireStaffMfa,
  zones,
}: {
  clinicName: string | null;
  clinicPhone: string | null;
  timeZone: string;
  publicUrl: string;
  /** The choice made at an earlier setup; null: not chosen yet (nothing ticked). */
  requireStaffMfa: boolean | null;
  zones: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const complete = useMutation(trpc.settings.completeSetup.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [address, setAddress] = useState(publicUrl);
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const differs = origin !== null && address.trim().replace(/\/+$/, "") !== origin;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const mfa = form.get("requireStaffMfa");
    try {
      await complete.mutateAsync({
        clinicName: String(form.get("clinicName") ?? ""),
        clinicPhone: String(form.get("clinicPhone") ?? ""),
        timeZone: String(form.get("timeZone") ?? ""),
        publicUrl: String(form.get("publicUrl") ?? ""),
        // Nothing chosen: the server answers with the field's message.
        requireStaffMfa: (mfa === null ? undefined : mfa === "required") as boolean,
      });
      router.replace("/admin");
      router.refresh();
    } catch (error) {
      const found = fieldErrors(error);
      setErrors(found);
      const first = Object.keys(found).find((k) => found[k]);
      if (first)
        document.getElementById(first === "requireStaffMfa" ? "mfa-required" : first)?.focus();
    }
  }

  const problems = Object.values(errors).filter(Boolean).length;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {complete.error ? (
        <Alert tone="danger" role="alert">
          {problems > 0
            ? `Check ${problems === 1 ? "the answer" : `${problems} answers`} marked below.`
            : errorMessage(complete.error)}
        </Alert>
      ) : null}
      <Card>
        <CardTitle>Your clinic</CardTitle>
        <p className="mt-1 text-sm text-slate-600">
          Patients see the name and phone on their pages, and every email is signed with them.
        </p>
        <ClinicNamePhoneFields clinicName={clinicName} clinicPhone={clinicPhone} errors={errors} />
        <div className="mt-4">
          <Field
            id="timeZone"
            label="Time zone"
            hint="Diary days, “today” and every time a patient or the staff see follow it."
            error={errors.timeZone}
          >
            <Select
              id="timeZone"
              name="timeZone"
              defaultValue={timeZone}
              {...describedBy("timeZone", { hint: true, error: errors.timeZone })}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Card>
      <Card>
        <CardTitle>The portal's address</CardTitle>
        <PublicUrlField
          hint="Links in invitations, password resets and reminders open this address."
          errors={errors}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
        {differs ? (
          <Alert tone="warning" className="mt-3">
            You are using the portal at <strong className="break-all">{origin}</strong>, not at this
            address. Patients and staff who open a link from an email will go to{" "}
            <strong className="break-all">{address || "nowhere"}</strong>: make sure it is the
            address they can reach.
          </Alert>
        ) : null}
      </Card>
      <Card>
        <fieldset aria-describedby={errors.requireStaffMfa ? "mfa-error" : undefined}>
          <legend className="text-lg font-semibold text-slate-900">Second factor for staff</legend>
          <p className="mt-1 text-sm text-slate-600">
            Staff see every patient of their care team: a second factor keeps a stolen password from
            opening those records. Patients are not affected.
          </p>
          {errors.requireStaffMfa ? (
            <p id="mfa-error" className="mt-2 text-sm font-medium text-red-700">
              {errors.requireStaffMfa}
            </p>
          ) : null}
          <div className="mt-4 space-y-3">
            {MFA_CHOICES.map((c) => (
              <label
                key={c.value}
                className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  id={`mfa-${c.value}`}
                  type="radio"
                  name="requireStaffMfa"
                  value={c.value}
                  defaultChecked={
                    requireStaffMfa !== null && requireStaffMfa === (c.value === "required")
                  }
                  aria-describedby={`mfa-${c.value}-hint`}
                  className="mt-1 size-4 accent-brand-700"
                />
                <span>
                  <span className="block font-medium text-slate-900">{c.label}</span>
                  <span id={`mfa-${c.value}-hint`} className="block text-sm text-slate-600">
                    {c.description}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </Card>
      <Button type="submit" disabled={complete.isPending}>
        {complete.isPending ? "Saving…" : "Finish setup"}
      </Button>
    </form>
  );
}
