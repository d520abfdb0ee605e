import "server-only";
import { TZDate } from "@date-fns/tz";
import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { auditActionWords, detailsWords } from "@/server/audit-words";
import type { Actor } from "@/server/authz/policy";
import { csvRow } from "@/shared/csv";
import { containsPattern } from "./accounts";
import { recordAudit } from "./audit";
import { getClinicSettings } from "./settings";

export type AuditFilters = {
  /** name or email of the person who acted */
  person?: string;
  /** name or email of the patient concerned */
  patient?: string;
  action?: string;
  outcome?: "success" | "failure" | "denied";
  /** calendar days (YYYY-MM-DD) in the clinic's time zone, both inclusive */
  from?: string;
  to?: string;
};

const actorUser = alias(users, "actor_user");
const patientUser = alias(users, "patient_user");

/** The instant a clinic calendar day starts. */
function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(+TZDate.tz(timeZone, y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function matchingPeople(db: Db, text: string) {
  const pattern = containsPattern(text);
  return db
    .select({ id: users.id })
    .from(users)
    .where(or(ilike(users.name, pattern), ilike(users.email, pattern)));
}

function whereOf(db: Db, filters: AuditFilters, timeZone: string): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.person)
    conditions.push(inArray(auditEvents.actorId, matchingPeople(db, filters.person)));
  if (filters.patient)
    conditions.push(inArray(auditEvents.patientId, matchingPeople(db, filters.patient)));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.outcome) conditions.push(eq(auditEvents.outcome, filters.outcome));
  if (filters.from) conditions.push(gte(auditEvents.at, startOfDay(filters.from, timeZone)));
  if (filters.to) conditions.push(lt(auditEvents.at, startOfDay(nextDay(filters.to), timeZone)));
  return conditions.length ? and(...conditions) : undefined;
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  /** full precision, for paging by (at, id) */
  cursor: sql<string>`${auditEvents.at}::text`,
  action: auditEvents.action,
  outcome: auditEvents.outcome,
  actorId: auditEvents.actorId,
  actorRole: auditEvents.actorRole,
  actorName: actorUser.name,
  actorEmail: actorUser.email,
  patientId: auditEvents.patientId,
  patientName: patientUser.name,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  ip: auditEvents.ip,
  details: auditEvents.details,
  seq: auditEvents.seq,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
};

function selectEvents(db: Db) {
  return db
    .select(columns)
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(patientUser, eq(patientUser.id, auditEvents.patientId));
}

export type AuditListInput = AuditFilters & { page: number; pageSize: number };

/** Counted exactly up to here; beyond it the page says "more than 10,000". */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * The audit trail, newest first, one page at a time, with the number of matching events (counted
 * up to AUDIT_COUNT_CAP: the table grows large) and of pages. A page past the last gives the last.
 */
export async function listAuditEvents(db: Db, _actor: Actor, input: AuditListInput) {
  const { timeZone } = await getClinicSettings(db);
  const where = whereOf(db, input, timeZone);
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1`.as("one") })
      .from(auditEvents)
      .where(where)
      .limit(AUDIT_COUNT_CAP + 1)
      .as("capped"),
  );
  const n = counted?.n ?? 0;
  const totalCapped = n > AUDIT_COUNT_CAP;
  /** Null when the count was capped: the last page is not known. */
  const pages = totalCapped ? null : Math.max(1, Math.ceil(n / input.pageSize));
  const page = pages === null ? input.page : Math.min(input.page, pages);
  const rows = await selectEvents(db)
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(input.pageSize + 1)
    .offset((page - 1) * input.pageSize);
  return {
    total: Math.min(n, AUDIT_COUNT_CAP),
    totalCapped,
    pages,
    rows: rows
      .slice(0, input.pageSize)
      .map(({ cursor: _, ...row }) => ({ ...row, when: formatClinicTime(row.at, timeZone) })),
    hasMore: rows.length > input.pageSize,
    page,
    pageSize: input.pageSize,
    timeZone,
  };
}

/** The actions recorded so far, for the filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(auditEvents.action)
    .limit(500);
  return rows.map((r) => r.action);
}

const EXPORT_BATCH = 1000;

/** A time as the clinic reads it: `YYYY-MM-DD HH:mm:ss` in its zone. */
export function formatClinicTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

/**
 * The filtered audit trail as CSV, streamed in batches (keyset paging, so the export of a large
 * trail neither holds it in memory nor slows down page by page). The export itself is audited.
 */
export async function exportAuditEvents(
  db: Db,
  actor: Actor,
  filters: AuditFilters,
  ip: string | null,
): Promise<AsyncGenerator<string>> {
  const { timeZone } = await getClinicSettings(db);
  await recordAudit(db, {
    actor,
    action: "audit.export",
    outcome: "success",
    ip,
    details: { filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) },
  });
  const where = whereOf(db, filters, timeZone);
  return (async function* () {
    // One header per column, whatever the clinic's zone (UTC gave "Time (UTC),Time (UTC)").
    yield csvRow([
      `Clinic time (${timeZone})`,
      "Timestamp UTC (ISO 8601)",
      "Person",
      "Person email",
      "Role",
      "Action",
      "What",
      "Outcome",
      "Patient",
      "Patient ID",
      "Target type",
      "Target ID",
      "IP address",
      "Details",
      "Details in words",
      // The hash chain (docs/decisions/024-audit-hash-chain.md): kept elsewhere, these are the
      // anchors that show a later rewrite of the trail.
      "Chain position",
      "Previous hash",
      "Hash",
    ]);
    let after: { cursor: string; id: string } | null = null;
    for (;;) {
      const page: Array<Awaited<ReturnType<typeof selectEvents>>[number]> = await selectEvents(db)
        .where(
          and(
            where,
            after
              ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${after.cursor}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(auditEvents.at), desc(auditEvents.id))
        .limit(EXPORT_BATCH);
      for (const e of page)
        yield csvRow([
          formatClinicTime(e.at, timeZone),
          e.at.toISOString(),
          e.actorName,
          e.actorEmail,
          e.actorRole,
          e.action,
          auditActionWords(e.action, e.outcome),
          e.outcome,
          e.patientName,
          e.patientId,
          e.targetType,
          e.targetId,
          e.ip,
          e.details ? JSON.stringify(e.details) : "",
          detailsWords(e.details, timeZone) ?? "",
          e.seq,
          e.prevHash,
          e.hash,
        ]);
      const last = page.at(-1);
      if (!last || page.length < EXPORT_BATCH) return;
      after = { cursor: last.cursor, id: last.id };
    }
  })();
}
