import type { Role } from "@/server/authz/policy";

/** Every session ends this long after sign-in, whatever happens. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** Providers and admins are signed out after this long without a request. */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** The last-activity time in the session cookie is refreshed at most this often. */
export const ACTIVITY_REFRESH_SECONDS = 60;

const idleLimited: ReadonlySet<Role> = new Set(["provider", "admin"]);

/**
 * Whether a session has ended: 12 hours after sign-in for everyone, and after 30 minutes idle
 * for providers and admins. Times are Unix seconds. A token without them (issued before these
 * rules) is treated as expired.
 */
export function sessionExpired(
  role: Role,
  authTime: number | undefined,
  lastActive: number | undefined,
  now: number,
): boolean {
  if (typeof authTime !== "number" || typeof lastActive !== "number") return true;
  if (now - authTime >= SESSION_MAX_AGE_SECONDS) return true;
  return idleLimited.has(role) && now - lastActive >= IDLE_TIMEOUT_SECONDS;
}
