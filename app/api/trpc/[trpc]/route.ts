import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppDb } from "@/db/client";
import { noteDatabaseError } from "@/db/unavailable";
import { appRouter } from "@/server/api/root";
import { databaseUnavailable } from "@/server/api/trpc";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { activeActor, getCurrentActor, getCurrentSession } from "@/server/auth/session";
import { isCrossSiteRequest } from "@/server/http/security-headers";
import { recordAudit } from "@/server/services/audit";

const handler = async (req: Request) => {
  // Mutations (POST) from another site are refused before anything runs (CSRF).
  if (
    req.method === "POST" &&
    isCrossSiteRequest(req.headers, req.headers.get("x-forwarded-host") ?? req.headers.get("host"))
  ) {
    await recordAudit(getAppDb(), {
      actor: await getCurrentActor(),
      action: "request.denied",
      outcome: "denied",
      ip: clientIpFromHeaders(req.headers),
      details: { reason: "cross_site" },
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
    // One query: the session and its user (server/services/sessions.ts).
    createContext: async () => {
      const session = await getCurrentSession().catch((error: unknown) => {
        throw noteDatabaseError(error) ? databaseUnavailable(error) : error;
      });
      return {
        db: getAppDb(),
        actor: activeActor(session),
        ip: clientIpFromHeaders(req.headers),
        sessionId: session?.id ?? null,
      };
    },
  });
};

export { handler as GET, handler as POST };
