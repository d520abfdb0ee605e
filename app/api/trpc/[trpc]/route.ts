import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppDb } from "@/db/client";
import { noteDatabaseError } from "@/db/unavailable";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { databaseUnavailable } from "@/server/api/trpc";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { getCurrentActor } from "@/server/auth/session";
import { isCrossSiteRequest } from "@/server/http/security-headers";
import { recordDenial } from "@/server/services/audit";

const handler = async (req: Request) => {
  // Mutations (POST) from another site are refused before anything runs (CSRF).
  if (
    req.method === "POST" &&
    isCrossSiteRequest(req.headers, req.headers.get("x-forwarded-host") ?? req.headers.get("host"))
  ) {
    await recordDenial(getAppDb(), await getCurrentActor(), clientIpFromHeaders(req.headers), {
      reason: "cross_site",
    });
    return Response.json(
      { error: { message: "Cross-site requests are not allowed." } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // Patient data: never kept by a browser or proxy cache.
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
    // The same context as the server caller's; an outage while loading the session is a 503.
    createContext: () =>
      createContext(req.headers).catch((error: unknown) => {
        throw noteDatabaseError(error) ? databaseUnavailable(error) : error;
      }),
  });
};

export { handler as GET, handler as POST };
