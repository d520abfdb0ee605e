/**
 * In-app notifications, both drivers: "Got it" on a new plan marks only the new-plan notices read,
 * and only the person's own; a high-flag notification stops being new for every provider once its
 * flag is answered (reviewed, or by a decision).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { insertEntries, insertProcedure } from "@/server/testing/clinical";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { notify } from "./notifications";
import { clinicToday } from "./settings";
import { caseloadRound } from "./staff-notifications";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

it("marks one kind read, for the caller only; without a kind, all", async () => {
  const patient = await createUser(t.db, "patient");
  const other = await createUser(t.db, "patient");
  const item = (userId: string, kind: string, key: string) => ({
    userId,
    kind,
    key,
    title: "t",
    href: "/patient",
  });
  await notify(t.db, [
    item(patient.id, "new_plan", "plan:1"),
    item(patient.id, "check_in_due", "due:1"),
    item(other.id, "new_plan", "plan:2"),
  ]);
  const unread = async (who: typeof patient) =>
    (await callerFor(t.db, who).notifications.list())
      .filter((n) => !n.read)
      .map((n) => n.kind)
      .sort();

  await callerFor(t.db, patient).notifications.markAllRead({ kind: "new_plan" });
  expect(await unread(patient)).toEqual(["check_in_due"]);
  expect(await unread(other)).toEqual(["new_plan"]);

  await callerFor(t.db, patient).notifications.markAllRead();
  expect(await unread(patient)).toEqual([]);
  expect(await unread(other)).toEqual(["new_plan"]);
});

it("marks a high flag's notifications read for every provider once the flag is reviewed or answered by a decision", async () => {
  const today = await clinicToday(t.db);
  const first = await createUser(t.db, "provider");
  const second = await createUser(t.db, "provider");
  /** A patient of both providers, worse than baseline on the last three days: a high flag. */
  const flagged = async () => {
    const patient = await createUser(t.db, "patient");
    await assignPatient(t.db, first, patient);
    await assignPatient(t.db, second, patient);
    const procedure = await insertProcedure(t.db, patient, first, addDays(today, -25), {
      baselinePain: 6,
    });
    await insertEntries(
      t.db,
      procedure,
      [22, 23, 24].map((day) => ({ day, pain: 9 })),
    );
    return { patient, procedure };
  };
  const reviewed = await flagged();
  const decided = await flagged();
  const untouched = await flagged();
  await caseloadRound(t.db);
  /** The provider's unread high-flag notifications, by patient. */
  const unread = async (who: Actor) =>
    (await callerFor(t.db, who).notifications.list())
      .filter((n) => n.kind === "high_flag" && !n.read)
      .map((n) => n.href.split("/").at(-1))
      .sort();
  const all = [reviewed, decided, untouched].map((p) => p.patient.id).sort();
  expect(await unread(first)).toEqual(all);
  expect(await unread(second)).toEqual(all);
  const unreadBefore = await callerFor(t.db, second).notifications.unreadCount();

  // The first provider marks one flag reviewed: it is no longer new for either of them.
  await callerFor(t.db, first).caseload.acknowledgeFlag({
    procedureId: reviewed.procedure.id,
    code: "WORSE_THAN_BASELINE",
    note: "Called the patient",
  });
  const afterReview = [decided, untouched].map((p) => p.patient.id).sort();
  expect(await unread(first)).toEqual(afterReview);
  expect(await unread(second)).toEqual(afterReview);
  expect(await callerFor(t.db, second).notifications.unreadCount()).toBe(unreadBefore - 1);

  // The second provider records a decision, which answers the other patient's open flag.
  await callerFor(t.db, second).decision.record({
    procedureId: decided.procedure.id,
    suspectedFactors: ["inaccurate_diagnosis"],
    strategies: [{ strategy: "re_evaluation", note: "" }],
    rationale: "Worse than before; re-evaluate.",
  });
  expect(await unread(first)).toEqual([untouched.patient.id]);
  expect(await unread(second)).toEqual([untouched.patient.id]);

  // The next round does not bring them back: the flags are answered.
  await caseloadRound(t.db);
  expect(await unread(first)).toEqual([untouched.patient.id]);
});
