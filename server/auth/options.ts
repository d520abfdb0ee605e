import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getAppDb } from "@/db/client";
import { resolveAuthSecret } from "@/server/env";
import { signIn } from "@/server/services/auth";
import { clientIpFromHeaders } from "./client-ip";

/** Sessions last at most this long; the JWT then expires. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
      // The token holds only the user id and the session version; everything else is
      // reloaded from the database on every request (server/auth/session.ts).
      jwt({ token, user }) {
        if (user) return { sub: user.id, sv: user.sessionVersion };
        return { sub: token.sub, sv: token.sv };
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub, sv: token.sv } } as never;
      },
    },
  };
  return options;
}
