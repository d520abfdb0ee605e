import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getAppDb } from "@/db/client";
import type { Actor, Role } from "@/server/authz/policy";
import { recordDenial } from "@/server/services/audit";
import { clientIpFromHeaders } from "./client-ip";
import { PATH_HEADER } from "./path-header";
import { getCurrentActor } from "./session";

/** Where a user with a temporary password is sent until they change it. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * A refused page, audited like a refused procedure (ARCHITECTURE.md#authorization): once per
 * request, however many layouts and pages of that request ask.
 */
const auditPageDenial = cache(async (actor: Actor | null, code: "UNAUTHORIZED" | "FORBIDDEN") => {
  const h = await headers();
  await recordDenial(getAppDb(), actor, clientIpFromHeaders(h), {
    page: h.get(PATH_HEADER) ?? null,
    code,
  });
});

/**
 * For layouts and pages: the signed-in user of that role. Signed out (or revoked) goes to the
 * sign-in page; a user who must change a temporary password goes to the change-password page;
 * another role gets the "Not allowed" page (403). Refusals are audited. This is for the user's
 * comfort: the tRPC procedures enforce the same rules on the data.
 */
export async function requireRole(role: Role): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    await auditPageDenial(null, "UNAUTHORIZED");
    redirect("/signin");
  }
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (actor.role !== role) {
    await auditPageDenial(actor, "FORBIDDEN");
    forbidden();
  }
  return actor;
}
