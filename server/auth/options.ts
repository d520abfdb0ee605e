import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getAppDb } from "@/db/client";
import { resolveAuthSecret } from "@/server/env";
import { signIn } from "@/server/services/auth";
import { clientIpFromHeaders } from "./client-ip";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

let options: NextAuthOptions | undefined;

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
          const ip = clientIpFromHeaders(req.headers ?? {});
          const result = await signIn(getAppDb(), credentials, ip);
          if (!result.ok) return null;
          return { id: result.user.id, sessionVersion: result.user.sessionVersion };
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
          return { sub: user.id, sv: user.sessionVersion, at: now, lat: now };
        }
        return { sub: token.sub, sv: token.sv, at: token.at, lat: token.lat };
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub, sv: token.sv, at: token.at, lat: token.lat },
        } as never;
      },
    },
  };
  return options;
}
