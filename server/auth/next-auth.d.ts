import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** users.session_version when the session began */
    sv?: number;
    /** the server-side session (sessions.id) */
    sid?: string;
    /** sign-in time, Unix seconds */
    at?: number;
    /** last activity, Unix seconds (refreshed by proxy.ts) */
    lat?: number;
  }
}
