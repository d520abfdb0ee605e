import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { careTeam, users } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { hashPassword } from "@/server/auth/password-hash";
import type { Actor, Role } from "@/server/authz/policy";
import { type SessionToken, startSession } from "@/server/services/sessions";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple";

/** Creates an account (password TEST_PASSWORD) and returns it as the server's Actor. */
export async function createUser(
  db: Db,
  role: Role,
  overrides: Partial<{
    name: string;
    email: string;
    active: boolean;
    mustChangePassword: boolean;
  }> = {},
): Promise<Actor> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      role,
      name: overrides.name ?? `Test ${role} ${randomUUID().slice(0, 8)}`,
      email: overrides.email ?? `${role}-${randomUUID()}@example.test`,
      passwordHash: await cachedHash,
      active: overrides.active ?? true,
      mustChangePassword: overrides.mustChangePassword ?? false,
    })
    .returning();
  if (!user) throw new Error("createUser: nothing inserted");
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function assignPatient(db: Db, provider: Actor, patient: Actor): Promise<void> {
  await db.insert(careTeam).values({ providerId: provider.id, patientId: patient.id });
}

/** A tRPC caller acting as `actor` (null: not signed in). */
export function callerFor(db: Db, actor: Actor | null, ip = "203.0.113.7") {
  return createCaller({ db, actor, ip });
}

export async function deactivate(db: Db, user: Actor): Promise<void> {
  await db.update(users).set({ active: false }).where(eq(users.id, user.id));
}

/** What a session cookie of `userId` holds: a new server-side session, with session version `sv`. */
export async function sessionToken(db: Db, userId: string, sv = 1): Promise<SessionToken> {
  return { sub: userId, sv, sid: await startSession(db, { userId }) };
}
