"use client";

import { type FormEvent, useRef, useState } from "react";
import { MutationError, mutate } from "@/components/trpc/mutate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { Link } from "@/components/ui/link";

/**
 * "Forgot your password?": asks for a reset link. The answer is the same whether or not an
 * account has that address, so the page never tells who has an account.
 */
export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const done = useRef<HTMLDivElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setFailure(null);
    if (!email) return setError("Enter your email address.");
    if (!/^[^\s@]+@[^\s@]+$/.test(email))
      return setError("Enter an email address like name@example.com.");
    setError(undefined);
    setPending(true);
    try {
      await mutate("passwordReset", "request", { email });
    } catch (e) {
      const fields = (e instanceof MutationError ? e.data?.fieldErrors : null) as {
        email?: string[];
      } | null;
      if (fields?.email?.[0]) setError(fields.email[0]);
      else setFailure(e instanceof Error ? e.message : "Something went wrong. Please try again.");
      return;
    } finally {
      setPending(false);
    }
    setSentTo(email);
    requestAnimationFrame(() => done.current?.focus());
  }

  if (sentTo) {
    return (
      <div ref={done} tabIndex={-1} className="space-y-4 outline-none">
        <Alert tone="success" title="Check your email" role="status">
          If an account exists for <span className="break-all font-medium">{sentTo}</span>, we sent
          it a link to choose a new password. The link works once, for one hour.
        </Alert>
        <p className="text-sm text-slate-700">
          Nothing after a few minutes? Look in your spam folder, or ask for a new link.
        </p>
        <div className="flex flex-col gap-2">
          <Button type="button" variant="secondary" onClick={() => setSentTo(null)}>
            Ask for a new link
          </Button>
          <Link
            href="/signin"
            className="flex min-h-11 items-center justify-center text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
          >
            Back to sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      <Field id="email" label="Email" error={error}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          {...describedBy("email", { error })}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
      <Link
        href="/signin"
        className="flex min-h-11 items-center justify-center text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
      >
        Back to sign in
      </Link>
    </form>
  );
}
