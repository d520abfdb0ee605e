import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { passwordResetEmail } from "@/server/mail/templates";
import { recordAudit } from "./audit";
import { isLocked, recordFailure, type ThrottleKey } from "./auth";
import { hashToken } from "./invitations";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { getClinicSettings } from "./settings";

/** How long a reset link works (docs/decisions/025-self-service-password-reset.md). */
export const RESET_LINK_MINUTES = 60;

/** Requests counted per address and per network address (the sign-in throttle's counters). */
export const RESET_THROTTLE = { account: 3, address: 20 } as const;

const resetKeys = (email: string, ip: string | null): ThrottleKey[] => [
  { key: `reset:${email}`, ceiling: RESET_THROTTLE.account },
  ...(ip ? [{ key: `reset-ip:${ip}`, ceiling: RESET_THROTTLE.address }] : []),
];

/**
 * "Forgot your password?": when an active account has this email, a single-use link valid
 * RESET_LINK_MINUTES (only its SHA-256 stored) goes out through the outbox; its earlier unused
 * links stop working. The caller's answer is the same whether or not the account exists, and
 * whether or not the request was throttled (per address and per network address). Audited.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string },
  ip: string | null,
  now: Date = new Date(),
): Promise<{ ok: true }> {
  const email = input.email.trim().toLowerCase();
  const keys = resetKeys(email, ip);
  const [user] = await db
    .select({ id: users.id, role: users.role, email: users.email, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const actor = user ? { id: user.id, role: user.role } : null;
  const audit = { actor, action: "account.password_reset_request", ip } as const;
  if (await isLocked(db, keys)) {
    await recordAudit(db, { ...audit, outcome: "denied", details: { reason: "throttled" } });
    return { ok: true };
  }
  await recordFailure(db, keys);
  if (!user?.active) {
    await recordAudit(db, {
      ...audit,
      outcome: "failure",
      details: { reason: user ? "inactive" : "unknown" },
    });
    return { ok: true };
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  const settings = await getClinicSettings(db);
  await db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(
        and(
          eq(invitations.userId, user.id),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, now),
        ),
      );
    await tx.insert(invitations).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
      purpose: "password_reset",
    });
    await queueEmail(tx, {
      kind: "password_reset",
      userId: user.id,
      to: user.email,
      email: passwordResetEmail({
        url: `${settings.publicUrl}/reset/${token}`,
        clinic: { name: settings.clinicName, phone: settings.clinicPhone },
      }),
    });
    await recordAudit(tx, {
      ...audit,
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      patientId: user.role === "patient" ? user.id : undefined,
      details: { expiresAt: expiresAt.toISOString() },
    });
  });
  await wakeMailDelivery();
  return { ok: true };
}
