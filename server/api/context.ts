import "server-only";
import { getAppDb } from "@/db/client";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { activeActor, getCurrentSession } from "@/server/auth/session";
import type { Context } from "./trpc";

/**
 * The context of one request, for every way in: the tRPC route, the server caller of server
 * components (`serverApi`) and the route handlers outside tRPC (`runRoute`). The session and its
 * user are reloaded from the database (one query, once per request).
 */
export async function createContext(headers: Headers): Promise<Context> {
  const session = await getCurrentSession();
  return {
    db: getAppDb(),
    actor: activeActor(session),
    ip: clientIpFromHeaders(headers),
    sessionId: session?.id ?? null,
  };
}
