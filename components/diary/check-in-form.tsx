"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { flash } from "@/components/ui/flash";
import type { Pgic } from "@/server/outcomes/diary-lists";
import { newClientId } from "./client-id";
import { CheckInSection } from "./entry-form/check-in-section";
import { Section } from "./entry-form/section";
import { SiteSorenessSection } from "./entry-form/site-soreness-section";
import { ScoreScale } from "./score-scale";

type Field = "pgic" | "painAverage" | "siteSoreness";
type Errors = Partial<Record<Field, string>>;

/**
 * The short check-in (docs/clinical-rules.md#check-ins): the check-in question and, when today
 * has no entry yet, today's pain and site soreness. One screen, one button.
 */
export type CheckInAnswer = {
  clientId: string;
  pgic: Pgic;
  painAverage?: number | null;
  siteSoreness?: boolean | null;
};

export function CheckInForm({
  day,
  askPain,
  send,
}: {
  day: number;
  askPain: boolean;
  /** Sends the answer elsewhere (a one-tap link); by default the patient's own check-in. */
  send?: (answer: CheckInAnswer) => Promise<void>;
}) {
  const router = useRouter();
  const [clientId] = useState(newClientId);
  const [pgic, setPgic] = useState<Pgic | null>(null);
  const [pain, setPain] = useState<number | null>(null);
  const [sore, setSore] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const fields: Array<readonly [Field, string]> = [
    ["pgic", "How your pain has changed"],
    ...(askPain
      ? ([
          ["painAverage", "Your pain"],
          ["siteSoreness", "Soreness at the treated site"],
        ] as const)
      : []),
  ];

  function fail(found: Errors, message: string | null = null) {
    setErrors(found);
    setFormError(message);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!pgic) found.pgic = "Choose how your pain has changed since your procedure.";
    if (askPain && pain === null) found.painAverage = "Choose a number from 0 to 10 for your pain.";
    if (askPain && sore === null) found.siteSoreness = "Choose yes or no.";
    if (!pgic || Object.keys(found).length > 0) return fail(found);
    setPending(true);
    try {
      const answer = {
        clientId,
        pgic,
        ...(askPain ? { painAverage: pain, siteSoreness: sore } : {}),
      };
      if (send) {
        await send(answer);
      } else {
        await mutate("diary", "checkIn", answer);
        flash("Check-in sent. Thank you: your care team sees your answer.");
        router.refresh();
      }
    } catch (error) {
      const byField = fieldErrors(error) as Errors;
      fail(byField, Object.keys(byField).length > 0 ? null : errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary fields={fields} errors={errors} formError={formError} attempt={attempt} />
      <CheckInSection
        checkIn={{ day, answered: false }}
        value={pgic}
        error={errors.pgic}
        onChange={(answer) => {
          setPgic(answer);
          setErrors((e) => ({ ...e, pgic: undefined }));
        }}
      />
      {askPain ? (
        <>
          <Section>
            <ScoreScale
              id="painAverage"
              legend="Your pain on average in the last 24 hours"
              low="no pain"
              high="pain as bad as you can imagine"
              value={pain}
              onChange={(n) => {
                setPain(n);
                setErrors((e) => ({ ...e, painAverage: undefined }));
              }}
              error={errors.painAverage}
            />
          </Section>
          <SiteSorenessSection
            value={sore}
            error={errors.siteSoreness}
            onChange={(v) => {
              setSore(v);
              setErrors((e) => ({ ...e, siteSoreness: undefined }));
            }}
          />
        </>
      ) : null}
      <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
        {pending ? "Sending…" : "Send my check-in"}
      </Button>
    </form>
  );
}
