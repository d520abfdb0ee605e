import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getAppDb } from "@/db/client";
import { resolveAuthSecret } from "@/server/env";
import { log } from "@/server/log";
import { signIn } from "@/server/services/auth";
import { endSession } from "@/server/services/sessions";
import { clientIpFromHeaders } from "./client-ip";
import { safeRedirectPath } from "./redirect";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

let options: NextAuthOptions | undefined;

/** A driver error without the query text and parameters drizzle wraps it in. */
function withoutQuery(error: unknown) {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error
    ? { name: cause.name, message: cause.message, code: (cause as { code?: unknown }).code }
    : { message: String(cause) };
}

/** Built on first use, so that `next build` never needs the secret. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          const ip = clientIpFromHeaders(headers);
          const agent = headers["user-agent"];
          try {
            const result = await signIn(
              getAppDb(),
              credentials,
              ip,
              typeof agent === "string" ? agent : null,
            );
            if (!result.ok) return null;
            return {
              id: result.user.id,
              sessionVersion: result.user.sessionVersion,
              sessionId: result.session.id,
            };
          } catch (error) {
            // Whatever failed, the person signing in sees only "Invalid email or password"; the
            // cause is logged without the credentials (a query error's text carries its params).
            log.error({ err: withoutQuery(error) }, "sign-in failed");
            return null;
          }
        },
      }),
    ],
    callbacks: {
      // The token holds only the user id, the session version, and when the session began and
      // was last active (proxy.ts refreshes `lat`); the user is reloaded from the database on
      // every request (server/auth/session.ts).
      jwt({ token, user }) {
        if (user) {
          const now = Math.floor(Date.now() / 1000);
          return { sub: user.id, sv: user.sessionVersion, sid: user.sessionId, at: now, lat: now };
        }
        return { sub: token.sub, sv: token.sv, sid: token.sid, at: token.at, lat: token.lat };
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub, sv: token.sv, sid: token.sid, at: token.at, lat: token.lat },
        } as never;
      },
      // Only this site's own pages after sign-in or sign-out (issue 8, finding 2).
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPath(url, baseUrl) ?? "/", baseUrl).toString();
      },
    },
    events: {
      // Sign-out ends the session on the server: a copy of the cookie is worthless afterwards.
      async signOut({ token }) {
        await endSession(getAppDb(), token ?? {});
      },
    },
  };
  return options;
}
