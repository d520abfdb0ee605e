"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { signInToPortal } from "@/components/auth/next-auth-fetch";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { PasswordInput } from "@/components/ui/password-input";

type Errors = { currentPassword?: string; newPassword?: string; confirm?: string };

/**
 * Changes the user's own password. The server ends every session of the account (the session
 * version moves on); this browser then signs in again with the new password, so the user stays
 * signed in here.
 */
export function ChangePasswordForm({
  email,
  temporary,
  home,
}: {
  email: string;
  temporary: boolean;
  home: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found: Errors = {};
    if (!currentPassword)
      found.currentPassword = temporary
        ? "Enter the temporary password you were given."
        : "Enter your current password.";
    if (!newPassword) found.newPassword = "Enter a new password.";
    else if ([...newPassword].length < 12) found.newPassword = "Use at least 12 characters.";
    if (newPassword && confirm !== newPassword) found.confirm = "The two new passwords differ.";
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;

    try {
      await change.mutateAsync({ currentPassword, newPassword });
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (!fields.currentPassword && !fields.newPassword) setFailure(errorMessage(error));
      return;
    }
    if (!(await signInToPortal({ email, password: newPassword }))) {
      toast.success("Password changed. Please sign in with your new password.");
      router.replace("/signin");
      return;
    }
    toast.success("Password changed.");
    router.replace(home);
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      {/* lets password managers save the new password under the right account */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field
        id="currentPassword"
        label={temporary ? "Temporary password" : "Current password"}
        error={errors.currentPassword}
      >
        <PasswordInput
          id="currentPassword"
          name="currentPassword"
          autoComplete="current-password"
          {...describedBy("currentPassword", { error: errors.currentPassword })}
        />
      </Field>
      <NewPasswordFields
        id="newPassword"
        error={errors.newPassword}
        confirmError={errors.confirm}
      />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
