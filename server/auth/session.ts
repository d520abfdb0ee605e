import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAppDb } from "@/db/client";
import type { Actor } from "@/server/authz/policy";
import { type LoadedSession, loadSession } from "@/server/services/sessions";
import { getAuthOptions } from "./options";
import { sessionExpired } from "./session-policy";

/**
 * The session of this request, with its user reloaded from the database (one query): null when
 * signed out, signed out on the server, deactivated, revoked (session version bumped), or expired
 * (12 hours, or 30 minutes idle for providers and admins). Its state may still be a second step.
 */
export const getCurrentSession = cache(async (): Promise<LoadedSession | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as
    | { id?: unknown; sv?: unknown; sid?: unknown; at?: number; lat?: number }
    | undefined;
  if (!user) return null;
  const loaded = await loadSession(getAppDb(), { sub: user.id, sv: user.sv, sid: user.sid });
  if (
    !loaded ||
    sessionExpired(loaded.actor.role, user.at, user.lat, Math.floor(Date.now() / 1000))
  ) {
    return null;
  }
  return loaded;
});

/** The user of a session whose every sign-in step is done; else null. */
export const activeActor = (session: LoadedSession | null): Actor | null =>
  session?.state === "active" ? session.actor : null;

/** The signed-in user, once every step of the sign-in is done; else null. */
export const getCurrentActor = cache(
  async (): Promise<Actor | null> => activeActor(await getCurrentSession()),
);
