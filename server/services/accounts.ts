import "server-only";
import { and, asc, count, eq, ilike, inArray, max, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { auditEvents, careTeam, userMfa, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password-hash";
import type { Actor, Role } from "@/server/authz/policy";
import { AppError, badRequest, notFound } from "@/server/errors";
import { emailChangedEmail } from "@/server/mail/templates";
import { daysBetween, yearsBetween } from "@/server/outcomes/dates";
import { parsePatientSearch } from "@/shared/patient-search";
import { latestProcedure } from "./assessments";
import { recordAudit, recordAudits } from "./audit";
import { inviteAccounts } from "./invitations";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { generateTemporaryPassword } from "./passwords";
import { clinicToday, getClinicSettings } from "./settings";

export type AccountListInput = { search?: string; role?: Role; page: number; pageSize: number };

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** How many of a patient's providers the account list names; the rest are counted. */
export const LIST_PROVIDERS = 3;

/**
 * Accounts for the admin console: searched by name, email or MRN (a part of any) or date of birth
 * (however it is typed: "31/01/1958", "31 Jan 1958", "1958-01-31"), filtered by
 * role, paginated; each with its MRN, its care team (a patient's providers, a provider's number
 * of patients) and its last sign-in. A patient's details on the page are a read of that
 * patient's data: one audit row per patient shown (decision 009).
 */
export async function listAccounts(
  db: Db,
  actor: Actor,
  input: AccountListInput,
  ip: string | null = null,
) {
  const filters: SQL[] = [];
  if (input.role) filters.push(eq(users.role, input.role));
  // The staff's one patient search (shared/patient-search.ts), as the provider's caseload reads it.
  const search = parsePatientSearch(input.search, await clinicToday(db));
  if (search) {
    const pattern = containsPattern(search.needle);
    const match = or(
      ilike(users.name, pattern),
      ilike(users.email, pattern),
      ilike(users.mrn, pattern),
      ...(search.dates.length ? [inArray(users.dateOfBirth, search.dates)] : []),
    );
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
        mrn: users.mrn,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(users).where(where),
  ]);
  const details = await accountListDetails(db, rows);
  await auditPatientsShown(db, actor, rows, "account_list", ip);
  return {
    rows: rows.map((row) => ({
      ...row,
      providers: details.providers.get(row.id) ?? { names: [], total: 0 },
      patientCount: row.role === "provider" ? (details.patientCounts.get(row.id) ?? 0) : null,
      lastSignInAt: details.lastSignIn.get(row.id) ?? null,
    })),
    total: total?.value ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * The account list's columns beyond the user row, for one page of accounts in three queries: the
 * patients' providers (the first LIST_PROVIDERS by name, and how many), the providers' numbers of
 * patients, and each account's last sign-in (the audit trail's latest successful `auth.sign_in`,
 * which outlives the purged sessions).
 */
async function accountListDetails(db: Db, rows: ReadonlyArray<{ id: string; role: Role }>) {
  const patientIds = rows.filter((r) => r.role === "patient").map((r) => r.id);
  const providerIds = rows.filter((r) => r.role === "provider").map((r) => r.id);
  const ids = rows.map((r) => r.id);
  const [teams, counts, signIns] = await Promise.all([
    patientIds.length === 0
      ? []
      : db
          .select({ patientId: careTeam.patientId, name: users.name })
          .from(careTeam)
          .innerJoin(users, eq(users.id, careTeam.providerId))
          .where(inArray(careTeam.patientId, patientIds))
          .orderBy(asc(users.name), asc(users.id)),
    providerIds.length === 0
      ? []
      : db
          .select({ providerId: careTeam.providerId, value: count() })
          .from(careTeam)
          .where(inArray(careTeam.providerId, providerIds))
          .groupBy(careTeam.providerId),
    ids.length === 0
      ? []
      : db
          .select({ actorId: auditEvents.actorId, at: max(auditEvents.at) })
          .from(auditEvents)
          .where(
            and(
              inArray(auditEvents.actorId, ids),
              eq(auditEvents.action, "auth.sign_in"),
              eq(auditEvents.outcome, "success"),
            ),
          )
          .groupBy(auditEvents.actorId),
  ]);
  const providers = new Map<string, { names: string[]; total: number }>();
  for (const t of teams) {
    const team = providers.get(t.patientId) ?? { names: [], total: 0 };
    if (team.names.length < LIST_PROVIDERS) team.names.push(t.name);
    team.total++;
    providers.set(t.patientId, team);
  }
  return {
    providers,
    patientCounts: new Map(counts.map((c) => [c.providerId, c.value])),
    lastSignIn: new Map(signIns.flatMap((s) => (s.actorId && s.at ? [[s.actorId, s.at]] : []))),
  };
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
      dateOfBirth: users.dateOfBirth,
      mrn: users.mrn,
      phone: users.phone,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      /** A confirmed authenticator (staff): an admin can reset it. */
      mfaEnabled: sql<boolean>`exists (select 1 from ${userMfa} where ${userMfa.userId} = ${users.id} and ${userMfa.confirmedAt} is not null)`,
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
  // A patient's page starts with their banner
  // (docs/decisions/012-patient-identity-and-presentation.md): age and the latest procedure's day.
  const today = user.role === "patient" ? await clinicToday(db) : null;
  const latest = user.role === "patient" ? await latestProcedure(db, user.id) : null;
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
    age: today && user.dateOfBirth ? yearsBetween(user.dateOfBirth, today) : null,
    procedure:
      latest && today
        ? {
            performedOn: latest.performedOn,
            region: latest.region,
            side: latest.side,
            modality: latest.modality,
            day: daysBetween(latest.performedOn, today),
          }
        : null,
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

export type PatientIdentity = {
  dateOfBirth: string | null;
  mrn: string | null;
  phone: string | null;
};

export type CreateAccountInput = {
  role: Role;
  name: string;
  email: string;
  dateOfBirth?: string | null | undefined;
  mrn?: string | null | undefined;
  phone?: string | null | undefined;
  providerIds?: string[] | undefined;
};

const FIX_FIELDS = "Please correct the highlighted fields.";
const MRN_TAKEN = "Another patient already has this MRN.";

/** Identity checks the input schema cannot make: not born in the future; the MRN not taken. */
async function checkIdentity(
  db: DbOrTx,
  identity: Partial<PatientIdentity>,
  exceptId: string | null,
): Promise<void> {
  if (identity.dateOfBirth && identity.dateOfBirth > (await clinicToday(db))) {
    throw badRequest(FIX_FIELDS, { dateOfBirth: ["The date of birth cannot be in the future."] });
  }
  if (identity.mrn && (await mrnTaken(db, identity.mrn, exceptId))) {
    throw new AppError("CONFLICT", MRN_TAKEN, { mrn: [MRN_TAKEN] });
  }
}

async function mrnTaken(db: DbOrTx, mrn: string, exceptId: string | null) {
  const filters = [sql`lower(${users.mrn}) = lower(${mrn})`];
  if (exceptId) filters.push(ne(users.id, exceptId));
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(...filters))
    .limit(1);
  return row !== undefined;
}

/** The MRN's unique index refused a write (two admins gave the same MRN at once). */
function isMrnConflict(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const x = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (x.code === "23505" && [x.constraint_name, x.constraint].includes("users_mrn_lower_idx"))
      return true;
  }
  return false;
}

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
): Promise<{ id: string; temporaryPassword: string; providers: string[] }> {
  const email = input.email.trim().toLowerCase();
  const identity: PatientIdentity = {
    dateOfBirth: input.dateOfBirth ?? null,
    mrn: input.mrn ?? null,
    phone: input.phone ?? null,
  };
  const providerIds = input.providerIds ?? [];
  if (input.role !== "patient") {
    const onlyPatients: Record<string, string[]> = {};
    for (const key of ["dateOfBirth", "mrn", "phone"] as const)
      if (identity[key]) onlyPatients[key] = ["Only a patient account has this."];
    if (providerIds.length > 0) onlyPatients.providerIds = ["Only patients have a care team."];
    if (Object.keys(onlyPatients).length > 0) throw badRequest(FIX_FIELDS, onlyPatients);
  }
  await checkIdentity(db, identity, null);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const { id, providers } = await db.transaction(async (tx) => {
    const team =
      providerIds.length === 0
        ? []
        : await tx
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(
              and(
                inArray(users.id, providerIds),
                eq(users.role, "provider"),
                eq(users.active, true),
              ),
            );
    if (team.length !== providerIds.length)
      throw badRequest(FIX_FIELDS, { providerIds: ["Choose active providers from the list."] });
    const [created] = await tx
      .insert(users)
      .values({
        role: input.role,
        name: input.name.trim(),
        email,
        passwordHash,
        mustChangePassword: true,
        ...identity,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) {
      // The email or (when two admins race) the MRN is taken.
      if (identity.mrn && (await mrnTaken(tx, identity.mrn, null)))
        throw new AppError("CONFLICT", MRN_TAKEN, { mrn: [MRN_TAKEN] });
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        email: ["An account with this email already exists."],
      });
    }
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
    if (team.length > 0) {
      await tx
        .insert(careTeam)
        .values(
          team.map((p) => ({ providerId: p.id, patientId: created.id, assignedBy: actor.id })),
        );
      for (const p of team)
        await recordAudit(tx, {
          actor,
          action: "care_team.assign",
          outcome: "success",
          targetType: "user",
          targetId: p.id,
          patientId: created.id,
          ip,
        });
    }
    await inviteAccounts(tx, actor, [{ id: created.id, email, role: input.role }], { ip });
    return { id: created.id, providers: team.map((p) => p.name) };
  });
  await wakeMailDelivery();
  return { id, temporaryPassword, providers };
}

/**
 * Changes a patient's name and identity (docs/decisions/012-patient-identity-and-presentation.md).
 * Audited with which fields changed, not their values.
 */
export async function updatePatientIdentity(
  db: Db,
  actor: Actor,
  input: PatientIdentity & { id: string; name: string },
  ip: string | null,
): Promise<{ id: string }> {
  const [current] = await db
    .select({
      role: users.role,
      name: users.name,
      dateOfBirth: users.dateOfBirth,
      mrn: users.mrn,
      phone: users.phone,
    })
    .from(users)
    .where(eq(users.id, input.id))
    .limit(1);
  if (!current) throw notFound("account");
  if (current.role !== "patient")
    throw badRequest("Only a patient account has a date of birth, MRN and phone.");
  await checkIdentity(db, input, input.id);
  const next = {
    name: input.name.trim(),
    dateOfBirth: input.dateOfBirth,
    mrn: input.mrn,
    phone: input.phone,
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
    (k) => next[k] !== current[k],
  );
  if (changed.length === 0) return { id: input.id };
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ ...next, updatedAt: sql`now()` })
        .where(eq(users.id, input.id));
      await recordAudit(tx, {
        actor,
        action: "account.update_identity",
        outcome: "success",
        targetType: "user",
        targetId: input.id,
        patientId: input.id,
        ip,
        details: { fields: changed },
      });
    });
  } catch (error) {
    if (isMrnConflict(error)) throw new AppError("CONFLICT", MRN_TAKEN, { mrn: [MRN_TAKEN] });
    throw error;
  }
  return { id: input.id };
}

/**
 * Changes a patient's sign-in email (issue 23): the new address is re-verified by a new invitation
 * (its link lets them choose a password), earlier invitation and reset links stop working, the
 * patient's sessions end, and the old address is told (without the new one). Audited without
 * either address.
 */
export async function changePatientEmail(
  db: Db,
  actor: Actor,
  input: { id: string; email: string },
  ip: string | null,
): Promise<{ id: string }> {
  const [current] = await db
    .select({ role: users.role, email: users.email })
    .from(users)
    .where(eq(users.id, input.id))
    .limit(1);
  if (!current) throw notFound("account");
  if (current.role !== "patient") {
    throw badRequest("Only a patient's email can be changed here.");
  }
  if (current.email === input.email) {
    throw badRequest("Please correct the highlighted fields.", {
      email: ["This is already the patient's email."],
    });
  }
  const taken = async () => {
    const [other] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1);
    return Boolean(other);
  };
  const TAKEN = "An account with this email already exists.";
  if (await taken()) throw new AppError("CONFLICT", TAKEN, { email: [TAKEN] });
  const settings = await getClinicSettings(db);
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          email: input.email,
          sessionVersion: sql`${users.sessionVersion} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, input.id));
      await queueEmail(tx, {
        kind: "email_changed",
        userId: input.id,
        to: current.email,
        email: emailChangedEmail({
          url: `${settings.publicUrl}/signin`,
          clinic: { name: settings.clinicName, phone: settings.clinicPhone },
        }),
      });
      await inviteAccounts(tx, actor, [{ id: input.id, email: input.email, role: "patient" }], {
        ip,
        resend: true,
      });
      await recordAudit(tx, {
        actor,
        action: "account.change_email",
        outcome: "success",
        targetType: "user",
        targetId: input.id,
        patientId: input.id,
        ip,
        details: { fields: ["email"] },
      });
    });
  } catch (error) {
    if (await taken()) throw new AppError("CONFLICT", TAKEN, { email: [TAKEN] });
    throw error;
  }
  await wakeMailDelivery();
  return { id: input.id };
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
