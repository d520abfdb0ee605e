import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAppDb } from "@/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadActor } from "@/server/services/auth";
import { getAuthOptions } from "./options";
import { sessionExpired } from "./session-policy";

/**
 * The signed-in user for this request, reloaded from the database: null when signed out,
 * deactivated, when the session was revoked (session version bumped), or when it expired
 * (12 hours, or 30 minutes idle for providers and admins).
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as
    | { id?: unknown; sv?: unknown; at?: number; lat?: number }
    | undefined;
  if (typeof user?.id !== "string" || typeof user.sv !== "number") return null;
  const actor = await loadActor(getAppDb(), user.id, user.sv);
  if (!actor || sessionExpired(actor.role, user.at, user.lat, Math.floor(Date.now() / 1000))) {
    return null;
  }
  return actor;
});
