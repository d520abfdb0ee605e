"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { MRN_MAX, PHONE_MAX } from "@/shared/identity";

/**
 * A patient's name, date of birth, MRN and phone
 * (docs/decisions/012-patient-identity-and-presentation.md), edited by an admin.
 */
export function IdentityForm({
  id,
  name,
  dateOfBirth,
  mrn,
  phone,
}: {
  id: string;
  name: string;
  dateOfBirth: string | null;
  mrn: string | null;
  phone: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.account.updateIdentity.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await update.mutateAsync({
        id,
        name: String(form.get("name") ?? ""),
        dateOfBirth: String(form.get("dateOfBirth") ?? ""),
        mrn: String(form.get("mrn") ?? ""),
        phone: String(form.get("phone") ?? ""),
      });
      setErrors({});
      toast.success("Patient details saved");
      router.refresh();
    } catch (error) {
      setErrors(fieldErrors(error));
    }
  }

  const failed = update.error && !Object.values(errors).some(Boolean);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {failed ? (
        <Alert tone="danger" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Field id="identity-name" label="Full name" error={errors.name}>
        <Input
          id="identity-name"
          name="name"
          defaultValue={name}
          maxLength={200}
          autoComplete="off"
          {...describedBy("identity-name", { error: errors.name })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="identity-dob" label="Date of birth" error={errors.dateOfBirth}>
          <Input
            id="identity-dob"
            name="dateOfBirth"
            type="date"
            min="1900-01-01"
            defaultValue={dateOfBirth ?? ""}
            {...describedBy("identity-dob", { error: errors.dateOfBirth })}
          />
        </Field>
        <Field id="identity-mrn" label="MRN" error={errors.mrn}>
          <Input
            id="identity-mrn"
            name="mrn"
            defaultValue={mrn ?? ""}
            maxLength={MRN_MAX}
            autoComplete="off"
            {...describedBy("identity-mrn", { error: errors.mrn })}
          />
        </Field>
        <Field id="identity-phone" label="Phone" error={errors.phone}>
          <Input
            id="identity-phone"
            name="phone"
            type="tel"
            defaultValue={phone ?? ""}
            maxLength={PHONE_MAX}
            autoComplete="off"
            {...describedBy("identity-phone", { error: errors.phone })}
          />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
