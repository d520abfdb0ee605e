"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { CheckInForm } from "@/components/diary/check-in-form";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { StepHeading } from "@/components/ui/step-heading";

type Step =
  | { step: "identify" }
  | { step: "answer"; day: number; name: string; askPain: boolean }
  | { step: "done" }
  | { step: "refused"; message: string };

/**
 * The one-tap check-in (docs/decisions/038-one-tap-check-ins.md): the date of birth opens the
 * link's check-in; the answer goes with the link and the date of birth again (no session is made).
 * Nothing is kept in the browser: the date of birth lives in this component's state only.
 */
export function OneTapCheckIn({
  token,
  clinicPhone,
}: {
  token: string;
  clinicPhone: string | null;
}) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.checkInLink.confirm.mutationOptions());
  const answer = useMutation(trpc.checkInLink.answer.mutationOptions());
  const [step, setStep] = useState<Step>({ step: "identify" });
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [dobError, setDobError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes the focus, so a screen reader hears where the patient is.
  useEffect(() => {
    if (step.step !== "identify") heading.current?.focus();
  }, [step.step]);

  async function onIdentify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dateOfBirth) return setDobError("Enter your date of birth.");
    setDobError(null);
    try {
      const open = await confirm.mutateAsync({ token, dateOfBirth });
      setStep({ step: "answer", ...open });
    } catch (error) {
      const field = fieldErrors(error).dateOfBirth;
      if (field) setDobError(field);
      else setStep({ step: "refused", message: errorMessage(error) });
    }
  }

  const phone = clinicPhone ? ` The clinic's phone: ${clinicPhone}.` : "";

  if (step.step === "refused")
    return (
      <div className="space-y-4">
        <StepHeading ref={heading}>This link cannot be used</StepHeading>
        <Alert tone="warning" role="alert">
          {step.message}
          {phone}
        </Alert>
      </div>
    );

  if (step.step === "done")
    return (
      <div className="space-y-4">
        <StepHeading ref={heading}>Check-in sent</StepHeading>
        <Alert tone="success" role="status">
          Thank you: your care team sees your answer. You can close this page.
        </Alert>
      </div>
    );

  if (step.step === "answer")
    return (
      <div className="space-y-4">
        <div>
          <StepHeading ref={heading}>Your {step.name} check-in</StepHeading>
          <p className="mt-1 text-center text-sm text-slate-600">
            {step.askPain ? "Three questions" : "One question"}, about a minute.
          </p>
        </div>
        <CheckInForm
          day={step.day}
          askPain={step.askPain}
          send={async (sent) => {
            await answer.mutateAsync({ ...sent, token, dateOfBirth });
            setDateOfBirth("");
            setStep({ step: "done" });
          }}
        />
      </div>
    );

  return (
    <div className="space-y-4">
      <div className="text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your check-in</h1>
        <p className="mt-1 text-sm text-slate-600">
          To keep your answers private, please confirm who you are first.
        </p>
      </div>
      <form
        onSubmit={onIdentify}
        noValidate
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <Field id="dateOfBirth" label="Your date of birth" error={dobError}>
          <Input
            id="dateOfBirth"
            name="dateOfBirth"
            type="date"
            min="1900-01-01"
            autoComplete="bday"
            value={dateOfBirth}
            onChange={(e) => setDateOfBirth(e.target.value)}
            {...describedBy("dateOfBirth", { error: dobError })}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={confirm.isPending}>
          {confirm.isPending ? "Checking…" : "Continue"}
        </Button>
      </form>
      <p className="text-center text-sm text-slate-600">
        This link opens one check-in, once, for 7 days.{phone}
      </p>
    </div>
  );
}
