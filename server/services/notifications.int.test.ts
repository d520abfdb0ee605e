/**
 * In-app notifications, both drivers: "Got it" on a new plan marks only the new-plan notices read,
 * and only the person's own.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor, createUser } from "@/server/testing/fixtures";
import { notify } from "./notifications";

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
