// The patient's pain diary (docs/clinical-rules.md#check-ins,
// ARCHITECTURE.md#data-that-is-never-lost): entries are written by the patient, for themselves
// only. Every query is filtered by the acting patient's id; another patient's record is "not
// found".
import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { diaryEntries, diaryEntryRevisions, procedures } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { AppError, badRequest, conflict, notFound } from "@/server/errors";
import { wakeJob } from "@/server/jobs/wake";
import {
  addDays,
  assessOutcome,
  type CheckIn,
  checkInDayFor,
  checkInSchedule,
  daysBetween,
  type Location,
  type Pgic,
  type Quality,
} from "@/server/outcomes";
import type { CheckInChannel } from "@/shared/outreach";
import {
  type AssessmentKey,
  assessmentKey,
  cachedAssessments,
  interferenceOf,
  type PatientAssessment,
  type ProcedureRow,
  patientView,
} from "./assessments";
import { recordAudit } from "./audit";
import { markCheckInNotificationsRead } from "./notifications";
import { clinicToday } from "./settings";

/** Entries may be added or corrected for today and the BACKFILL_DAYS days before it (inclusive). */
export const BACKFILL_DAYS = 7;

export type EntryFields = {
  painAverage: number;
  /** Null only in an entry the short check-in began (answerCheckIn), until the patient completes it. */
  enjoyment: number | null;
  activity: number | null;
  locations: Location[];
  qualities: Quality[];
  siteSoreness: boolean;
  medication: string;
  note: string;
  pgic?: Pgic | null;
};
export type AddEntry = EntryFields & { clientId: string; entryDate: string };
export type CorrectEntry = EntryFields & { id: string; version: number };

type EntryRow = typeof diaryEntries.$inferSelect;

const FIX_FIELDS = "Please correct the highlighted fields.";
const CHANGED_ELSEWHERE =
  "This entry was changed after you opened it (perhaps in another window). Reload the page to see the latest version, then make your correction again.";

/** What a patient sees of a procedure (not the provider's notes). */
export type PatientProcedure = {
  id: string;
  performedOn: string;
  modality: string;
  region: string;
  side: string | null;
  target: string;
  baselinePain: number;
  repeatsProcedureId: string | null;
};

function toPatientProcedure(p: ProcedureRow): PatientProcedure {
  return {
    id: p.id,
    performedOn: p.performedOn,
    modality: p.modality,
    region: p.region,
    side: p.side,
    target: p.target,
    baselinePain: p.baselinePain,
    repeatsProcedureId: p.repeatsProcedureId,
  };
}

/** What the patient sees of a procedure's assessment, from the assessment cache (kind `patient`). */
async function patientAssessment(
  db: Db,
  procedure: ProcedureRow,
  key: AssessmentKey,
): Promise<PatientAssessment> {
  const found = await cachedAssessments(db, "patient", [procedure], key, (input) =>
    patientView(assessOutcome(input)),
  );
  return found.get(procedure.id) as PatientAssessment;
}

/** The patient's procedures that are not deleted, newest first. */
async function ownProcedures(db: DbOrTx, patientId: string): Promise<ProcedureRow[]> {
  return db
    .select()
    .from(procedures)
    .where(and(eq(procedures.patientId, patientId), isNull(procedures.deletedAt)))
    .orderBy(desc(procedures.performedOn), desc(procedures.createdAt))
    .limit(100);
}

/** The procedure a diary date belongs to: the latest one performed on or before it. */
function procedureFor(procs: readonly ProcedureRow[], date: string): ProcedureRow | null {
  return procs.find((p) => p.performedOn <= date) ?? null;
}

/**
 * One of the patient's procedures. `withDeleted`: also one removed by the provider, so that the
 * entries recorded under it can still be opened.
 */
async function ownProcedure(
  db: DbOrTx,
  patientId: string,
  id: string,
  opts: { withDeleted?: boolean } = {},
): Promise<ProcedureRow> {
  const [row] = await db
    .select()
    .from(procedures)
    .where(
      and(
        eq(procedures.id, id),
        eq(procedures.patientId, patientId),
        opts.withDeleted ? undefined : isNull(procedures.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw notFound("procedure");
  return row;
}

async function ownEntry(db: DbOrTx, patientId: string, id: string): Promise<EntryRow> {
  const [row] = await db
    .select()
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.id, id),
        eq(diaryEntries.patientId, patientId),
        isNull(diaryEntries.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw notFound("diary entry");
  return row;
}

async function entryByClientId(db: DbOrTx, patientId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(diaryEntries)
    .where(and(eq(diaryEntries.patientId, patientId), eq(diaryEntries.clientId, clientId)))
    .limit(1);
  return row ?? null;
}

/** Dates of the live entries of a procedure that answered a check-in (carry a PGIC). */
async function answeredDates(db: DbOrTx, procedureId: string, exceptEntryId?: string) {
  const rows = await db
    .select({ id: diaryEntries.id, entryDate: diaryEntries.entryDate })
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.procedureId, procedureId),
        isNull(diaryEntries.deletedAt),
        isNotNull(diaryEntries.pgic),
      ),
    );
  return rows.filter((r) => r.id !== exceptEntryId).map((r) => r.entryDate);
}

export type CheckInQuestion = {
  /** The check-in day (14, 42, 90, 180, 365) the PGIC answer belongs to. */
  day: number;
  /** True when an entry already answered it; the question is then optional. */
  answered: boolean;
};

/**
 * Whether an entry dated `date` asks the PGIC (docs/clinical-rules.md#check-ins): when the date
 * falls within a check-in's due period (its day and the 6 after it). Required while that check-in
 * is unanswered.
 */
function checkInQuestion(
  procedure: ProcedureRow,
  date: string,
  today: string,
  answered: readonly string[],
): CheckInQuestion | null {
  const day = checkInDayFor(procedure.performedOn, date);
  if (day === null) return null;
  const checkIn = checkInSchedule(procedure.performedOn, today, answered).find(
    (c) => c.day === day,
  );
  if (!checkIn || date > checkIn.dueUntil) return null;
  return { day, answered: checkIn.status === "answered" };
}

/**
 * The check-in question an entry's form shows: none once another entry answered that check-in, so
 * a catch-up entry for an earlier day never asks it again (the entry that holds the answer is left
 * out of `answered` when it is corrected, so its form asks it). A late client that still sends an
 * answer for an answered check-in is accepted (pgicFor).
 */
const askedQuestion = (q: CheckInQuestion | null) => (q && !q.answered ? q : null);

/** The PGIC to store for an entry (or field errors), by the rule of checkInQuestion. */
function pgicFor(question: CheckInQuestion | null, pgic: Pgic | null | undefined) {
  if (!question) {
    if (pgic) throw badRequest(FIX_FIELDS, { pgic: ["There is no check-in for this date."] });
    return { pgic: null, checkInDay: null };
  }
  if (!pgic) {
    if (!question.answered) {
      throw badRequest(FIX_FIELDS, {
        pgic: ["Choose how your pain has changed since your procedure."],
      });
    }
    return { pgic: null, checkInDay: null };
  }
  return { pgic, checkInDay: question.day };
}

function backfillFrom(today: string): string {
  return addDays(today, -BACKFILL_DAYS);
}

/** The patient's live entries from `from` to `today` (the back-fill window). */
function inWindow(patientId: string, from: string, today: string) {
  return and(
    eq(diaryEntries.patientId, patientId),
    isNull(diaryEntries.deletedAt),
    gte(diaryEntries.entryDate, from),
    lte(diaryEntries.entryDate, today),
  );
}

function checkEntryDate(date: string, today: string) {
  if (date > today) {
    throw badRequest(FIX_FIELDS, { entryDate: ["The date cannot be in the future."] });
  }
  if (date < backfillFrom(today)) {
    throw badRequest(FIX_FIELDS, {
      entryDate: [`You can record today or any of the ${BACKFILL_DAYS} days before it.`],
    });
  }
}

function contentOf(f: EntryFields) {
  return {
    painAverage: f.painAverage,
    enjoyment: f.enjoyment,
    activity: f.activity,
    locations: [...f.locations],
    qualities: [...f.qualities],
    siteSoreness: f.siteSoreness,
    medication: f.medication.trim(),
    note: f.note.trim(),
  };
}

/** The stored fields of one version, as kept in diary_entry_revisions. */
function snapshot(e: EntryRow) {
  return {
    entryDate: e.entryDate,
    painAverage: e.painAverage,
    enjoyment: e.enjoyment,
    activity: e.activity,
    locations: e.locations,
    qualities: e.qualities,
    siteSoreness: e.siteSoreness,
    medication: e.medication,
    note: e.note,
    pgic: e.pgic,
    checkInDay: e.checkInDay,
  };
}

export type EntryVersion = ReturnType<typeof snapshot> & {
  version: number;
  recordedAt: Date;
};

/** Whether an entry already says exactly this (order of the chosen codes aside). */
function sameContent(e: EntryRow, f: EntryFields, pgic: Pgic | null): boolean {
  const comparable = (x: {
    painAverage: number;
    enjoyment: number | null;
    activity: number | null;
    locations: readonly string[];
    qualities: readonly string[];
    siteSoreness: boolean;
    medication: string;
    note: string;
    pgic: string | null;
  }) =>
    JSON.stringify([
      x.painAverage,
      x.enjoyment,
      x.activity,
      [...x.locations].sort(),
      [...x.qualities].sort(),
      x.siteSoreness,
      x.medication,
      x.note,
      x.pgic,
    ]);
  return comparable(e) === comparable({ ...contentOf(f), pgic });
}

const publicEntry = (e: EntryRow) => ({
  id: e.id,
  procedureId: e.procedureId,
  entryDate: e.entryDate,
  painAverage: e.painAverage,
  enjoyment: e.enjoyment,
  activity: e.activity,
  locations: e.locations as Location[],
  qualities: e.qualities as Quality[],
  siteSoreness: e.siteSoreness,
  medication: e.medication,
  note: e.note,
  pgic: e.pgic as Pgic | null,
  checkInDay: e.checkInDay,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
export type DiaryEntry = ReturnType<typeof publicEntry>;

// ---- Writes ----

/**
 * Records a diary entry. Idempotent on the client id: a retry or double click with the same id
 * returns the entry already stored (`created: false`), even when both arrive at once.
 */
export async function addEntry(
  db: Db,
  actor: Actor,
  input: AddEntry,
  now: Date = new Date(),
): Promise<{ entry: DiaryEntry; created: boolean }> {
  const stored = await entryByClientId(db, actor.id, input.clientId);
  if (stored) return { entry: publicEntry(stored), created: false };

  const today = await clinicToday(db, now);
  checkEntryDate(input.entryDate, today);
  const procs = await ownProcedures(db, actor.id);
  if (procs.length === 0) {
    throw badRequest("Your diary opens once your care team has recorded your procedure.");
  }
  const procedure = procedureFor(procs, input.entryDate);
  if (!procedure) {
    throw badRequest(FIX_FIELDS, {
      entryDate: ["This date is before your procedure. Your diary starts on the procedure day."],
    });
  }
  const question = checkInQuestion(
    procedure,
    input.entryDate,
    today,
    await answeredDates(db, procedure.id),
  );
  const { pgic, checkInDay } = pgicFor(question, input.pgic);

  const inserted = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(diaryEntries)
      .values({
        patientId: actor.id,
        procedureId: procedure.id,
        clientId: input.clientId,
        entryDate: input.entryDate,
        ...contentOf(input),
        pgic,
        checkInDay,
      })
      // Either unique index: the same client id (a retry) or a live entry for that day.
      .onConflictDoNothing()
      .returning();
    if (row) {
      if (pgic) await markCheckInNotificationsRead(tx, actor.id, now);
      await recordAudit(tx, {
        actor,
        action: "diary.add",
        outcome: "success",
        targetType: "diary_entry",
        targetId: row.id,
        patientId: actor.id,
        details: { procedureId: procedure.id },
      });
    }
    return row ?? null;
  });
  if (inserted) {
    // A new entry may raise a high flag: the care team hears of it from the caseload round.
    await wakeJob("caseload.refresh");
    return { entry: publicEntry(inserted), created: true };
  }

  const retried = await entryByClientId(db, actor.id, input.clientId);
  if (retried) return { entry: publicEntry(retried), created: false };
  throw new AppError(
    "CONFLICT",
    "You already have an entry for this day. Open it to make a correction.",
    { entryDate: ["You already have an entry for this day. Open it to make a correction."] },
  );
}

/**
 * Corrects an entry: the current version moves to diary_entry_revisions and the entry gets the
 * next version, in one transaction. `version` is the one the patient saw: if the entry has
 * changed since, the correction is refused (unless it already says exactly this: a double click).
 */
export async function correctEntry(
  db: Db,
  actor: Actor,
  input: CorrectEntry,
  now: Date = new Date(),
): Promise<DiaryEntry> {
  const current = await ownEntry(db, actor.id, input.id);
  const today = await clinicToday(db, now);
  if (current.entryDate < backfillFrom(today) || current.entryDate > today) {
    throw badRequest(
      `Entries can be corrected for ${BACKFILL_DAYS} days. If something in an older entry is wrong, tell your care team.`,
    );
  }
  const procedure = await ownProcedure(db, actor.id, current.procedureId, { withDeleted: true });
  const question = checkInQuestion(
    procedure,
    current.entryDate,
    today,
    await answeredDates(db, procedure.id, current.id),
  );
  const { pgic, checkInDay } = pgicFor(question, input.pgic);

  if (current.version !== input.version) {
    if (sameContent(current, input, pgic)) return publicEntry(current);
    throw conflict(CHANGED_ELSEWHERE);
  }
  if (sameContent(current, input, pgic)) {
    throw badRequest("Nothing has changed: make a correction first, or go back.");
  }

  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(diaryEntries)
      .set({ ...contentOf(input), pgic, checkInDay, version: current.version + 1, updatedAt: now })
      .where(
        and(
          eq(diaryEntries.id, current.id),
          eq(diaryEntries.patientId, actor.id),
          eq(diaryEntries.version, input.version),
          isNull(diaryEntries.deletedAt),
        ),
      )
      .returning();
    if (!row) return null;
    if (pgic && !current.pgic) await markCheckInNotificationsRead(tx, actor.id, now);
    await tx.insert(diaryEntryRevisions).values({
      entryId: current.id,
      version: current.version,
      data: snapshot(current),
      recordedBy: actor.id,
      recordedAt: current.updatedAt,
    });
    await recordAudit(tx, {
      actor,
      action: "diary.correct",
      outcome: "success",
      targetType: "diary_entry",
      targetId: current.id,
      patientId: actor.id,
      details: { version: row.version },
    });
    return row;
  });
  if (!updated) {
    // Someone else got there first: fine if it was this very correction (a double click).
    const latest = await ownEntry(db, actor.id, current.id);
    if (sameContent(latest, input, pgic)) return publicEntry(latest);
    throw conflict(CHANGED_ELSEWHERE);
  }
  await wakeJob("caseload.refresh");
  return publicEntry(updated);
}

/**
 * The check-in a patient can answer today outside their own pages (a one-tap link, the clinic's
 * kiosk): its day, and whether today's pain and site soreness are still to ask (no entry yet
 * today); null when no check-in is open today.
 */
export async function openCheckIn(
  db: DbOrTx,
  patientId: string,
  now: Date = new Date(),
): Promise<{ day: number; askPain: boolean } | null> {
  const today = await clinicToday(db, now);
  const procedure = procedureFor(await ownProcedures(db, patientId), today);
  const question = procedure
    ? checkInQuestion(procedure, today, today, await answeredDates(db, procedure.id))
    : null;
  if (!question || question.answered) return null;
  const [current] = await db
    .select({ id: diaryEntries.id })
    .from(diaryEntries)
    .where(inWindow(patientId, today, today))
    .limit(1);
  return { day: question.day, askPain: !current };
}

/**
 * The day whose diary entry a patient can begin outside their own pages (the clinic's kiosk):
 * today, when their diary is open (a procedure on or before today) and today has no entry yet;
 * null otherwise.
 */
export async function openEntryDay(
  db: DbOrTx,
  patientId: string,
  now: Date = new Date(),
): Promise<string | null> {
  const today = await clinicToday(db, now);
  if (!procedureFor(await ownProcedures(db, patientId), today)) return null;
  const [current] = await db
    .select({ id: diaryEntries.id })
    .from(diaryEntries)
    .where(inWindow(patientId, today, today))
    .limit(1);
  return current ? null : today;
}

/**
 * The short check-in (docs/clinical-rules.md#check-ins): the PGIC of the check-in due today, on
 * today's entry. With no entry today it begins one with the pain and site soreness questions (the
 * rest of the diary can be added to it later, as a correction); with one, it adds the answer to it.
 */
export async function answerCheckIn(
  db: Db,
  actor: Actor,
  input: {
    clientId: string;
    pgic: Pgic;
    painAverage?: number | null | undefined;
    siteSoreness?: boolean | null | undefined;
    /** How the patient came to answer (SPEC 12); default the portal. */
    via?: CheckInChannel | undefined;
  },
  now: Date = new Date(),
): Promise<DiaryEntry> {
  const entry = await answerCheckInEntry(db, actor, input, now);
  await db
    .update(diaryEntries)
    .set({ checkInChannel: input.via ?? "portal" })
    .where(and(eq(diaryEntries.id, entry.id), isNull(diaryEntries.checkInChannel)));
  return entry;
}

async function answerCheckInEntry(
  db: Db,
  actor: Actor,
  input: {
    clientId: string;
    pgic: Pgic;
    painAverage?: number | null | undefined;
    siteSoreness?: boolean | null | undefined;
  },
  now: Date,
): Promise<DiaryEntry> {
  const stored = await entryByClientId(db, actor.id, input.clientId);
  if (stored) return publicEntry(stored);
  const today = await clinicToday(db, now);
  const procedure = procedureFor(await ownProcedures(db, actor.id), today);
  const question = procedure
    ? checkInQuestion(procedure, today, today, await answeredDates(db, procedure.id))
    : null;
  if (!question || question.answered) {
    throw badRequest("There is no check-in to answer today. Your home page shows when one is due.");
  }
  const [current] = await db
    .select()
    .from(diaryEntries)
    .where(inWindow(actor.id, today, today))
    .limit(1);
  if (current) {
    return correctEntry(db, actor, { ...publicEntry(current), pgic: input.pgic }, now);
  }
  const missing: Record<string, string[]> = {};
  if (input.painAverage == null)
    missing.painAverage = ["Choose a number from 0 to 10 for your pain."];
  if (input.siteSoreness == null) missing.siteSoreness = ["Choose yes or no."];
  if (Object.keys(missing).length > 0) throw badRequest(FIX_FIELDS, missing);
  const { entry } = await addEntry(
    db,
    actor,
    {
      clientId: input.clientId,
      entryDate: today,
      painAverage: input.painAverage as number,
      enjoyment: null,
      activity: null,
      locations: [],
      qualities: [],
      siteSoreness: input.siteSoreness as boolean,
      medication: "",
      note: "",
      pgic: input.pgic,
    },
    now,
  );
  return entry;
}

// ---- Reads ----

export async function listEntries(db: Db, actor: Actor, input: { page: number; pageSize: number }) {
  const where = and(eq(diaryEntries.patientId, actor.id), isNull(diaryEntries.deletedAt));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(diaryEntries)
      .where(where)
      .orderBy(desc(diaryEntries.entryDate), desc(diaryEntries.createdAt))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(diaryEntries).where(where),
  ]);
  return {
    rows: rows.map(publicEntry),
    total: total?.value ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** One entry with its procedure day and whether it can still be corrected. */
export async function getEntry(db: Db, actor: Actor, id: string, now: Date = new Date()) {
  const entry = await ownEntry(db, actor.id, id);
  const procedure = await ownProcedure(db, actor.id, entry.procedureId, { withDeleted: true });
  const today = await clinicToday(db, now);
  const question = askedQuestion(
    checkInQuestion(
      procedure,
      entry.entryDate,
      today,
      await answeredDates(db, procedure.id, entry.id),
    ),
  );
  return {
    entry: publicEntry(entry),
    procedure: toPatientProcedure(procedure),
    day: daysBetween(procedure.performedOn, entry.entryDate),
    correctable: entry.entryDate >= backfillFrom(today) && entry.entryDate <= today,
    /** The PGIC question a correction shows (the entry's own answer does not count). */
    checkIn: question,
  };
}

/** Every version of an entry, the current one first. */
export async function entryHistory(db: Db, actor: Actor, id: string): Promise<EntryVersion[]> {
  const entry = await ownEntry(db, actor.id, id);
  const revisions = await db
    .select()
    .from(diaryEntryRevisions)
    .where(eq(diaryEntryRevisions.entryId, entry.id))
    .orderBy(desc(diaryEntryRevisions.version));
  return [
    { ...snapshot(entry), version: entry.version, recordedAt: entry.updatedAt },
    ...revisions.map((r) => ({
      ...(r.data as ReturnType<typeof snapshot>),
      version: r.version,
      recordedAt: r.recordedAt,
    })),
  ];
}

export async function listOwnProcedures(db: Db, actor: Actor): Promise<PatientProcedure[]> {
  return (await ownProcedures(db, actor.id)).map(toPatientProcedure);
}

/** A day of the chart: pain, and interference (the mean of enjoyment and activity) when answered. */
export type ChartPoint = { date: string; pain: number; interference: number | null };

/**
 * Daily pain of one procedure up to `asOf`, for the pain chart. Callers must already have checked
 * that the actor may read this patient (the provider review reuses it).
 */
export async function procedureChartPoints(
  db: DbOrTx,
  procedureId: string,
  asOf: string,
): Promise<ChartPoint[]> {
  const rows = await db
    .select({
      date: diaryEntries.entryDate,
      pain: diaryEntries.painAverage,
      enjoyment: diaryEntries.enjoyment,
      activity: diaryEntries.activity,
    })
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.procedureId, procedureId),
        isNull(diaryEntries.deletedAt),
        lte(diaryEntries.entryDate, asOf),
      ),
    )
    .orderBy(asc(diaryEntries.entryDate))
    .limit(2000);
  return rows.map((r) => ({ date: r.date, pain: r.pain, interference: interferenceOf(r) }));
}

/** The chart of one of the patient's procedures (the latest one by default). */
export async function chart(
  db: Db,
  actor: Actor,
  input: { procedureId?: string | undefined },
  now: Date = new Date(),
) {
  const key = await assessmentKey(db, { now });
  const today = key.asOf;
  const procedure = input.procedureId
    ? await ownProcedure(db, actor.id, input.procedureId)
    : procedureFor(await ownProcedures(db, actor.id), today);
  if (!procedure) return null;
  const [points, assessment] = await Promise.all([
    procedureChartPoints(db, procedure.id, today),
    patientAssessment(db, procedure, key),
  ]);
  return {
    procedure: toPatientProcedure(procedure),
    baseline: procedure.baselinePain,
    performedOn: procedure.performedOn,
    asOf: today,
    points,
    assessment,
  };
}

/** Everything the patient's home shows: procedure, today's entry, check-in, assessment. */
export async function home(db: Db, actor: Actor, now: Date = new Date()) {
  // Two rounds of reads that do not depend on each other: the day and the procedures, then the
  // week's entries and the assessment (from the assessment cache).
  const [key, procs] = await Promise.all([assessmentKey(db, { now }), ownProcedures(db, actor.id)]);
  const today = key.asOf;
  const from = backfillFrom(today);
  const procedure = procedureFor(procs, today);
  const upcoming = procs.find((p) => p.performedOn > today) ?? null;
  const [recent, assessment] = await Promise.all([
    db
      .select()
      .from(diaryEntries)
      .where(inWindow(actor.id, from, today)),
    procedure ? patientAssessment(db, procedure, key) : null,
  ]);
  const todayRow = recent.find((e) => e.entryDate === today);
  // Days of the back-fill window, since the procedure, that have no entry yet (newest first).
  const openDays: string[] = [];
  if (procedure) {
    for (let d = addDays(today, -1); d >= from && d >= procedure.performedOn; d = addDays(d, -1)) {
      if (!recent.some((e) => e.entryDate === d)) openDays.push(d);
    }
  }
  const dueCheckIn: CheckIn | null = assessment?.checkIns.find((c) => c.status === "due") ?? null;
  return {
    today,
    procedure: procedure ? toPatientProcedure(procedure) : null,
    upcomingProcedure: upcoming ? toPatientProcedure(upcoming) : null,
    todayEntry: todayRow ? publicEntry(todayRow) : null,
    openDays,
    dueCheckIn,
    assessment,
  };
}

export type FormDay = {
  date: string;
  /** The live entry already recorded for this date, if any. */
  entryId: string | null;
  /** The procedure an entry for this date belongs to (null: before the first procedure). */
  procedureId: string | null;
  /** Days since that procedure. */
  day: number | null;
  checkIn: CheckInQuestion | null;
};

/** What the new-entry form needs: the dates it may use and, per date, what is already there. */
export async function formContext(db: Db, actor: Actor, now: Date = new Date()) {
  const today = await clinicToday(db, now);
  const from = backfillFrom(today);
  const [procs, existing] = await Promise.all([
    ownProcedures(db, actor.id),
    db
      .select({ id: diaryEntries.id, entryDate: diaryEntries.entryDate })
      .from(diaryEntries)
      .where(inWindow(actor.id, from, today)),
  ]);
  // The window spans at most two procedures (a repeat within the week): their check-in answers.
  const answeredByProcedure = new Map<string, string[]>();
  for (let d = today; d >= from; d = addDays(d, -1)) {
    const p = procedureFor(procs, d);
    if (p && !answeredByProcedure.has(p.id)) {
      answeredByProcedure.set(p.id, await answeredDates(db, p.id));
    }
  }
  const days: FormDay[] = [];
  for (let d = today; d >= from; d = addDays(d, -1)) {
    const procedure = procedureFor(procs, d);
    days.push({
      date: d,
      entryId: existing.find((e) => e.entryDate === d)?.id ?? null,
      procedureId: procedure?.id ?? null,
      day: procedure ? daysBetween(procedure.performedOn, d) : null,
      checkIn: procedure
        ? askedQuestion(
            checkInQuestion(procedure, d, today, answeredByProcedure.get(procedure.id) ?? []),
          )
        : null,
    });
  }
  return { today, from, hasProcedure: procs.some((p) => p.performedOn <= today), days };
}
