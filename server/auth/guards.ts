import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor, Role } from "@/server/authz/policy";
import { getCurrentActor } from "./session";

/**
 * For layouts and pages: the signed-in user of that role. Signed out (or revoked) goes to the
 * sign-in page; another role gets the "Not allowed" page (403). This is for the user's comfort:
 * the tRPC procedures enforce the same rules on the data.
 */
export async function requireRole(role: Role): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (actor.role !== role) forbidden();
  return actor;
}
