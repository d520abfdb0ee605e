// The work queue of docs/clinical-rules.md#review-states through the API: each rule's state on the
// caseload, the queue's order, a decision acknowledging exactly the flags open when it is recorded,
// "Next patient", and scope.
import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { decisions, diaryEntries, flagAcknowledgements } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { dailyEntries, insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
});
afterAll(async () => {
  await t?.close();
});

async function patientOf(provider: Actor, name: string) {
  const patient = await createUser(db, "patient", { name });
  await assignPatient(db, provider, patient);
  return patient;
}

/** A procedure `daysAgo` days ago (baseline 6) with daily entries of `pain`, check-ins answered. */
async function withDiary(patient: Actor, provider: Actor, daysAgo: number, pain: number) {
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -daysAgo), {
    baselinePain: 6,
  });
  await insertEntries(
    db,
    procedure,
    dailyEntries(
      0,
      daysAgo,
      () => pain,
      (day) => ({
        pgic: [14, 42].includes(day) ? "much_improved" : null,
      }),
    ),
  );
  return procedure;
}

/** Changes the procedure's entries from `fromDay` on (a correction, as far as the flags go). */
async function setEntries(
  procedure: { id: string; performedOn: string },
  fromDay: number,
  set: Partial<typeof diaryEntries.$inferInsert>,
) {
  await db
    .update(diaryEntries)
    .set(set)
    .where(
      and(
        eq(diaryEntries.procedureId, procedure.id),
        gte(diaryEntries.entryDate, addDays(procedure.performedOn, fromDay)),
      ),
    );
}

/**
 * A decision stored as if recorded `daysAgo` days ago (before this feature: no acknowledgements).
 */
async function pastDecision(
  patient: Actor,
  provider: Actor,
  procedureId: string,
  daysAgo: number,
  followUpIn: number | null,
) {
  await db.insert(decisions).values({
    patientId: patient.id,
    procedureId,
    providerId: provider.id,
    strategies: [{ strategy: "continue_monitoring", note: "" }],
    followUpOn: followUpIn === null ? null : addDays(today, followUpIn),
    assessmentSnapshot: {},
    createdAt: new Date(Date.parse(`${addDays(today, -daysAgo)}T12:00:00Z`)),
  });
}

describe("review states (docs/clinical-rules.md#review-states)", () => {
  it("gives each patient the state of the first rule that matches, in the queue's order", async () => {
    const me = await createUser(db, "provider");
    const api = callerFor(db, me);
    // needs_review: worse than baseline (a high flag)
    const worse = await patientOf(me, "Walt Worse");
    await withDiary(worse, me, 30, 8);
    // needs_review: no change (a warning)
    const same = await patientOf(me, "Sal Same");
    await withDiary(same, me, 30, 6);
    // needs_review: no procedure recorded yet
    const none = await patientOf(me, "Nell None");
    // needs_review: doing well, but the day-14 check-in is overdue
    const overdue = await patientOf(me, "Otto Overdue");
    const overdueProc = await insertProcedure(db, overdue, me, addDays(today, -30), {
      baselinePain: 6,
    });
    await insertEntries(
      db,
      overdueProc,
      dailyEntries(0, 30, () => 2),
    );
    // follow_up_due: doing well, a decision whose follow-up was yesterday
    const due = await patientOf(me, "Fay Followup");
    const dueProc = await withDiary(due, me, 30, 2);
    await pastDecision(due, me, dueProc.id, 10, -1);
    // plan_recorded: doing well, a decision with a follow-up next month
    const plan = await patientOf(me, "Pam Plan");
    const planProc = await withDiary(plan, me, 30, 2);
    await pastDecision(plan, me, planProc.id, 3, 30);
    // monitoring: doing well, nothing open
    const well = await patientOf(me, "Mo Monitor");
    await withDiary(well, me, 30, 2);

    const list = await api.caseload.list({});
    expect(list.rows.map((r) => [r.name, r.state, r.urgency])).toEqual([
      ["Walt Worse", "needs_review", "high"],
      ["Sal Same", "needs_review", "warning"],
      ["Otto Overdue", "needs_review", null], // waiting since day 21
      ["Nell None", "needs_review", null], // joined today
      ["Fay Followup", "follow_up_due", null],
      ["Pam Plan", "plan_recorded", null],
      ["Mo Monitor", "monitoring", null],
    ]);
    expect(list.rows.find((r) => r.patientId === overdue.id)?.reasons).toEqual([
      "overdue_check_in",
    ]);
    expect(list.rows.find((r) => r.patientId === none.id)?.reasons).toEqual(["no_procedure"]);
    expect(list.rows.find((r) => r.patientId === plan.id)?.plan?.strategies).toEqual([
      "continue_monitoring",
    ]);
    expect(list.counts.state).toEqual({
      needs_review: 4,
      follow_up_due: 1,
      plan_recorded: 1,
      monitoring: 1,
    });
    const filtered = await api.caseload.list({ state: "needs_review" });
    expect(filtered.rows.map((r) => r.patientId)).toEqual([worse.id, same.id, overdue.id, none.id]);
    expect(filtered.total).toBe(4);
    // a column order keeps the queue's order among equals; empty values last either way
    const byPain = await api.caseload.list({ sort: "pain", dir: "desc" });
    expect(byPain.rows.map((r) => r.name)).toEqual([
      "Walt Worse",
      "Sal Same",
      "Otto Overdue",
      "Fay Followup",
      "Pam Plan",
      "Mo Monitor",
      "Nell None",
    ]);
    // each row carries its trend: weekly mean pain, the latest week last
    expect(list.rows[0]?.trend.at(-1)).toBe(8);
  });

  it("a decision acknowledges exactly the flags open when it is recorded; a flag raised later reopens review", async () => {
    const me = await createUser(db, "provider");
    const api = callerFor(db, me);
    const patient = await patientOf(me, "Dana Decides");
    const other = await patientOf(me, "Zed Later");
    await withDiary(other, me, 30, 6);
    // Pain at baseline for 30 days: NO_IMPROVEMENT (warning) only.
    const procedure = await withDiary(patient, me, 30, 6);
    // A flag already reviewed is not answered again.
    await api.caseload.acknowledgeFlag({ procedureId: procedure.id, code: "NO_IMPROVEMENT" });
    // The last days' pain moves to the hip as well: PAIN_SHIFT is raised and open.
    await setEntries(procedure, 25, { locations: ["lumbar", "hip"] });
    const before = await api.caseload.list({});
    const open = before.rows.find((r) => r.patientId === patient.id);
    expect(open?.state).toBe("needs_review");
    expect(open?.flags.filter((f) => !f.acknowledged).map((f) => f.code)).toEqual(["PAIN_SHIFT"]);

    const decision = await api.decision.record({
      procedureId: procedure.id,
      strategies: [{ strategy: "re_evaluation", note: "" }],
      followUpOn: addDays(today, 14),
    });
    expect(decision.answeredFlags).toEqual(["PAIN_SHIFT"]);
    const acks = await db
      .select({ code: flagAcknowledgements.code, decisionId: flagAcknowledgements.decisionId })
      .from(flagAcknowledgements)
      .where(eq(flagAcknowledgements.procedureId, procedure.id));
    expect(acks).toHaveLength(2);
    expect(acks).toContainEqual({ code: "PAIN_SHIFT", decisionId: decision.id });
    expect(acks).toContainEqual({ code: "NO_IMPROVEMENT", decisionId: null });

    const after = await api.caseload.list({});
    const row = after.rows.find((r) => r.patientId === patient.id);
    expect(row).toMatchObject({ state: "plan_recorded", plan: { strategies: ["re_evaluation"] } });
    expect(row?.flags.every((f) => f.acknowledged)).toBe(true);
    expect(after.counts.state.needs_review).toBe((before.counts.state.needs_review ?? 0) - 1);

    // Next patient: the decided patient left the queue's head, so the first who still needs review.
    expect(await api.caseload.next({ patientId: patient.id })).toEqual({
      patientId: other.id,
      name: "Zed Later",
    });

    // Later the pain becomes worse than baseline: WORSE_THAN_BASELINE is new, review reopens.
    await setEntries(procedure, 24, { painAverage: 9 });
    const reopened = (await api.caseload.list({})).rows.find((r) => r.patientId === patient.id);
    expect(reopened).toMatchObject({ state: "needs_review", urgency: "high" });
    expect(reopened?.flags.filter((f) => !f.acknowledged).map((f) => f.code)).toEqual([
      "WORSE_THAN_BASELINE",
    ]);
  });

  it("a check-in still unanswered 5 days after its day: Follow-up due, call the patient (docs/clinical-rules.md#tiered-outreach)", async () => {
    const me = await createUser(db, "provider");
    const api = callerFor(db, me);
    // The 2-week check-in of a procedure 19 days ago: its day was 5 days ago, no answer.
    const missed = await patientOf(me, "Mick Missed");
    const missedProc = await insertProcedure(db, missed, me, addDays(today, -19), {
      baselinePain: 6,
    });
    await insertEntries(
      db,
      missedProc,
      dailyEntries(0, 19, () => 2),
    );
    // 18 days ago: its day was 4 days ago, the reminders still work.
    const waiting = await patientOf(me, "Wanda Waiting");
    const waitingProc = await insertProcedure(db, waiting, me, addDays(today, -18), {
      baselinePain: 6,
    });
    await insertEntries(
      db,
      waitingProc,
      dailyEntries(0, 18, () => 2),
    );

    const rows = (await api.caseload.list({})).rows;
    expect(rows.map((r) => [r.name, r.state, r.reasons, r.since])).toEqual([
      ["Mick Missed", "follow_up_due", ["check_in_missed"], today],
      ["Wanda Waiting", "monitoring", [], null],
    ]);
    const review = await api.caseload.review({ patientId: missed.id });
    expect(review).toMatchObject({ state: "follow_up_due", reasons: ["check_in_missed"] });

    // The patient answers (today's entry carries the check-in): the reason goes.
    await db
      .update(diaryEntries)
      .set({ pgic: "much_improved" })
      .where(and(eq(diaryEntries.procedureId, missedProc.id), eq(diaryEntries.entryDate, today)));
    const after = (await api.caseload.list({})).rows.find((r) => r.patientId === missed.id);
    expect(after).toMatchObject({ state: "monitoring", reasons: [] });
  });

  it("keeps other teams' patients out: not in the queue, and not found for Next patient", async () => {
    const me = await createUser(db, "provider");
    const them = await createUser(db, "provider");
    const mine = await patientOf(me, "Mina Mine");
    const theirs = await patientOf(them, "Theo Theirs");
    await withDiary(theirs, them, 30, 8);
    const api = callerFor(db, me);
    expect((await api.caseload.list({})).rows.map((r) => r.patientId)).toEqual([mine.id]);
    await expect(api.caseload.next({ patientId: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      api.caseload.next({ patientId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await api.caseload.next({ patientId: mine.id })).toBeNull();
    await expect(callerFor(db, theirs).caseload.next({ patientId: mine.id })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
  });
});
