"use client";

import { type FormEvent, useState } from "react";
import { newClientId } from "@/components/diary/client-id";
import { LocationsSection } from "@/components/diary/entry-form/locations-section";
import { ScoreSections } from "@/components/diary/entry-form/score-sections";
import { SiteSorenessSection } from "@/components/diary/entry-form/site-soreness-section";
import {
  type Errors,
  type FieldName,
  initialValues,
  toggle,
  type Values,
} from "@/components/diary/entry-form/values";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { entryProblems } from "@/shared/diary-rules";

/** The questions of the station's short entry, in the order asked. */
const FIELDS: Array<[FieldName, string]> = [
  ["painAverage", "Pain"],
  ["enjoyment", "Enjoyment of life"],
  ["activity", "General activity"],
  ["locations", "Where it hurts"],
  ["siteSoreness", "Soreness at the treated site"],
];

export type KioskEntry = {
  clientId: string;
  painAverage: number;
  enjoyment: number;
  activity: number;
  locations: Values["locations"];
  siteSoreness: boolean;
};

/**
 * Today's diary entry at the clinic's station (docs/decisions/039-kiosk.md): the diary's own
 * questions that an entry needs (pain, its interference, where it hurts when in pain, the treated
 * site) and the diary's rules; what it feels like, medication and a note can be added later in
 * the portal. Nothing is kept on the device (no draft, unlike the portal's form).
 */
export function KioskEntryForm({
  date,
  send,
}: {
  date: string;
  send: (entry: KioskEntry) => Promise<void>;
}) {
  const [clientId] = useState(newClientId);
  const [values, setValues] = useState<Values>(() => initialValues({ entryDate: date }));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const set = <K extends FieldName>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function fail(found: Errors, message: string | null) {
    setErrors(found);
    setFormError(message);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = entryProblems({ ...values, qualities: [], medication: "", note: "" }) as Errors;
    const { painAverage, enjoyment, activity, siteSoreness } = values;
    if (
      Object.keys(found).length > 0 ||
      painAverage === null ||
      enjoyment === null ||
      activity === null ||
      siteSoreness === null
    ) {
      return fail(found, null);
    }
    setPending(true);
    try {
      await send({
        clientId,
        painAverage,
        enjoyment,
        activity,
        locations: values.locations,
        siteSoreness,
      });
    } catch (error) {
      const byField = fieldErrors(error) as Errors;
      fail(byField, Object.keys(byField).length > 0 ? null : errorMessage(error));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary fields={FIELDS} errors={errors} formError={formError} attempt={attempt} />
      <ScoreSections values={values} errors={errors} set={set} />
      <LocationsSection
        selected={values.locations}
        error={errors.locations}
        onToggle={(r) => set("locations", toggle(values.locations, r))}
      />
      <SiteSorenessSection
        value={values.siteSoreness}
        error={errors.siteSoreness}
        onChange={(v) => set("siteSoreness", v)}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send today's entry"}
      </Button>
    </form>
  );
}
