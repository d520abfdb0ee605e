import type { InputHTMLAttributes } from "react";
import { describedBy, Field, Input } from "@/components/ui/field";

type Errors = Record<string, string | undefined>;

/** The clinic's name and phone, as Clinic settings and the first-run setup ask them. */
export function ClinicNamePhoneFields({
  clinicName,
  clinicPhone,
  errors,
}: {
  clinicName: string | null;
  clinicPhone: string | null;
  errors: Errors;
}) {
  return (
    <div className="mt-4 grid gap-4 sm:grid-cols-2">
      <Field id="clinicName" label="Clinic name" error={errors.clinicName}>
        <Input
          id="clinicName"
          name="clinicName"
          defaultValue={clinicName ?? ""}
          maxLength={120}
          autoComplete="organization"
          {...describedBy("clinicName", { error: errors.clinicName })}
        />
      </Field>
      <Field id="clinicPhone" label="Clinic phone" error={errors.clinicPhone}>
        <Input
          id="clinicPhone"
          name="clinicPhone"
          type="tel"
          defaultValue={clinicPhone ?? ""}
          maxLength={40}
          autoComplete="tel"
          {...describedBy("clinicPhone", { error: errors.clinicPhone })}
        />
      </Field>
    </div>
  );
}

/** The portal's public address (where links in emails point). */
export function PublicUrlField({
  hint,
  errors,
  ...input
}: { hint: string; errors: Errors } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "defaultValue" | "value" | "onChange"
>) {
  return (
    <Field id="publicUrl" label="Public address" hint={hint} error={errors.publicUrl}>
      <Input
        id="publicUrl"
        name="publicUrl"
        type="url"
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={200}
        {...input}
        {...describedBy("publicUrl", { hint: true, error: errors.publicUrl })}
      />
    </Field>
  );
}
