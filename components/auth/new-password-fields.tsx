import { describedBy, Field } from "@/components/ui/field";
import { PasswordInput } from "@/components/ui/password-input";

/**
 * "New password" and "New password again" with the password policy's hint: the same two fields
 * wherever a person chooses a password (invitation, change of password). `id` names the first
 * field as the procedure's input does, so that the server's field message lands beside it.
 */
export function NewPasswordFields({
  id,
  error,
  confirmError,
}: {
  id: string;
  error?: string;
  confirmError?: string;
}) {
  return (
    <>
      <Field
        id={id}
        label="New password"
        hint="At least 12 characters. Not a common password: three or four unrelated words work well."
        error={error}
      >
        <PasswordInput
          id={id}
          name={id}
          autoComplete="new-password"
          {...describedBy(id, { hint: true, error })}
        />
      </Field>
      <Field id="confirm" label="New password again" error={confirmError}>
        <PasswordInput
          id="confirm"
          name="confirm"
          autoComplete="new-password"
          {...describedBy("confirm", { error: confirmError })}
        />
      </Field>
    </>
  );
}
