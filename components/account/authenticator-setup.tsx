"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { EnrolmentDetails } from "./enrolment-details";

/** Sets up an authenticator app: QR code and key, recovery codes, then one code to confirm. */
export function AuthenticatorSetup() {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.mfa.startEnrolment.mutationOptions());
  const confirm = useMutation(trpc.mfa.confirmEnrolment.mutationOptions());
  const [error, setError] = useState<string | undefined>();

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!/^\d{6}$/.test(code)) {
      setError("Enter the 6-digit code from your app.");
      return;
    }
    try {
      await confirm.mutateAsync({ code });
    } catch (e) {
      setError(fieldErrors(e).code ?? errorMessage(e));
      return;
    }
    toast.success("Your second factor is on. You will be asked for a code when you sign in.");
    router.refresh();
  }

  if (!start.data)
    return (
      <div className="space-y-3">
        {start.error ? (
          <Alert tone="danger" role="alert">
            {errorMessage(start.error)}
          </Alert>
        ) : null}
        <Button onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? "Preparing…" : "Set up authenticator app"}
        </Button>
      </div>
    );

  return (
    <div className="space-y-6">
      <EnrolmentDetails
        qrSvg={start.data.qrSvg}
        secret={start.data.secret}
        recoveryCodes={start.data.recoveryCodes}
      />
      <form method="post" onSubmit={onConfirm} noValidate className="max-w-sm space-y-4">
        <h3 className="font-semibold text-slate-900">3. Enter the code your app shows</h3>
        <Field id="code" label="Authentication code" error={error}>
          <Input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            {...describedBy("code", { error })}
          />
        </Field>
        <Button type="submit" disabled={confirm.isPending}>
          {confirm.isPending ? "Checking…" : "Turn on"}
        </Button>
      </form>
    </div>
  );
}
