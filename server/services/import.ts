import "server-only";
import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { careTeam, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password-hash";
import type { Actor } from "@/server/authz/policy";
import {
  DateOfBirthSchema,
  EmailSchema,
  MrnSchema,
  NameSchema,
  PhoneSchema,
} from "@/shared/identity";
import type { ImportRowInput, ImportRowResult } from "@/shared/patient-import";
import { text } from "@/shared/text";
import { recordAudit } from "./audit";
import { inviteAccounts } from "./invitations";
import { wakeMailDelivery } from "./outbox";
import { clinicToday } from "./settings";

const ImportRow = z.object({
  name: NameSchema,
  email: EmailSchema,
  providerEmail: text({
    max: 254,
    required: "Enter the provider's email.",
    tooLong: "An email address has at most 254 characters.",
  })
    .toLowerCase()
    .pipe(z.email("Enter the provider's email like name@example.com.")),
  dateOfBirth: DateOfBirthSchema.optional(),
  mrn: MrnSchema.optional(),
  phone: PhoneSchema.optional(),
});

const LABELS = {
  name: "Name",
  email: "Email",
  providerEmail: "Provider email",
  dateOfBirth: "Date of birth",
  mrn: "MRN",
  phone: "Phone",
} as const;

function rowProblems(error: z.ZodError): string {
  const fields = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return Object.entries(LABELS)
    .flatMap(([key, label]) => (fields[key]?.[0] ? [`${label}: ${fields[key]?.[0]}`] : []))
    .join(" ");
}

/**
 * Imports one chunk of patient rows in one transaction and reports every row. Idempotent on the
 * email (case-insensitive): an existing patient is not created again, only added to the
 * provider's care team if not yet on it ("assigned"); an email of a staff account is refused.
 *
 * New accounts get a random password nobody knows (hashed once per chunk) and an emailed
 * invitation to choose their own (72 hours; an admin can resend it, or issue a temporary password
 * with "Reset password"). No plain passwords for hundreds of patients are shown or stored.
 */
export async function importPatientRows(
  db: Db,
  actor: Actor,
  rows: readonly ImportRowInput[],
  ip: string | null,
): Promise<ImportRowResult[]> {
  const results: ImportRowResult[] = [];
  const valid: Array<{ row: number } & z.infer<typeof ImportRow>> = [];
  const firstRowOf = new Map<string, number>();
  const firstRowOfMrn = new Map<string, number>();
  const today = await clinicToday(db);
  for (const raw of rows) {
    const parsed = ImportRow.safeParse(raw);
    if (!parsed.success) {
      results.push({ row: raw.row, status: "invalid", message: rowProblems(parsed.error) });
      continue;
    }
    const first = firstRowOf.get(parsed.data.email);
    if (first !== undefined) {
      results.push({ row: raw.row, status: "invalid", message: `Same email as row ${first}.` });
      continue;
    }
    const mrn = parsed.data.mrn?.toLowerCase();
    const firstMrn = mrn ? firstRowOfMrn.get(mrn) : undefined;
    if (firstMrn !== undefined) {
      results.push({ row: raw.row, status: "invalid", message: `Same MRN as row ${firstMrn}.` });
      continue;
    }
    if (parsed.data.dateOfBirth && parsed.data.dateOfBirth > today) {
      results.push({
        row: raw.row,
        status: "invalid",
        message: "Date of birth: The date of birth cannot be in the future.",
      });
      continue;
    }
    firstRowOf.set(parsed.data.email, raw.row);
    if (mrn) firstRowOfMrn.set(mrn, raw.row);
    valid.push({ row: raw.row, ...parsed.data });
  }
  const unusableHash =
    valid.length > 0 ? await hashPassword(randomBytes(32).toString("base64url")) : "";
  const lowerEmail = sql<string>`lower(${users.email})`;
  const imported = await db.transaction(async (tx) => {
    const emails = [...new Set(valid.flatMap((r) => [r.email, r.providerEmail]))];
    const known =
      emails.length === 0
        ? []
        : await tx
            .select({ id: users.id, email: lowerEmail, role: users.role, active: users.active })
            .from(users)
            .where(inArray(lowerEmail, emails));
    const byEmail = new Map(known.map((u) => [u.email, u]));
    const mrns = [...new Set(valid.flatMap((r) => (r.mrn ? [r.mrn.toLowerCase()] : [])))];
    const lowerMrn = sql<string>`lower(${users.mrn})`;
    const takenMrns = new Map(
      (mrns.length === 0
        ? []
        : await tx
            .select({ mrn: lowerMrn, email: lowerEmail })
            .from(users)
            .where(inArray(lowerMrn, mrns))
      ).map((u) => [u.mrn, u.email]),
    );

    const toCreate: typeof valid = [];
    const toAssign: Array<{
      row: number;
      patientId: string;
      providerId: string;
      created: boolean;
    }> = [];
    for (const r of valid) {
      const provider = byEmail.get(r.providerEmail);
      const existing = byEmail.get(r.email);
      if (provider?.role !== "provider")
        results.push({
          row: r.row,
          status: "invalid",
          message: "No provider account has this provider email.",
        });
      else if (!provider.active)
        results.push({
          row: r.row,
          status: "invalid",
          message: "This provider's account is deactivated.",
        });
      else if (existing && existing.role !== "patient")
        results.push({
          row: r.row,
          status: "invalid",
          message: "This email belongs to a staff account.",
        });
      else if (r.mrn && !existing && takenMrns.has(r.mrn.toLowerCase()))
        results.push({
          row: r.row,
          status: "invalid",
          message: "MRN: Another patient already has this MRN.",
        });
      else if (existing)
        toAssign.push({
          row: r.row,
          patientId: existing.id,
          providerId: provider.id,
          created: false,
        });
      else toCreate.push(r);
    }

    const created =
      toCreate.length === 0
        ? []
        : await tx
            .insert(users)
            .values(
              toCreate.map((r) => ({
                role: "patient" as const,
                name: r.name,
                email: r.email,
                passwordHash: unusableHash,
                mustChangePassword: true,
                dateOfBirth: r.dateOfBirth ?? null,
                mrn: r.mrn ?? null,
                phone: r.phone ?? null,
              })),
            )
            // Another import created it meanwhile: it simply exists.
            .onConflictDoNothing()
            .returning({ id: users.id, email: users.email });
    const createdId = new Map(created.map((u) => [u.email, u.id]));
    for (const r of toCreate) {
      const id = createdId.get(r.email);
      const providerId = byEmail.get(r.providerEmail)?.id;
      if (id && providerId) toAssign.push({ row: r.row, patientId: id, providerId, created: true });
      else results.push({ row: r.row, status: "exists", message: "Already has an account." });
    }

    const assigned =
      toAssign.length === 0
        ? []
        : await tx
            .insert(careTeam)
            .values(
              toAssign.map((a) => ({
                patientId: a.patientId,
                providerId: a.providerId,
                assignedBy: actor.id,
              })),
            )
            .onConflictDoNothing()
            .returning({ patientId: careTeam.patientId, providerId: careTeam.providerId });
    const isNewAssignment = new Set(assigned.map((a) => `${a.patientId}:${a.providerId}`));

    for (const a of toAssign) {
      const assignedNow = isNewAssignment.has(`${a.patientId}:${a.providerId}`);
      if (a.created) {
        results.push({
          row: a.row,
          status: "created",
          message: "Account created; invitation sent.",
        });
        await recordAudit(tx, {
          actor,
          action: "account.create",
          outcome: "success",
          targetType: "user",
          targetId: a.patientId,
          patientId: a.patientId,
          ip,
          details: { role: "patient", via: "import" },
        });
      } else
        results.push({
          row: a.row,
          status: assignedNow ? "assigned" : "exists",
          message: assignedNow
            ? "Already has an account; added to this provider's care team."
            : "Already has an account and this provider.",
        });
      if (assignedNow)
        await recordAudit(tx, {
          actor,
          action: "care_team.assign",
          outcome: "success",
          targetType: "user",
          targetId: a.providerId,
          patientId: a.patientId,
          ip,
          details: { via: "import" },
        });
    }

    await inviteAccounts(
      tx,
      actor,
      created.map((u) => ({ id: u.id, email: u.email, role: "patient" as const })),
      { ip },
    );

    const counts = Object.fromEntries(
      (["created", "exists", "assigned", "invalid"] as const).map((s) => [
        s,
        results.filter((r) => r.status === s).length,
      ]),
    );
    await recordAudit(tx, {
      actor,
      action: "import.patients",
      outcome: "success",
      ip,
      details: { rows: rows.length, ...counts },
    });
    return results.sort((a, b) => a.row - b.row);
  });
  await wakeMailDelivery();
  return imported;
}
