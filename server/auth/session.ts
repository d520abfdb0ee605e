import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAppDb } from "@/db/client";
import type { Actor } from "@/server/authz/policy";
import { loadActor } from "@/server/services/auth";
import { getAuthOptions } from "./options";

/**
 * The signed-in user for this request, reloaded from the database: null when signed out,
 * deactivated, or when the session was revoked (session version bumped).
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: unknown; sv?: unknown } | undefined;
  if (typeof user?.id !== "string" || typeof user.sv !== "number") return null;
  return loadActor(getAppDb(), user.id, user.sv);
});
