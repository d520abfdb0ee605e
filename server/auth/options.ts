import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getAppDb } from "@/db/client";
import { AuthenticationResponse } from "@/server/api/routers/passkey.schema";
import { resolveAuthSecret } from "@/server/env";
import { log } from "@/server/log";
import { signIn } from "@/server/services/auth";
import { completeSecondStep } from "@/server/services/mfa";
import { signInWithPasskey } from "@/server/services/passkeys";
import { endSession } from "@/server/services/sessions";
import { safeRedirectPath } from "@/shared/redirect";
import { text } from "@/shared/text";
import { clientIpFromHeaders } from "./client-ip";
import { decode, encode } from "./jwt";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

let options: NextAuthOptions | undefined;

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const Code = text({ max: 40, required: "Enter the code." });

/** The session cookie's token of a request (the second sign-in step continues that session). */
async function sessionTokenOf(cookieHeader: unknown, secret: string) {
  if (typeof cookieHeader !== "string") return null;
  const cookies = new Map(
    cookieHeader.split(";").map((part) => {
      const i = part.indexOf("=");
      return [part.slice(0, i).trim(), part.slice(i + 1).trim()] as const;
    }),
  );
  const value = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  return value ? decode({ token: value, secret }).catch(() => null) : null;
}

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
    // next-auth's token format, with the encryption key derived once per process (./jwt.ts).
    jwt: { encode, decode },
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
      // The second step of a staff sign-in (decision 010): an authentication code or a recovery
      // code for the session the password opened. Until it succeeds that session reaches nothing.
      Credentials({
        id: "code",
        name: "Authentication code",
        credentials: { code: { type: "text" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          const code = Code.safeParse(credentials?.code);
          const token = await sessionTokenOf(headers.cookie, resolveAuthSecret());
          if (!code.success || !token) return null;
          let result: Awaited<ReturnType<typeof completeSecondStep>>;
          try {
            result = await completeSecondStep(
              getAppDb(),
              token,
              code.data,
              clientIpFromHeaders(headers),
            );
          } catch (error) {
            log.error({ err: withoutQuery(error) }, "second sign-in step failed");
            return null;
          }
          // next-auth puts a thrown message in the error URL: the form tells a lock-out apart.
          if (!result.ok && result.reason === "throttled") throw new Error("TooManyAttempts");
          if (!result.ok) return null;
          return {
            id: result.user.id,
            sessionVersion: result.user.sessionVersion,
            sessionId: result.sessionId,
          };
        },
      }),
      // A passkey (docs/decisions/027-passkeys.md): the browser's signed answer to a challenge
      // from passkey.authenticationOptions, as JSON. User verification is required, so the
      // session is active at once, for staff too (no authentication code).
      Credentials({
        id: "passkey",
        name: "Passkey",
        credentials: { response: { type: "text" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          let json: unknown;
          try {
            json = JSON.parse(String(credentials?.response ?? ""));
          } catch {
            return null;
          }
          const response = AuthenticationResponse.safeParse(json);
          if (!response.success) return null;
          const agent = headers["user-agent"];
          try {
            const result = await signInWithPasskey(
              getAppDb(),
              response.data as Parameters<typeof signInWithPasskey>[1],
              clientIpFromHeaders(headers),
              typeof agent === "string" ? agent : null,
            );
            if (!result.ok && result.reason === "throttled") throw new Error("TooManyAttempts");
            if (!result.ok) return null;
            return {
              id: result.user.id,
              sessionVersion: result.user.sessionVersion,
              sessionId: result.session.id,
            };
          } catch (error) {
            if (error instanceof Error && error.message === "TooManyAttempts") throw error;
            log.error({ err: withoutQuery(error) }, "passkey sign-in failed");
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
