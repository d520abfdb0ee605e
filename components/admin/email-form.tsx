"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";

/**
 * A patient's sign-in email, changed by an admin: the new address gets an invitation to confirm
 * it, the old one a notice, and the patient's sessions end (issue 23).
 */
export function EmailForm({ id, email }: { id: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const fieldId = useId();
  const [value, setValue] = useState(email);
  const change = useMutation(
    trpc.account.changeEmail.mutationOptions({
      onSuccess: () => {
        toast.success("Email changed: an invitation went to the new address");
        router.refresh();
      },
    }),
  );
  const error = fieldErrors(change.error).email ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ id, email: value.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {change.error && !error ? (
        <Alert tone="danger" role="alert">
          {errorMessage(change.error)}
        </Alert>
      ) : null}
      <Field
        id={`${fieldId}-email`}
        label="Sign-in email"
        hint="The patient confirms a new address through an invitation sent to it; the old address is told, and the patient is signed out everywhere."
        error={error}
      >
        <Input
          id={`${fieldId}-email`}
          type="email"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          {...describedBy(`${fieldId}-email`, { hint: true, error })}
        />
      </Field>
      <Button
        type="submit"
        variant="secondary"
        disabled={change.isPending || value.trim().toLowerCase() === email}
      >
        {change.isPending ? "Changing…" : "Change email"}
      </Button>
    </form>
  );
}
