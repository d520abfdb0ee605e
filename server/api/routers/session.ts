import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { endAllSessions, listSessions } from "@/server/services/sessions";

export const sessionRouter = createTRPCRouter({
  /** The signed-in user: name and role for the app shell. */
  me: protectedProcedure.query(({ ctx }) => ({
    id: ctx.actor.id,
    name: ctx.actor.name,
    role: ctx.actor.role,
    mustChangePassword: ctx.actor.mustChangePassword,
  })),
  /** The signed-in user's open sessions, this one marked. */
  list: protectedProcedure.query(({ ctx }) =>
    listSessions(ctx.db, ctx.actor, ctx.sessionId ?? null),
  ),
  /** Ends every session of the signed-in user, this one included. */
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) =>
    endAllSessions(ctx.db, ctx.actor, ctx.ip),
  ),
});
