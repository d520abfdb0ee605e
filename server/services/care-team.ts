import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { careTeam, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound } from "@/server/errors";
import { recordAudit } from "./audit";

export type CareTeamInput = { patientId: string; providerId: string };

/** The two accounts of an assignment, checked to be a patient and a provider. */
async function loadPair(db: Db, input: CareTeamInput) {
  const rows = await db
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(inArray(users.id, [input.patientId, input.providerId]));
  const patient = rows.find((r) => r.id === input.patientId);
  const provider = rows.find((r) => r.id === input.providerId);
  if (!patient || !provider) throw notFound("account");
  if (patient.role !== "patient")
    throw badRequest("Only a patient account can be assigned to a provider.", {
      patientId: ["This account is not a patient."],
    });
  if (provider.role !== "provider")
    throw badRequest("Patients can only be assigned to a provider account.", {
      providerId: ["Choose a provider."],
    });
  return { patient, provider };
}

/** Puts a patient on a provider's care team. Assigning twice changes nothing. */
export async function assignPatient(
  db: Db,
  actor: Actor,
  input: CareTeamInput,
  ip: string | null,
): Promise<{ assigned: boolean }> {
  const { provider } = await loadPair(db, input);
  if (!provider.active)
    throw badRequest("This provider's account is deactivated. Choose an active provider.", {
      providerId: ["This provider's account is deactivated."],
    });
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(careTeam)
      .values({ patientId: input.patientId, providerId: input.providerId, assignedBy: actor.id })
      .onConflictDoNothing()
      .returning({ patientId: careTeam.patientId });
    if (inserted.length > 0)
      await recordAudit(tx, {
        actor,
        action: "care_team.assign",
        outcome: "success",
        targetType: "user",
        targetId: input.providerId,
        patientId: input.patientId,
        ip,
      });
    return { assigned: inserted.length > 0 };
  });
}

/** Takes a patient off a provider's care team. */
export async function unassignPatient(
  db: Db,
  actor: Actor,
  input: CareTeamInput,
  ip: string | null,
): Promise<{ ok: true }> {
  await loadPair(db, input);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(careTeam)
      .where(
        and(eq(careTeam.patientId, input.patientId), eq(careTeam.providerId, input.providerId)),
      )
      .returning({ patientId: careTeam.patientId });
    if (removed.length === 0) throw notFound("care-team assignment");
    await recordAudit(tx, {
      actor,
      action: "care_team.unassign",
      outcome: "success",
      targetType: "user",
      targetId: input.providerId,
      patientId: input.patientId,
      ip,
    });
  });
  return { ok: true };
}
