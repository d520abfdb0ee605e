import { type NextRequest, NextResponse } from "next/server";
import { decode, encode } from "@/server/auth/jwt";
import { PATH_HEADER } from "@/server/auth/path-header";
import {
  ACTIVITY_REFRESH_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  SESSION_MAX_AGE_SECONDS,
} from "@/server/auth/session-policy";
import { env, resolveAuthSecret } from "@/server/env";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/server/http/security-headers";

const production = env.NODE_ENV === "production";
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Runs before every request: security headers with a fresh CSP nonce, and the session's
 * last-activity time, so that idle sessions of providers and admins end (server/auth/session.ts).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, !production);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname.slice(0, 500));

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(production))) {
    response.headers.set(name, value);
  }
  await refreshActivity(request, response);
  return response;
}

/** Moves the session's last-activity time forward, unless the session already went idle. */
async function refreshActivity(request: NextRequest, response: NextResponse) {
  const name = SESSION_COOKIES.find((n) => request.cookies.has(n));
  const value = name && request.cookies.get(name)?.value;
  if (!name || !value) return;
  const secret = resolveAuthSecret();
  const token = await decode({ token: value, secret }).catch(() => null);
  const now = Math.floor(Date.now() / 1000);
  if (typeof token?.at !== "number" || typeof token.lat !== "number") return;
  const remaining = token.at + SESSION_MAX_AGE_SECONDS - now;
  const idle = now - token.lat;
  if (remaining <= 0 || idle >= IDLE_TIMEOUT_SECONDS || idle < ACTIVITY_REFRESH_SECONDS) return;
  const refreshed = await encode({
    token: { sub: token.sub, sv: token.sv, sid: token.sid, at: token.at, lat: now },
    secret,
    maxAge: remaining,
  });
  response.cookies.set(name, refreshed, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: remaining,
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
