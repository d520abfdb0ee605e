import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor, Role } from "@/server/authz/policy";
import { getCurrentActor } from "./session";

/** Where a user with a temporary password is sent until they change it. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * For layouts and pages: the signed-in user of that role. Signed out (or revoked) goes to the
 * sign-in page; a user who must change a temporary password goes to the change-password page;
 * another role gets the "Not allowed" page (403). This is for the user's comfort: the tRPC
 * procedures enforce the same rules on the data.
 */
export async function requireRole(role: Role): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (actor.role !== role) forbidden();
  return actor;
}
