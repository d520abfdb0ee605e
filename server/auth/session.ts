import { cookies } from "next/headers";
import { cache } from "react";
import { getAppDb } from "@/db/client";
import type { Actor } from "@/server/authz/policy";
import { resolveAuthSecret } from "@/server/env";
import { type LoadedSession, loadSession } from "@/server/services/sessions";
import { decode } from "./jwt";
import { sessionExpired } from "./session-policy";

/** next-auth's session cookie: the secure name on HTTPS, the plain one otherwise. */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The session of this request, with its user reloaded from the database (one query): null when
 * signed out, signed out on the server, deactivated, revoked (session version bumped), or expired
 * (12 hours, or 30 minutes idle for providers and admins). Its state may still be a second step.
 */
export const getCurrentSession = cache(async (): Promise<LoadedSession | null> => {
  // The cookie's token read directly (what next-auth's getServerSession reads, without its
  // CSRF and cookie work or re-encoding the token on every read): the claims it holds are those of
  // the jwt callback in ./options.ts.
  const store = await cookies();
  const value = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  const token = value
    ? await decode({ token: value, secret: resolveAuthSecret() }).catch(() => null)
    : null;
  if (!token) return null;
  const loaded = await loadSession(getAppDb(), { sub: token.sub, sv: token.sv, sid: token.sid });
  if (
    !loaded ||
    sessionExpired(loaded.actor.role, token.at, token.lat, Math.floor(Date.now() / 1000))
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
