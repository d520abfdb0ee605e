import { z } from "zod";
import {
  DateOfBirthSchema,
  identityShape,
  MrnSchema,
  PhoneSchema,
} from "@/server/api/routers/identity-input";
import { searchText, text } from "@/server/api/text";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  createAccount,
  EmailSchema,
  getAccount,
  listAccounts,
  listProviderOptions,
  NameSchema,
  setAccountActive,
  updatePatientIdentity,
} from "@/server/services/accounts";
import { changeOwnPassword, PASSWORD_MAX_LENGTH, resetPassword } from "@/server/services/passwords";

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
  /** Patients only (SPEC 7.2). */
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

export const accountRouter = createTRPCRouter({
  list: adminProcedure
    .input(ListAccountsInput)
    .query(({ ctx, input }) => listAccounts(ctx.db, ctx.actor, input, ctx.ip)),

  get: adminProcedure
    .input(AccountIdInput)
    .query(({ ctx, input }) => getAccount(ctx.db, ctx.actor, input.id, ctx.ip)),

  /** Active providers, for the care-team picker. */
  providerOptions: adminProcedure.query(({ ctx }) => listProviderOptions(ctx.db, ctx.actor)),

  create: adminProcedure
    .input(CreateAccountInput)
    .mutation(({ ctx, input }) => createAccount(ctx.db, ctx.actor, input, ctx.ip)),

  /** A patient's name and identity (date of birth, MRN, phone). */
  updateIdentity: adminProcedure
    .input(UpdateIdentityInput)
    .mutation(({ ctx, input }) => updatePatientIdentity(ctx.db, ctx.actor, input, ctx.ip)),

  deactivate: adminProcedure
    .input(AccountIdInput)
    .mutation(({ ctx, input }) =>
      setAccountActive(ctx.db, ctx.actor, { id: input.id, active: false }, ctx.ip),
    ),

  reactivate: adminProcedure
    .input(AccountIdInput)
    .mutation(({ ctx, input }) =>
      setAccountActive(ctx.db, ctx.actor, { id: input.id, active: true }, ctx.ip),
    ),

  resetPassword: adminProcedure
    .input(AccountIdInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.actor, input.id, ctx.ip)),

  /** Every role; the one procedure (with session.me) open while a password must be changed. */
  changePassword: protectedProcedure
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.actor, input, ctx.ip)),
});
