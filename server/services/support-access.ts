// Break-the-glass support reads (docs/decisions/036-support-access.md): an admin reads a patient's
// review only through an access opened for that patient with a reason, for one hour; the care team
// sees every access of the last 90 days on the review page.
import "server-only";
import { and, desc, eq, gt, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { supportAccess, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { forbidden, notFound } from "@/server/errors";
import { recordAudit } from "./audit";

/** How long one support access lasts. */
export const SUPPORT_ACCESS_MS = 60 * 60_000;
/** How far back the care team sees support accesses. */
const SHOWN_DAYS = 90;

/** The admin's open access to the patient's review, or null. */
export async function activeSupportAccess(
  db: DbOrTx,
  adminId: string,
  patientId: string,
  now: Date = new Date(),
) {
  const [row] = await db
    .select({
      id: supportAccess.id,
      reason: supportAccess.reason,
      expiresAt: supportAccess.expiresAt,
    })
    .from(supportAccess)
    .where(
      and(
        eq(supportAccess.adminId, adminId),
        eq(supportAccess.patientId, patientId),
        gt(supportAccess.expiresAt, now),
      ),
    )
    .orderBy(desc(supportAccess.expiresAt))
    .limit(1);
  return row ?? null;
}

/** Refuses an admin's read of a patient's review without an open support access. */
export async function requireSupportAccess(db: DbOrTx, actor: Actor, patientId: string) {
  if (actor.role !== "admin") return;
  if (!(await activeSupportAccess(db, actor.id, patientId))) {
    throw forbidden("Open support access for this patient first: say why, and it lasts an hour.");
  }
}

/** Opens an hour of read-only access to one patient's review, with the admin's reason; audited. */
export async function openSupportAccess(
  db: DbOrTx,
  actor: Actor,
  input: { patientId: string; reason: string },
  ip: string | null = null,
  now: Date = new Date(),
) {
  const [patient] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.patientId), eq(users.role, "patient")))
    .limit(1);
  if (!patient) throw notFound("patient");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportAccess)
      .values({
        adminId: actor.id,
        patientId: patient.id,
        reason: input.reason,
        expiresAt: new Date(now.getTime() + SUPPORT_ACCESS_MS),
      })
      .returning({ id: supportAccess.id, expiresAt: supportAccess.expiresAt });
    if (!row) throw new Error("support access insert returned nothing");
    // The reason is kept with the access (the care team reads it there), not in the audit trail.
    await recordAudit(tx, {
      actor,
      action: "support.open",
      outcome: "success",
      targetType: "user",
      targetId: patient.id,
      patientId: patient.id,
      ip,
      details: { accessId: row.id, expiresAt: row.expiresAt.toISOString() },
    });
    return row;
  });
}

/** The support accesses to a patient's record in the last 90 days, newest first. */
export async function supportAccessesOf(db: DbOrTx, patientId: string, now: Date = new Date()) {
  return db
    .select({
      id: supportAccess.id,
      adminName: users.name,
      reason: supportAccess.reason,
      createdAt: supportAccess.createdAt,
      expiresAt: supportAccess.expiresAt,
    })
    .from(supportAccess)
    .innerJoin(users, eq(users.id, supportAccess.adminId))
    .where(
      and(
        eq(supportAccess.patientId, patientId),
        gte(supportAccess.createdAt, new Date(now.getTime() - SHOWN_DAYS * 86_400_000)),
      ),
    )
    .orderBy(desc(supportAccess.createdAt))
    .limit(20);
}
