import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

export const sessionRouter = createTRPCRouter({
  /** The signed-in user: name and role for the app shell. */
  me: protectedProcedure.query(({ ctx }) => ({
    id: ctx.actor.id,
    name: ctx.actor.name,
    role: ctx.actor.role,
    mustChangePassword: ctx.actor.mustChangePassword,
  })),
});
