// The clinic kiosk's own tRPC endpoint (docs/decisions/039-kiosk.md): /kiosk/api/trpc serves the
// `kiosk` router only, with the station's cookie (path /kiosk, httpOnly, SameSite=Strict) read
// and set here. It never acts as a signed-in user: a staff session in the same browser is not
// used, so nothing a patient does at the station reaches the portal's procedures.
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAppDb } from "@/db/client";
import { noteDatabaseError } from "@/db/unavailable";
import { kioskRouter } from "@/server/api/routers/kiosk";
import {
  type Context,
  createCallerFactory,
  createTRPCRouter,
  databaseUnavailable,
  type StationCookie,
} from "@/server/api/trpc";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { appUrl } from "@/server/env";
import { recordDenial } from "@/server/services/audit";
import { isCrossSiteRequest } from "./security-headers";

export const KIOSK_PATH = "/kiosk";
/** The endpoint, under the cookie's path. */
export const KIOSK_ENDPOINT = "/kiosk/api/trpc";

/** The secure name on HTTPS (the portal's public address), the plain one otherwise. */
const secure = () => appUrl().startsWith("https:");
export const stationCookieName = () => (secure() ? "__Secure-kiosk-station" : "kiosk-station");

/** The station's credential in a Cookie header. */
export function stationTokenOf(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const name = stationCookieName();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim() || null;
  }
  return null;
}

function cookie(value: string, expiresAt: Date | null): string {
  const parts = [
    `${stationCookieName()}=${value}`,
    `Path=${KIOSK_PATH}`,
    "HttpOnly",
    "SameSite=Strict",
    expiresAt ? `Expires=${expiresAt.toUTCString()}` : "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    `Max-Age=${expiresAt ? Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) : 0}`,
  ];
  if (secure()) parts.push("Secure");
  return parts.join("; ");
}

/** The context of a kiosk request: no signed-in user, the station's cookie. */
export function kioskContext(headers: Headers, resHeaders: Headers | null): Context {
  const station: StationCookie = {
    token: stationTokenOf(headers.get("cookie")),
    set: (token, expiresAt) => resHeaders?.append("set-cookie", cookie(token, expiresAt)),
    clear: () => resHeaders?.append("set-cookie", cookie("", null)),
  };
  return {
    db: getAppDb(),
    actor: null,
    ip: clientIpFromHeaders(headers),
    sessionId: null,
    station,
  };
}

const kioskApi = createTRPCRouter({ kiosk: kioskRouter });

/** The station's state for its page (a server component), from the request's cookie. */
export async function kioskPageStatus(headers: Headers) {
  return createCallerFactory(kioskApi)(kioskContext(headers, null)).kiosk.status();
}

/** GET and POST of /kiosk/api/trpc/<kiosk.procedure>. */
export async function kioskTrpc(req: Request): Promise<Response> {
  if (
    req.method === "POST" &&
    isCrossSiteRequest(req.headers, req.headers.get("x-forwarded-host") ?? req.headers.get("host"))
  ) {
    await recordDenial(getAppDb(), null, clientIpFromHeaders(req.headers), {
      reason: "cross_site",
    });
    return Response.json(
      { error: { message: "Cross-site requests are not allowed." } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: KIOSK_ENDPOINT,
    req,
    router: kioskApi,
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
    createContext: async ({ resHeaders }) => {
      try {
        return kioskContext(req.headers, resHeaders);
      } catch (error) {
        throw noteDatabaseError(error) ? databaseUnavailable(error) : error;
      }
    },
  });
}
