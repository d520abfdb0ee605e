"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TemporaryPassword } from "@/components/admin/temporary-password";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, FieldError, Input, Select } from "@/components/ui/field";
import { MRN_MAX, PHONE_MAX } from "@/shared/identity";

type Role = "patient" | "provider" | "admin";
const ROLES: Array<{ value: Role; label: string }> = [
  { value: "patient", label: "Patient" },
  { value: "provider", label: "Provider" },
  { value: "admin", label: "Administrator" },
];

type ProviderOption = { id: string; name: string; email: string };

export function CreateAccountForm({ providerOptions }: { providerOptions: ProviderOption[] }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.account.create.mutationOptions());
  const [created, setCreated] = useState<{
    id: string;
    name: string;
    password: string;
    role: Role;
    providers: string[];
  } | null>(null);
  const [role, setRole] = useState<Role>("patient");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const patient = role === "patient";
    const input = {
      role,
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      ...(patient
        ? {
            dateOfBirth: String(form.get("dateOfBirth") ?? ""),
            mrn: String(form.get("mrn") ?? ""),
            phone: String(form.get("phone") ?? ""),
            providerIds: form.getAll("providerIds").map(String),
          }
        : {}),
    };
    const found: Record<string, string> = {};
    if (!input.name.trim()) found.name = "Enter the person's name.";
    if (!input.email.trim()) found.email = "Enter an email address.";
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const result = await create.mutateAsync(input);
      setCreated({
        id: result.id,
        name: input.name.trim(),
        password: result.temporaryPassword,
        role,
        providers: result.providers,
      });
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
        <section
          aria-labelledby="next-heading"
          className="rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="next-heading" className="font-semibold text-slate-900">
            What happens next
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
            <li>{created.name} chooses a password from the emailed link and signs in.</li>
            {created.role === "patient" ? (
              created.providers.length > 0 ? (
                <li>
                  They appear on the caseload of {created.providers.join(" and ")} as “Needs review”
                  until a procedure is recorded; then they can keep their pain diary.
                </li>
              ) : (
                <li>
                  Nobody follows them yet: add a provider to their care team on their account page.
                </li>
              )
            ) : null}
          </ol>
        </section>
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
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
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
        {role === "patient" ? (
          <>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="dateOfBirth" label="Date of birth" error={errors.dateOfBirth}>
                <Input
                  id="dateOfBirth"
                  name="dateOfBirth"
                  type="date"
                  min="1900-01-01"
                  {...describedBy("dateOfBirth", { error: errors.dateOfBirth })}
                />
              </Field>
              <Field id="mrn" label="MRN (optional)" error={errors.mrn}>
                <Input
                  id="mrn"
                  name="mrn"
                  autoComplete="off"
                  maxLength={MRN_MAX}
                  {...describedBy("mrn", { error: errors.mrn })}
                />
              </Field>
              <Field id="phone" label="Phone (optional)" error={errors.phone}>
                <Input
                  id="phone"
                  name="phone"
                  type="tel"
                  autoComplete="off"
                  maxLength={PHONE_MAX}
                  {...describedBy("phone", { error: errors.phone })}
                />
              </Field>
            </div>
            <fieldset aria-describedby={errors.providerIds ? "providerIds-error" : undefined}>
              <legend className="text-sm font-medium text-slate-800">Care team</legend>
              <p className="text-sm text-slate-600">
                The providers who follow this patient. You can change them later.
              </p>
              <FieldError id="providerIds-error" error={errors.providerIds} />
              {providerOptions.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">No active providers yet.</p>
              ) : (
                <ul className="mt-2 grid gap-2 sm:grid-cols-2">
                  {providerOptions.map((p) => (
                    <li key={p.id}>
                      <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2">
                        <input
                          type="checkbox"
                          name="providerIds"
                          value={p.id}
                          className="size-5 shrink-0 accent-brand-700"
                        />
                        <span className="min-w-0">
                          <span className="block font-medium text-slate-900">{p.name}</span>
                          <span className="block truncate text-xs text-slate-600">{p.email}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          </>
        ) : null}
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
