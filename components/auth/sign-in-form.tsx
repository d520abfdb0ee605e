"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { signInToPortal } from "@/components/auth/next-auth-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { PasswordInput } from "@/components/ui/password-input";
import { safeRedirectPath } from "@/shared/redirect";

type Errors = { email?: string; password?: string };

function validate(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = "Enter your email address.";
  else if (email.length > 254) errors.email = "An email address has at most 254 characters.";
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
    errors.email = "Enter an email address like name@example.com.";
  if (!password) errors.password = "Enter your password.";
  else if (password.length > 1024) errors.password = "A password has at most 1,024 characters.";
  return errors;
}

/**
 * `next`: where to go after sign-in, a path of this site checked by the server ("/": home).
 * `failed`: the server-side sign-in (a submit before the script ran) was refused.
 */
export function SignInForm({
  next,
  failed: failedBefore = false,
}: {
  next: string;
  failed?: boolean;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState(failedBefore);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const found = validate(email, password);
    setErrors(found);
    setFailed(false);
    if (found.email || found.password) return;
    setPending(true);
    try {
      if (!(await signInToPortal({ email: email.trim(), password }))) {
        setFailed(true);
        return;
      }
      // Checked again here, against the origin the browser is on.
      router.replace(safeRedirectPath(next, window.location.origin) ?? "/");
      router.refresh();
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    // Before hydration the browser posts to /signin/password (never a GET with the password).
    <form
      method="post"
      action="/signin/password"
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
    >
      <input type="hidden" name="next" value={next} />
      {failed ? (
        <Alert tone="danger" role="alert">
          Invalid email or password
        </Alert>
      ) : null}
      <Field id="email" label="Email" error={errors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          {...describedBy("email", { error: errors.email })}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password}>
        <PasswordInput
          id="password"
          name="password"
          autoComplete="current-password"
          {...describedBy("password", { error: errors.password })}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
