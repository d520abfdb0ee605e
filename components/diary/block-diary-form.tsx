"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { errorMessage } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { flash } from "@/components/ui/flash";
import { newClientId } from "./client-id";
import { sendOrKeep, usePendingEntries } from "./device-store";
import { Section } from "./entry-form/section";
import { YesNoQuestion } from "./entry-form/yes-no-question";
import { useDeviceUser } from "./pending-entries";
import { ScoreScale } from "./score-scale";

type Field = "pain" | "activityTried";
type Errors = Partial<Record<Field, string>>;

const FIELDS: Array<readonly [Field, string]> = [
  ["pain", "Your pain now"],
  ["activityTried", "Something that usually hurts"],
];

/** "in 14 min", "in 1 h 5 min", "now". */
function countdown(ms: number): string {
  if (ms <= 0) return "now";
  const minutes = Math.ceil(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `in ${h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ""}` : `${m} min`}`;
}

/** The time left until `at`, kept up to date every 15 seconds. */
function useCountdown(at: string | null) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!at || now === null) return null;
  return new Date(at).getTime() - now;
}

/**
 * One screen after a diagnostic block: pain now (0-10) and whether the patient tried something
 * that usually hurts. Offline, the answer waits on the phone with the time it was given and is
 * sent when the portal answers again (PatientDevice).
 */
export function BlockDiaryForm({
  blockId,
  nextAt,
  due,
}: {
  blockId: string;
  /** When the next question comes (ISO), for the countdown; null after the last. */
  nextAt: string | null;
  /** A question is due now. */
  due: boolean;
}) {
  const router = useRouter();
  const userId = useDeviceUser();
  const waiting = usePendingEntries(userId ?? "").filter(
    (p) => p.kind === "block" && p.input.blockId === blockId,
  );
  const [pain, setPain] = useState<number | null>(null);
  const [tried, setTried] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const left = useCountdown(nextAt);

  function fail(found: Errors, message: string | null = null) {
    setErrors(found);
    setFormError(message);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (pain === null) found.pain = "Choose a number from 0 to 10 for your pain now.";
    if (tried === null) found.activityTried = "Choose yes or no.";
    if (pain === null || tried === null) return fail(found);
    setPending(true);
    const input = {
      blockId,
      clientId: newClientId(),
      answeredAt: new Date().toISOString(),
      pain,
      activityTried: tried,
    };
    try {
      const result = await sendOrKeep(userId, { kind: "block", input }, () =>
        mutate("blockDiary", "answer", input),
      );
      flash(
        result === "kept"
          ? "Saved on this phone: it is sent when you are back online."
          : "Thank you: your answer was sent.",
      );
      setPain(null);
      setTried(null);
      setErrors({});
      router.refresh();
    } catch (error) {
      fail({}, errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-base text-slate-800" aria-live="polite">
        {nextAt === null
          ? "That was the last question. You can still answer until 24 hours after the block."
          : left === null
            ? null
            : `Next question ${countdown(left)}.`}
      </p>
      {waiting.length > 0 ? (
        <Alert tone="info">
          {waiting.length === 1
            ? "1 answer is saved on this phone and is sent when you are back online."
            : `${waiting.length} answers are saved on this phone and are sent when you are back online.`}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <ErrorSummary fields={FIELDS} errors={errors} formError={formError} attempt={attempt} />
        {!due ? (
          <p className="text-sm text-slate-700">
            No question is due right now, but you can tell your care team how you feel at any time.
          </p>
        ) : null}
        <Section>
          <ScoreScale
            id="pain"
            legend="How much pain do you have now, 0-10?"
            low="no pain"
            high="pain as bad as you can imagine"
            value={pain}
            onChange={(n) => {
              setPain(n);
              setErrors((e) => ({ ...e, pain: undefined }));
            }}
            error={errors.pain}
          />
        </Section>
        <YesNoQuestion
          id="activityTried"
          legend="Did you try something that usually hurts?"
          value={tried}
          error={errors.activityTried}
          onChange={(v) => {
            setTried(v);
            setErrors((e) => ({ ...e, activityTried: undefined }));
          }}
        />
        <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
          {pending ? "Sending…" : "Send my answer"}
        </Button>
      </form>
    </div>
  );
}
