import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppDb } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { getCurrentActor } from "@/server/auth/session";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: getAppDb(),
      actor: await getCurrentActor(),
      ip: clientIpFromHeaders(req.headers),
    }),
  });

export { handler as GET, handler as POST };
