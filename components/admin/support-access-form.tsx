"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Textarea } from "@/components/ui/field";

/** Asks an admin why they need a patient's record, then opens it for an hour (decision 036). */
export function SupportAccessForm({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const open = useMutation(
    trpc.support.open.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const error = problem ?? fieldErrors(open.error).reason ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem("Say why you need to read this patient's record.");
      field.current?.focus();
      return;
    }
    open.mutate({ patientId, reason: reason.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {open.error && !fieldErrors(open.error).reason ? (
        <Alert tone="danger" role="alert">
          {errorMessage(open.error)}
        </Alert>
      ) : null}
      <Field
        id={`${id}-reason`}
        label="Why do you need to read it?"
        hint="For example: the patient called because their plan does not show."
        error={error}
      >
        <Textarea
          ref={field}
          id={`${id}-reason`}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
          {...describedBy(`${id}-reason`, { hint: true, error })}
        />
      </Field>
      <Button type="submit" disabled={open.isPending}>
        {open.isPending ? "Opening…" : "Open the record for an hour"}
      </Button>
    </form>
  );
}
