"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formatDayOf } from "@/components/format";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, Input } from "@/components/ui/field";

type Texts = { phone: string | null; consentAt: Date | null; stoppedAt: Date | null };

/**
 * Text reminders (docs/decisions/040-push-and-texts.md): opt-in with the number and the consent
 * recorded; at most one text a day, never at night; STOP by reply turns them off.
 */
export function TextReminders({ texts, timeZone }: { texts: Texts; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const on = useMutation(trpc.notifications.textsOn.mutationOptions());
  const off = useMutation(trpc.notifications.textsOff.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const active = texts.phone && texts.consentAt && !texts.stoppedAt;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await on.mutateAsync({
        phone: String(form.get("textPhone") ?? ""),
        // Unticked, the server answers with the field's message.
        consent: (form.get("textConsent") === "on") as true,
      });
      setErrors({});
      toast.success("Text reminders are on.");
      router.refresh();
    } catch (e) {
      const fields = fieldErrors(e);
      setErrors({
        phone: fields.phone,
        consent: fields.consent,
        form: fields.phone || fields.consent ? undefined : errorMessage(e),
      });
    }
  }

  async function turnOff() {
    try {
      await off.mutateAsync();
      toast.success("Text reminders are off.");
      router.refresh();
    } catch (e) {
      setErrors({ form: errorMessage(e) });
    }
  }

  if (active)
    return (
      <div className="space-y-3">
        <p className="text-slate-900">
          Texts go to <span className="num font-medium break-all">{texts.phone}</span>.
        </p>
        <p className="text-sm text-slate-600">
          You agreed on {formatDayOf(texts.consentAt as Date, timeZone)}. Reply STOP to any text, or
          turn them off here.
        </p>
        <Button variant="secondary" onClick={turnOff} disabled={off.isPending}>
          {off.isPending ? "Turning off…" : "Turn text reminders off"}
        </Button>
        {errors.form ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.form}
          </p>
        ) : null}
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {texts.stoppedAt ? (
        <p className="text-sm text-slate-700">
          You replied STOP on {formatDayOf(texts.stoppedAt, timeZone)}: texts are off. Agree again
          below to turn them back on.
        </p>
      ) : (
        <p className="text-sm text-slate-600">
          When a check-in has waited two days, a text with its link. At most one text a day, never
          at night.
        </p>
      )}
      <Field
        id="textPhone"
        label="Mobile number"
        hint="With your country code."
        error={errors.phone}
      >
        <Input
          id="textPhone"
          name="textPhone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          defaultValue={texts.phone ?? ""}
          placeholder="+44 7700 900123"
          {...describedBy("textPhone", { hint: true, error: errors.phone })}
        />
      </Field>
      <div>
        <label className="flex cursor-pointer gap-3">
          <input
            type="checkbox"
            name="textConsent"
            className="mt-1 size-4 accent-brand-700"
            {...describedBy("textConsent", { error: errors.consent })}
          />
          <span className="text-slate-900">
            I agree to get reminder texts from my clinic at this number. Message and data rates may
            apply.
          </span>
        </label>
        <FieldError id="textConsent-error" error={errors.consent} />
      </div>
      {errors.form ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" disabled={on.isPending}>
        {on.isPending ? "Saving…" : "Turn text reminders on"}
      </Button>
    </form>
  );
}
