import { redirect } from "next/navigation";
import { getCurrentActor } from "@/server/auth/session";
import { roleHome } from "@/server/authz/policy";

/** The front door: each role's home, or the sign-in page. */
export default async function Home() {
  const actor = await getCurrentActor();
  redirect(actor ? roleHome[actor.role] : "/signin");
}
