import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";
import {
  authenticationOptions,
  listPasskeys,
  registerPasskey,
  registrationOptions,
  removePasskey,
} from "@/server/services/passkeys";
import { PasskeyIdInput, RegisterPasskeyInput } from "./passkey.schema";

/**
 * Passkeys (docs/decisions/027-passkeys.md): every signed-in user manages their own on the
 * security page; the sign-in page asks for options before anyone is known. The sign-in itself
 * goes through next-auth (the `passkey` provider in server/auth/options.ts).
 */
export const passkeyRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listPasskeys(ctx.db, ctx.actor)),
  registrationOptions: protectedProcedure.mutation(({ ctx }) =>
    registrationOptions(ctx.db, ctx.actor),
  ),
  register: protectedProcedure
    .input(RegisterPasskeyInput)
    .mutation(({ ctx, input }) =>
      registerPasskey(
        ctx.db,
        ctx.actor,
        { name: input.name, response: input.response as RegistrationResponseJSON },
        ctx.ip,
      ),
    ),
  remove: protectedProcedure
    .input(PasskeyIdInput)
    .mutation(({ ctx, input }) => removePasskey(ctx.db, ctx.actor, input.id, ctx.ip)),
  authenticationOptions: publicProcedure.mutation(({ ctx }) =>
    authenticationOptions(ctx.db, ctx.ip),
  ),
});
