import { getAppDb } from "@/db/client";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { getCurrentActor } from "@/server/auth/session";
import type { RouteContext } from "./report-routes";

/** The database, the signed-in user and the client address of a route handler's request. */
export async function routeContext(request: Request): Promise<RouteContext> {
  return {
    db: getAppDb(),
    actor: await getCurrentActor(),
    ip: clientIpFromHeaders(request.headers),
  };
}
