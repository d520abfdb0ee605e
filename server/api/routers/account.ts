import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  changePatientEmail,
  createAccount,
  getAccount,
  listAccounts,
  listProviderOptions,
  setAccountActive,
  updatePatientIdentity,
} from "@/server/services/accounts";
import { changeOwnPassword, resetPassword } from "@/server/services/passwords";
import {
  AccountIdInput,
  ChangeEmailInput,
  ChangePasswordInput,
  CreateAccountInput,
  ListAccountsInput,
  UpdateIdentityInput,
} from "./account.schema";

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

  /** A patient's sign-in email, re-verified by a new invitation. */
  changeEmail: adminProcedure
    .input(ChangeEmailInput)
    .mutation(({ ctx, input }) => changePatientEmail(ctx.db, ctx.actor, input, ctx.ip)),

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
