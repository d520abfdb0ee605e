import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password-hash";
import { inviteAccounts } from "./invitations";
import { wakeMailDelivery } from "./outbox";

export type FirstAdmin =
  | { state: "exists" }
  | { state: "missing" }
  | { state: "taken"; email: string }
  | { state: "invited"; email: string; url: string };

/**
 * The first administrator of a new clinic (docs/decisions/033-first-run-setup.md): while the
 * database has no active admin who has chosen a password, `ADMIN_EMAIL` names one; the account is made with an unusable
 * password and an invitation (72 hours, single use, also in the outbox) whose link the start
 * prints. Each start without an admin makes a new link; the earlier one stops working.
 */
export async function ensureFirstAdmin(db: Db, email: string | undefined): Promise<FirstAdmin> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.role, "admin"), eq(users.active, true), eq(users.mustChangePassword, false)),
    )
    .limit(1);
  if (admin) return { state: "exists" };
  const address = email?.trim().toLowerCase();
  if (!address) return { state: "missing" };
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const url = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, address))
      .limit(1);
    if (existing && existing.role !== "admin") return null;
    const [account] = existing
      ? await tx
          .update(users)
          .set({ active: true, passwordHash, mustChangePassword: true })
          .where(eq(users.id, existing.id))
          .returning({ id: users.id })
      : await tx
          .insert(users)
          .values({
            role: "admin",
            name: "Administrator",
            email: address,
            passwordHash,
            mustChangePassword: true,
          })
          .returning({ id: users.id });
    if (!account) throw new Error("the first administrator was not stored");
    const [link] = await inviteAccounts(tx, null, [{ ...account, email: address, role: "admin" }], {
      ip: null,
    });
    return link ?? null;
  });
  if (!url) return { state: "taken", email: address };
  await wakeMailDelivery();
  return { state: "invited", email: address, url };
}
