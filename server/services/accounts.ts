import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { careTeam, users } from "@/db/schema";
import { text } from "@/server/api/text";
import { hashPassword } from "@/server/auth/password";
import type { Actor, Role } from "@/server/authz/policy";
import { AppError, badRequest, notFound } from "@/server/errors";
import { recordAudit, recordAudits } from "./audit";
import { inviteAccounts } from "./invitations";
import { wakeMailDelivery } from "./outbox";
import { generateTemporaryPassword } from "./passwords";

/** An account's email: trimmed and lower-cased, as stored. */
export const EmailSchema = text({
  max: 254,
  notText: "Enter an email address.",
  required: "Enter an email address.",
  tooLong: "An email address has at most 254 characters.",
})
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com."));

export const NameSchema = text({
  max: 200,
  notText: "Enter the person's name.",
  required: "Enter the person's name.",
  tooLong: "A name has at most 200 characters.",
});

export type AccountListInput = { search?: string; role?: Role; page: number; pageSize: number };

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Accounts for the admin console: searched by name or email, filtered by role, paginated. A
 * patient's name and email on the page are a read of that patient's data: one audit row per
 * patient shown (decision 009).
 */
export async function listAccounts(
  db: Db,
  actor: Actor,
  input: AccountListInput,
  ip: string | null = null,
) {
  const filters: SQL[] = [];
  if (input.role) filters.push(eq(users.role, input.role));
  if (input.search) {
    const pattern = containsPattern(input.search);
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        mustChangePassword: users.mustChangePassword,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(users).where(where),
  ]);
  await auditPatientsShown(db, actor, rows, "account_list", ip);
  return { rows, total: total?.value ?? 0, page: input.page, pageSize: input.pageSize };
}

/** One `patient.read` audit row per patient an admin page shows (names and emails). */
async function auditPatientsShown(
  db: Db,
  actor: Actor,
  shown: ReadonlyArray<{ id: string; role?: Role }>,
  view: string,
  ip: string | null,
) {
  await recordAudits(
    db,
    shown
      .filter((row) => row.role === undefined || row.role === "patient")
      .map((row) => ({
        actor,
        action: "patient.read",
        outcome: "success" as const,
        targetType: "user",
        targetId: row.id,
        patientId: row.id,
        ip,
        details: { view },
      })),
  );
}

/** How many care-team members an account page lists; more are reached through the list. */
export const CARE_TEAM_LIMIT = 200;

/**
 * One account with its care team (a patient's providers, or a provider's patients). Reading a
 * patient's account is a read of that patient's data, so it is audited.
 */
export async function getAccount(db: Db, actor: Actor, id: string, ip: string | null) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user) throw notFound("account");

  const member = {
    id: users.id,
    name: users.name,
    email: users.email,
    active: users.active,
    assignedAt: careTeam.assignedAt,
  };
  const [members, [total]] =
    user.role === "admin"
      ? [[], [{ value: 0 }]]
      : await Promise.all([
          db
            .select(member)
            .from(careTeam)
            .innerJoin(
              users,
              eq(users.id, user.role === "patient" ? careTeam.providerId : careTeam.patientId),
            )
            .where(eq(user.role === "patient" ? careTeam.patientId : careTeam.providerId, user.id))
            .orderBy(asc(users.name), asc(users.id))
            .limit(CARE_TEAM_LIMIT),
          db
            .select({ value: count() })
            .from(careTeam)
            .where(eq(user.role === "patient" ? careTeam.patientId : careTeam.providerId, user.id)),
        ]);
  // A provider's page lists their patients: each is a read of that patient's data.
  if (user.role === "provider")
    await auditPatientsShown(db, actor, members, "provider_account", ip);
  await recordAudit(db, {
    actor,
    action: "account.read",
    outcome: "success",
    targetType: "user",
    targetId: user.id,
    patientId: user.role === "patient" ? user.id : undefined,
    ip,
  });
  return {
    ...user,
    careTeam: members,
    careTeamTotal: total?.value ?? 0,
    isSelf: user.id === actor.id,
  };
}

/** Active providers, for choosing whom a patient is assigned to. */
export async function listProviderOptions(db: Db, _actor: Actor) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "provider"), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.id))
    .limit(1000);
}

export type CreateAccountInput = { role: Role; name: string; email: string };

/**
 * Creates an account and emails it an invitation to choose a password (72 hours, single use).
 * A one-time temporary password is returned too, for people without email: shown once to the
 * admin, it must be changed at the first sign-in.
 */
export async function createAccount(
  db: Db,
  actor: Actor,
  input: CreateAccountInput,
  ip: string | null,
): Promise<{ id: string; temporaryPassword: string }> {
  const email = input.email.trim().toLowerCase();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        role: input.role,
        name: input.name.trim(),
        email,
        passwordHash,
        mustChangePassword: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created)
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        email: ["An account with this email already exists."],
      });
    await recordAudit(tx, {
      actor,
      action: "account.create",
      outcome: "success",
      targetType: "user",
      targetId: created.id,
      patientId: input.role === "patient" ? created.id : undefined,
      ip,
      details: { role: input.role },
    });
    await inviteAccounts(tx, actor, [{ id: created.id, email, role: input.role }], { ip });
    return created.id;
  });
  await wakeMailDelivery();
  return { id, temporaryPassword };
}

/**
 * Deactivates or reactivates an account. Either way its sessions end: a deactivated user is
 * signed out at their next request (every request reloads the account).
 */
export async function setAccountActive(
  db: Db,
  actor: Actor,
  input: { id: string; active: boolean },
  ip: string | null,
): Promise<{ id: string; active: boolean }> {
  if (input.id === actor.id && !input.active)
    throw badRequest("You cannot deactivate your own account. Ask another administrator.");
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({
        active: input.active,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, input.id))
      .returning({ id: users.id, role: users.role, active: users.active });
    if (!user) throw notFound("account");
    await recordAudit(tx, {
      actor,
      action: input.active ? "account.reactivate" : "account.deactivate",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      patientId: user.role === "patient" ? user.id : undefined,
      ip,
    });
    return { id: user.id, active: user.active };
  });
}
