import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";

export type AuditEvent = {
  actor?: Pick<Actor, "id" | "role"> | null;
  /** dotted verb, e.g. `auth.sign_in`, `diary.add`, `patient.read`, `request.denied` */
  action: string;
  outcome: "success" | "failure" | "denied";
  targetType?: string;
  targetId?: string;
  patientId?: string;
  ip?: string | null;
  /** ids and codes only: never names, emails or clinical content */
  details?: Record<string, unknown>;
};

/**
 * A refused request (signed out, wrong role, record out of scope, cross-site): the one way every
 * entry point (tRPC, route handlers, page guards) audits it. `details` names what was refused
 * (`procedure`, `route` or `page`) and the code; never patient data.
 */
export async function recordDenial(
  db: DbOrTx,
  actor: AuditEvent["actor"],
  ip: string | null,
  details: Record<string, string | null>,
): Promise<void> {
  await recordAudit(db, { actor, action: "request.denied", outcome: "denied", ip, details });
}

export async function recordAudit(db: DbOrTx, event: AuditEvent): Promise<void> {
  await recordAudits(db, [event]);
}

/** Several events in one statement (e.g. one per patient shown on a page). */
export async function recordAudits(db: DbOrTx, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(
    events.map((event) => ({
      actorId: event.actor?.id ?? null,
      actorRole: event.actor?.role ?? null,
      action: event.action,
      outcome: event.outcome,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      patientId: event.patientId ?? null,
      ip: event.ip ?? null,
      details: event.details ?? null,
    })),
  );
}
