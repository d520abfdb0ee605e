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

type Errors = { password?: string; confirm?: string };

/**
 * The invited person (or one who asked for a reset) chooses their password; the link is used up
 * and this browser signs in with the new password (a staff account's second factor comes next).
 */
export function SetPasswordForm({
  token,
  email,
  purpose,
}: {
  token: string;
  email: string;
  purpose: "invitation" | "password_reset";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    purpose === "invitation"
      ? trpc.invitation.accept.mutationOptions()
      : trpc.passwordReset.complete.mutationOptions(),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found: Errors = {};
    if (!password) found.password = "Enter a new password.";
    else if ([...password].length < 12) found.password = "Use at least 12 characters.";
    if (password && confirm !== password) found.confirm = "The two new passwords differ.";
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;

    try {
      await accept.mutateAsync({ token, password });
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (!fields.password) setFailure(errorMessage(error));
      return;
    }
    if (!(await signInToPortal({ email, password }))) {
      toast.success("Password saved. Please sign in with it.");
      router.replace("/signin");
      return;
    }
    toast.success(purpose === "invitation" ? "Password saved. Welcome!" : "Password saved.");
    router.replace("/");
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
      <NewPasswordFields id="password" error={errors.password} confirmError={errors.confirm} />
      <Button type="submit" disabled={accept.isPending} className="w-full">
        {accept.isPending ? "Saving…" : "Save password and sign in"}
      </Button>
    </form>
  );
}
