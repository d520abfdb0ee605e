import { z } from "zod";
import {
  DateOfBirthSchema,
  EmailSchema,
  identityShape,
  MrnSchema,
  NameSchema,
  PhoneSchema,
} from "@/shared/identity";
import { PASSWORD_MAX_LENGTH } from "@/shared/password-limits";
import { searchText, text } from "@/shared/text";

export const RoleSchema = z.enum(["patient", "provider", "admin"], {
  error: "Choose a role: patient, provider or administrator.",
});

export const ListAccountsInput = z.object({
  search: searchText(),
  role: RoleSchema.optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const AccountIdInput = z.object({ id: z.uuid({ error: "That account was not found." }) });

export const CreateAccountInput = z.object({
  role: RoleSchema,
  name: NameSchema,
  email: EmailSchema,
  /** Patients only (docs/decisions/012-patient-identity-and-presentation.md). */
  ...identityShape,
  /** Patients only: the providers of their care team, assigned in the same transaction. */
  providerIds: z
    .array(z.uuid({ error: "Choose providers from the list." }), {
      error: "Choose providers from the list.",
    })
    .max(20, "Choose at most 20 providers.")
    .refine((ids) => new Set(ids).size === ids.length, "Choose each provider once.")
    .default([]),
});

export const UpdateIdentityInput = z.object({
  id: z.uuid({ error: "That account was not found." }),
  name: NameSchema,
  dateOfBirth: DateOfBirthSchema,
  mrn: MrnSchema,
  phone: PhoneSchema,
});

export const ChangeEmailInput = z.object({
  id: z.uuid({ error: "That account was not found." }),
  email: EmailSchema,
});

export const ChangePasswordInput = z.object({
  currentPassword: text({
    max: PASSWORD_MAX_LENGTH,
    trim: false,
    notText: "Enter your current password.",
    required: "Enter your current password.",
    tooLong: "A password has at most 1,024 characters.",
  }),
  newPassword: text({
    max: PASSWORD_MAX_LENGTH,
    trim: false,
    notText: "Enter a new password.",
    required: "Enter a new password.",
    tooLong: "Use at most 1,024 characters.",
  }),
});
