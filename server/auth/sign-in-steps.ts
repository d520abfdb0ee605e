import "server-only";
import { headers } from "next/headers";
import type { LoadedSession } from "@/server/services/sessions";
import { safeRedirectPath } from "@/shared/redirect";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** This site's origin as the browser sees it. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
}

/** Where to go after sign-in: `callbackUrl` when it is a page of this site, else "/" (home). */
export async function nextPath(searchParams: SearchParams): Promise<string> {
  const asked = (await searchParams).callbackUrl;
  return safeRedirectPath(typeof asked === "string" ? asked : null, await requestOrigin()) ?? "/";
}

/** The page of the sign-in step a session is at (null: none pending), keeping `next`. */
export function stepPage(session: LoadedSession | null, next: string): string | null {
  const query = next === "/" ? "" : `?callbackUrl=${encodeURIComponent(next)}`;
  if (session?.state === "mfa_pending") return `/signin/verify${query}`;
  if (session?.state === "mfa_enrol") return `/signin/enrol${query}`;
  return null;
}
