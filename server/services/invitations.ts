import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password-hash";
import type { Actor, Role } from "@/server/authz/policy";
import { badRequest, notFound } from "@/server/errors";
import { invitationEmail } from "@/server/mail/templates";
import { recordAudit } from "./audit";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { passwordProblem } from "./passwords";
import { getClinicSettings } from "./settings";

/**
 * How long an invitation link works (docs/decisions/014-invitations-reminders-notifications.md).
 */
export const INVITATION_HOURS = 72;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The two kinds of link that let a person choose a password (invitations.purpose). */
export type LinkPurpose = "invitation" | "password_reset";

type Invitee = { id: string; email: string; role: Role };

/**
 * Invites accounts to choose their password: one single-use link each (256 random bits; only its
 * SHA-256 is stored), valid INVITATION_HOURS, sent through the outbox in the caller's
 * transaction. Earlier links of the same accounts stop working. Audited per account. Call
 * `wakeMailDelivery()` after the transaction commits. Returns the links, in the invitees' order
 * (only the first administrator's is ever shown outside the email: on the console at start).
 */
export async function inviteAccounts(
  tx: DbOrTx,
  actor: Actor | null,
  invitees: readonly Invitee[],
  opts: { ip: string | null; resend?: boolean; now?: Date },
): Promise<string[]> {
  const links: string[] = [];
  if (invitees.length === 0) return links;
  const now = opts.now ?? new Date();
  const ids = invitees.map((i) => i.id);
  await tx
    .update(invitations)
    .set({ expiresAt: now })
    .where(
      and(
        inArray(invitations.userId, ids),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  const settings = await getClinicSettings(tx);
  const clinic = { name: settings.clinicName, phone: settings.clinicPhone };
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3_600_000);
  for (const invitee of invitees) {
    const token = randomBytes(32).toString("base64url");
    links.push(`${settings.publicUrl}/invite/${token}`);
    await tx.insert(invitations).values({
      userId: invitee.id,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: actor?.id ?? null,
    });
    await queueEmail(tx, {
      kind: "invitation",
      userId: invitee.id,
      to: invitee.email,
      email: invitationEmail({
        url: links[links.length - 1] ?? "",
        clinic,
        staff: invitee.role !== "patient",
      }),
    });
    await recordAudit(tx, {
      actor,
      action: opts.resend ? "account.invitation_resend" : "account.invite",
      outcome: "success",
      targetType: "user",
      targetId: invitee.id,
      patientId: invitee.role === "patient" ? invitee.id : undefined,
      ip: opts.ip,
      details: { expiresAt: expiresAt.toISOString() },
    });
  }
  return links;
}

/** An admin sends a new invitation; the earlier link of the account stops working. */
export async function resendInvitation(
  db: Db,
  actor: Actor,
  userId: string,
  ip: string | null,
): Promise<{ email: string }> {
  const [user] = await db
    .select({ id: users.id, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw notFound("account");
  if (!user.active) throw badRequest("Reactivate the account before you invite this person.");
  await db.transaction((tx) => inviteAccounts(tx, actor, [user], { ip, resend: true }));
  await wakeMailDelivery();
  return { email: user.email };
}

export type InvitationState = "valid" | "used" | "expired" | "unknown";

async function findInvitation(db: DbOrTx, token: string, purpose: LinkPurpose) {
  const [row] = await db
    .select({
      id: invitations.id,
      userId: invitations.userId,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), eq(invitations.purpose, purpose)))
    .limit(1);
  return row;
}

const stateOf = (row: Awaited<ReturnType<typeof findInvitation>>, now: Date): InvitationState =>
  !row?.active
    ? "unknown"
    : row.usedAt
      ? "used"
      : row.expiresAt.getTime() <= now.getTime()
        ? "expired"
        : "valid";

/**
 * What the invitation page (or the password-reset page) shows: whether the link works and, if it
 * does, for which email.
 */
export async function checkInvitation(
  db: Db,
  token: string,
  now: Date = new Date(),
  purpose: LinkPurpose = "invitation",
): Promise<{
  state: InvitationState;
  email: string | null;
  clinicName: string | null;
  clinicPhone: string | null;
}> {
  const [row, settings] = await Promise.all([
    findInvitation(db, token, purpose),
    getClinicSettings(db),
  ]);
  const state = stateOf(row, now);
  return {
    state,
    email: state === "valid" && row ? row.email : null,
    clinicName: settings.clinicName,
    clinicPhone: settings.clinicPhone,
  };
}

const REFUSED: Record<LinkPurpose, Record<Exclude<InvitationState, "valid">, string>> = {
  invitation: {
    used: "This invitation link has already been used. Sign in with your password, or ask the clinic for a new link.",
    expired: "This invitation link has expired. Ask the clinic to send you a new one.",
    unknown: "This invitation link is not valid. Ask the clinic to send you a new one.",
  },
  password_reset: {
    used: "This reset link has already been used. Sign in with your password, or ask for a new link on the sign-in page.",
    expired: "This reset link has expired. Ask for a new one on the sign-in page.",
    unknown: "This reset link is not valid. Ask for a new one on the sign-in page.",
  },
};
const ACCEPT_ACTION: Record<LinkPurpose, string> = {
  invitation: "account.invitation_accept",
  password_reset: "account.password_reset_complete",
};

/**
 * The invited person (or the person who asked for a reset) chooses their password (the password
 * policy applies). The link is used up, every other link and session of the account ends, and the
 * caller signs them in with the email returned (a staff account's second factor is still asked at
 * that sign-in). A used, expired or unknown link is refused.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string },
  ip: string | null,
  now: Date = new Date(),
  purpose: LinkPurpose = "invitation",
): Promise<{ email: string }> {
  const found = await findInvitation(db, input.token, purpose);
  const state = stateOf(found, now);
  const refused = REFUSED[purpose];
  if (state !== "valid" || !found) {
    await recordAudit(db, {
      actor: found ? { id: found.userId, role: found.role } : null,
      action: ACCEPT_ACTION[purpose],
      outcome: "failure",
      ip,
      details: { reason: state },
    });
    throw badRequest(refused[state === "valid" ? "unknown" : state]);
  }
  const problem = passwordProblem(input.password, found);
  if (problem) throw badRequest("Please correct the highlighted fields.", { password: [problem] });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // Only the first of two simultaneous uses gets the link.
    const [used] = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, found.id), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (!used) throw badRequest(refused.used);
    await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.userId, found.userId), isNull(invitations.usedAt)));
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, found.userId));
    await recordAudit(tx, {
      actor: { id: found.userId, role: found.role },
      action: ACCEPT_ACTION[purpose],
      outcome: "success",
      targetType: "user",
      targetId: found.userId,
      patientId: found.role === "patient" ? found.userId : undefined,
      ip,
    });
  });
  return { email: found.email };
}
