// Record scope for the provider workspace (ARCHITECTURE.md#authorization): a provider reaches a
// patient only through the care team; an admin reads or exports a patient's record only through
// an open support access (docs/decisions/036-support-access.md; every read audited). Anything
// else is "not found", so patient ids cannot be probed.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { careTeam, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { canManagePatient, canReadPatient } from "@/server/authz/policy";
import { notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { requireSupportAccess } from "./support-access";

/**
 * A patient as staff pages show them: identity for the banner
 * (docs/decisions/012-patient-identity-and-presentation.md).
 */
export type PatientSummary = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  dateOfBirth: string | null;
  mrn: string | null;
  phone: string | null;
};

const summaryOf = ({ assigned: _, ...patient }: PatientSummary & { assigned: boolean }) => patient;

/** The patient with whether `actor` (a provider) is on their care team; null if no such patient. */
async function loadPatient(db: DbOrTx, actor: Actor, patientId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      dateOfBirth: users.dateOfBirth,
      mrn: users.mrn,
      phone: users.phone,
      assigned: sql<boolean>`exists (select 1 from ${careTeam} where ${careTeam.providerId} = ${actor.id} and ${careTeam.patientId} = ${users.id})`,
    })
    .from(users)
    .where(and(eq(users.id, patientId), eq(users.role, "patient")))
    .limit(1);
  return row ?? null;
}

/**
 * A patient the actor may read (provider: on their care team; admin: any patient, through an open
 * support access, else FORBIDDEN), else NOT_FOUND.
 * The read is audited as `patient.read` with what was read (`view`). `record` names what the
 * caller addressed (a procedure's id reaches its patient): out of scope answers exactly like an
 * id that does not exist, so ids cannot be probed.
 */
export async function readablePatient(
  db: DbOrTx,
  actor: Actor,
  patientId: string,
  audit: { view: string; ip?: string | null; record?: string },
): Promise<PatientSummary> {
  const row = await loadPatient(db, actor, patientId);
  if (!row || actor.role === "patient" || !canReadPatient(actor, patientId, row.assigned)) {
    throw notFound(audit.record ?? "patient");
  }
  await requireSupportAccess(db, actor, row.id);
  await recordAudit(db, {
    actor,
    action: "patient.read",
    outcome: "success",
    targetType: "user",
    targetId: row.id,
    patientId: row.id,
    ip: audit.ip ?? null,
    details: { view: audit.view },
  });
  return summaryOf(row);
}

/**
 * A patient on the acting provider's care team (to record procedures and decisions), else
 * NOT_FOUND of the `record` the caller addressed (as for an id that does not exist).
 */
export async function managedPatient(
  db: DbOrTx,
  actor: Actor,
  patientId: string,
  record = "patient",
): Promise<PatientSummary> {
  const row = await loadPatient(db, actor, patientId);
  if (!row || !canManagePatient(actor, row.assigned)) throw notFound(record);
  return summaryOf(row);
}

export type PatientIdentity = PatientSummary;

/**
 * The patient whose records `actor` may export (ARCHITECTURE.md#authorization,
 * docs/decisions/015-fhir-export.md), with their identity
 * (docs/decisions/012-patient-identity-and-presentation.md): a patient only themselves, a provider
 * their care team's patients, an admin any patient but only through an open support access
 * (else FORBIDDEN, with the words to open one); else NOT_FOUND. Not audited here: the caller
 * records the export it makes.
 */
export async function exportablePatient(
  db: DbOrTx,
  actor: Actor,
  patientId: string,
): Promise<PatientIdentity> {
  const row = await loadPatient(db, actor, patientId);
  if (!row || !canReadPatient(actor, row.id, row.assigned)) throw notFound("patient");
  await requireSupportAccess(db, actor, row.id);
  return summaryOf(row);
}
