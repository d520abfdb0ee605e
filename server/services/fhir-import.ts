// Import of one patient's FHIR Bundle (SPEC 8, round trip; docs/decisions/028-fhir-import.md): the
// pure inverse mapping (server/fhir/inverse.ts) reads it, this use case checks what only the
// database knows (a taken email or MRN) and stores the patient, their procedures and diary entries
// in one transaction, or nothing. The new patient gets an invitation (section 7.4).
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { blockRecords, diagnosticBlocks, diaryEntries, procedures, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password-hash";
import type { Actor } from "@/server/authz/policy";
import { bundleToRecord, type ImportedRecord, type ImportProblem } from "@/server/fhir/inverse";
import { recordAudit } from "./audit";
import { inviteAccounts } from "./invitations";
import { wakeMailDelivery } from "./outbox";
import { clinicToday } from "./settings";

export type FhirImportSummary = {
  patientId: string | null;
  name: string;
  procedures: number;
  entries: number;
  /** Resources read but not imported, by type (care plans). */
  skipped: Record<string, number>;
};

export type FhirImportResult =
  | { ok: false; problems: ImportProblem[] }
  | { ok: true; stored: boolean; summary: FhirImportSummary };

/** A problem the database found: raised inside the transaction so that it rolls back. */
class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super("import refused");
  }
}

/** What only the clinic's data can tell: the email or MRN taken, dates in the future. */
async function databaseProblems(
  db: Db | Parameters<Parameters<Db["transaction"]>[0]>[0],
  record: Pick<ImportedRecord, "patient"> & Partial<ImportedRecord>,
  resource: string,
  today: string,
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const { email, mrn, dateOfBirth } = record.patient;
  const [byEmail] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (byEmail)
    problems.push({
      resource,
      message: "An account with this email already exists in this clinic.",
    });
  if (mrn) {
    const [byMrn] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.mrn})`, mrn.toLowerCase()))
      .limit(1);
    if (byMrn)
      problems.push({
        resource,
        message: `Another patient in this clinic already has the MRN ${mrn}.`,
      });
  }
  if (dateOfBirth && dateOfBirth > today)
    problems.push({ resource, message: "The date of birth is in the future." });
  for (const p of record.procedures ?? [])
    if (p.performedOn > today)
      problems.push({
        resource: `Procedure/${p.sourceId}`,
        message: `The procedure's date (${p.performedOn}) is in the future.`,
      });
  for (const e of record.entries ?? [])
    if (e.entryDate > today)
      problems.push({
        resource: `Observation/pain-${e.sourceId}`,
        message: `The entry's date (${e.entryDate}) is in the future.`,
      });
  return problems;
}

/**
 * Checks a Bundle (JSON text) and, unless `checkOnly`, stores it: the patient account (invited),
 * each procedure with its technique and baseline, each diary entry. Every problem is listed by
 * resource and then nothing is stored. Admins only (the router's procedure; the audit names the
 * actor). Audited: the import with its counts, and each account, procedure and entry created.
 */
export async function importFhirBundle(
  db: Db,
  actor: Actor,
  input: { bundle: string; checkOnly: boolean },
  ip: string | null,
): Promise<FhirImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(input.bundle);
  } catch {
    return {
      ok: false,
      problems: [{ resource: "Bundle", message: "The file is not JSON: export the Bundle again." }],
    };
  }
  const read = bundleToRecord(json);
  const refuse = async (problems: ImportProblem[]): Promise<FhirImportResult> => {
    await recordAudit(db, {
      actor,
      action: "import.fhir",
      outcome: "failure",
      ip,
      details: { problems: problems.length, checkOnly: input.checkOnly },
    });
    return { ok: false, problems };
  };
  const today = await clinicToday(db);
  const patientRef = (
    json as { entry?: Array<{ resource?: { resourceType?: string; id?: string } }> }
  ).entry?.find((e) => e.resource?.resourceType === "Patient")?.resource?.id;
  const resource = `Patient/${patientRef ?? ""}`;
  if (!read.ok) {
    // A taken email or MRN is listed with the Bundle's own problems, so one round shows them all.
    const taken = read.patient
      ? await databaseProblems(db, { patient: read.patient }, resource, today)
      : [];
    return refuse([...taken, ...read.problems]);
  }
  const record = read.record;
  const summary = (patientId: string | null): FhirImportSummary => ({
    patientId,
    name: record.patient.name,
    procedures: record.procedures.length,
    entries: record.entries.length,
    skipped: record.skipped,
  });

  if (input.checkOnly) {
    const problems = await databaseProblems(db, record, resource, today);
    if (problems.length) return refuse(problems);
    return { ok: true, stored: false, summary: summary(null) };
  }

  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    const patientId = await db.transaction(async (tx) => {
      // Serialises imports of the same email or MRN, so that two at once cannot both pass the check.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('fhir-import'))`);
      const problems = await databaseProblems(tx, record, resource, today);
      if (problems.length) throw new ImportRefused(problems);
      const [user] = await tx
        .insert(users)
        .values({
          role: "patient",
          name: record.patient.name,
          email: record.patient.email,
          passwordHash,
          mustChangePassword: true,
          dateOfBirth: record.patient.dateOfBirth,
          mrn: record.patient.mrn,
          phone: record.patient.phone,
        })
        .returning({ id: users.id, email: users.email });
      if (!user) throw new Error("patient not inserted");
      const procedureIds = new Map<string, string>();
      for (const { sourceId, ...fields } of record.procedures) {
        const [row] = await tx
          .insert(procedures)
          .values({ ...fields, patientId: user.id, recordedBy: actor.id })
          .returning({ id: procedures.id });
        if (!row) throw new Error("procedure not inserted");
        procedureIds.set(sourceId, row.id);
      }
      const entryRows = record.entries.map(({ sourceId: _s, procedureSourceId, ...e }) => ({
        ...e,
        patientId: user.id,
        procedureId: procedureIds.get(procedureSourceId) ?? "",
        clientId: randomUUID(),
      }));
      for (let i = 0; i < entryRows.length; i += 1000) {
        await tx.insert(diaryEntries).values(entryRows.slice(i, i + 1000));
      }
      for (const { sourceId: _s, records, givenAt, ...block } of record.blocks) {
        const [row] = await tx
          .insert(diagnosticBlocks)
          .values({
            ...block,
            givenAt: new Date(givenAt),
            patientId: user.id,
            recordedBy: actor.id,
          })
          .returning({ id: diagnosticBlocks.id });
        if (!row) throw new Error("block not inserted");
        if (records.length > 0)
          await tx.insert(blockRecords).values(
            records.map((r) => ({
              ...r,
              recordedAt: new Date(r.recordedAt),
              blockId: row.id,
              clientId: randomUUID(),
            })),
          );
      }
      await recordAudit(tx, {
        actor,
        action: "import.fhir",
        outcome: "success",
        targetType: "user",
        targetId: user.id,
        patientId: user.id,
        ip,
        details: {
          procedures: record.procedures.length,
          entries: record.entries.length,
          blocks: record.blocks.length,
          procedureIds: [...procedureIds.values()],
        },
      });
      await recordAudit(tx, {
        actor,
        action: "account.create",
        outcome: "success",
        targetType: "user",
        targetId: user.id,
        patientId: user.id,
        ip,
        details: { role: "patient", via: "fhir-import" },
      });
      await inviteAccounts(tx, actor, [{ id: user.id, email: user.email, role: "patient" }], {
        ip,
      });
      return user.id;
    });
    await wakeMailDelivery();
    return { ok: true, stored: true, summary: summary(patientId) };
  } catch (error) {
    if (error instanceof ImportRefused) return refuse(error.problems);
    throw error;
  }
}
