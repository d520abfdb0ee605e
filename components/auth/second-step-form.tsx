"use client";

import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { safeRedirectPath } from "@/shared/redirect";

/**
 * The second step of a staff sign-in: a code from the authenticator app or a recovery code (or,
 * while setting one up, the first code from it). `next`: where to go after, checked by the server.
 */
export function SecondStepForm({ next, enrolling }: { next: string; enrolling: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) {
      setError(enrolling ? "Enter the 6-digit code from your app." : "Enter your code.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("code", { code, redirect: false });
      if (!result?.ok || result.error) {
        setError(
          result?.error === "TooManyAttempts"
            ? "Too many wrong attempts. Please wait a few minutes and try again."
            : enrolling
              ? "That code is not right. Enter the 6-digit code your app shows now."
              : "That code is not right. Enter the current code from your app, or a recovery code.",
        );
        return;
      }
      router.replace(safeRedirectPath(next, window.location.origin) ?? "/");
      router.refresh();
    } catch {
      setError("Something went wrong on our side. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <Field
        id="code"
        label="Authentication code"
        hint={enrolling ? undefined : "The 6-digit code from your app, or a recovery code."}
        error={error ?? undefined}
      >
        <Input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode={enrolling ? "numeric" : "text"}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          {...describedBy("code", { hint: !enrolling, error: error ?? undefined })}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : enrolling ? "Turn on and continue" : "Verify"}
      </Button>
      <Button
        variant="ghost"
        className="w-full"
        onClick={async () => {
          await signOut({ redirect: false });
          router.replace("/signin");
          router.refresh();
        }}
      >
        Cancel and sign out
      </Button>
    </form>
  );
}
