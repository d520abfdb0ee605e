"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TemporaryPassword } from "@/components/admin/temporary-password";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, Input, Select } from "@/components/ui/field";

type Role = "patient" | "provider" | "admin";
const ROLES: Array<{ value: Role; label: string }> = [
  { value: "patient", label: "Patient" },
  { value: "provider", label: "Provider" },
  { value: "admin", label: "Administrator" },
];

export function CreateAccountForm() {
  const trpc = useTRPC();
  const create = useMutation(trpc.account.create.mutationOptions());
  const [created, setCreated] = useState<{ id: string; name: string; password: string } | null>(
    null,
  );
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      role: String(form.get("role") ?? "") as Role,
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
    };
    const found: Record<string, string> = {};
    if (!input.name.trim()) found.name = "Enter the person's name.";
    if (!input.email.trim()) found.email = "Enter an email address.";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const result = await create.mutateAsync(input);
      setCreated({ id: result.id, name: input.name.trim(), password: result.temporaryPassword });
    } catch (error) {
      setErrors(fieldErrors(error));
    }
  }

  if (created)
    return (
      <div className="space-y-4">
        <Alert tone="success" role="status" title="Invitation sent">
          {created.name} gets an email with a link to choose a password (it works for 72 hours).
          Without email, give them the temporary password below instead.
        </Alert>
        <TemporaryPassword name={created.name} password={created.password} />
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/admin/accounts/${created.id}`}>Open the account</ButtonLink>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(null);
              create.reset();
            }}
          >
            Create another account
          </Button>
        </div>
      </div>
    );

  const failed = create.error && !Object.values(errors).some(Boolean);
  return (
    <Card className="max-w-xl">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {failed ? (
          <Alert tone="danger" role="alert">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <Field id="role" label="Role" error={errors.role}>
          <Select
            id="role"
            name="role"
            defaultValue="patient"
            {...describedBy("role", { error: errors.role })}
          >
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="name" label="Full name" error={errors.name}>
          <Input
            id="name"
            name="name"
            autoComplete="off"
            maxLength={200}
            {...describedBy("name", { error: errors.name })}
          />
        </Field>
        <Field id="email" label="Email" hint="They sign in with this address." error={errors.email}>
          <Input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            {...describedBy("email", { hint: true, error: errors.email })}
          />
        </Field>
        <p className="text-sm text-slate-600">
          They get an email with a link to choose their password. A one-time temporary password is
          also shown to you once, for people without email.
        </p>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create account"}
        </Button>
      </form>
    </Card>
  );
}
