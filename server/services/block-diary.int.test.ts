import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { blockRecords, diagnosticBlocks, notifications, outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { treatmentWordsIn } from "@/server/mail/treatment-words";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, createUser } from "@/server/testing/fixtures";
import { answerBlock, myOpenBlocks, sendBlockPrompts } from "./block-diary";
import { listBlocks } from "./blocks";

let t: TestDatabase;
let db: Db;
let provider: Actor;
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  provider = await createUser(db, "provider");
});
afterAll(async () => {
  await t?.close();
});

async function blockFor(patient: Actor, givenAt: Date) {
  const [row] = await db
    .insert(diagnosticBlocks)
    .values({
      patientId: patient.id,
      givenAt,
      region: "lumbar",
      side: "left",
      targets: ["medial_branch:L4"],
      anesthetic: "lidocaine",
      prePain: 8,
      recordedBy: provider.id,
    })
    .returning();
  if (!row) throw new Error("no block");
  return row;
}

const answer = (blockId: string, at: Date, pain: number, clientId = crypto.randomUUID()) => ({
  blockId,
  clientId,
  answeredAt: at.toISOString(),
  pain,
  activityTried: true,
});

describe("the block diary", () => {
  it("asks at each prompt's time, shows what is due and counts down to the next", async () => {
    const patient = await createUser(db, "patient");
    const given = new Date("2026-12-03T09:00:00Z");
    const block = await blockFor(patient, given);
    let [open] = await myOpenBlocks(db, patient, new Date(given.getTime() + 10 * MIN));
    expect(open?.due).toBeNull();
    expect(open?.next?.minutes).toBe(15);

    [open] = await myOpenBlocks(db, patient, new Date(given.getTime() + 17 * MIN));
    expect(open?.due?.minutes).toBe(15);
    expect(open?.next?.minutes).toBe(30);
    const now = new Date(given.getTime() + 17 * MIN);
    expect(await answerBlock(db, patient, answer(block.id, now, 2), now)).toMatchObject({
      minutesAfter: 17,
    });
    [open] = await myOpenBlocks(db, patient, now);
    expect(open?.due).toBeNull();
    expect(open?.prompts.filter((p) => p.answered).map((p) => p.minutes)).toEqual([15]);

    // Late: at 50 minutes the 30-minute prompt is due; the answer describes minute 50.
    const late = new Date(given.getTime() + 50 * MIN);
    [open] = await myOpenBlocks(db, patient, late);
    expect(open?.due?.minutes).toBe(30);
    await answerBlock(db, patient, answer(block.id, late, 2), late);
    // The provider reads the answers at the minutes they describe.
    await assignPatient(db, provider, patient);
    const view = await listBlocks(db, provider, patient.id, null);
    expect(view.blocks[0]?.records.map((r) => [r.minutesAfter, r.pain])).toEqual([
      [17, 2],
      [50, 2],
    ]);
  });

  it("stores an answer retried after being offline once, at the time it was given", async () => {
    const patient = await createUser(db, "patient");
    const given = new Date(Date.now() - 3 * 60 * MIN);
    const block = await blockFor(patient, given);
    const offlineAt = new Date(given.getTime() + 60 * MIN);
    const input = answer(block.id, offlineAt, 3);
    const first = await answerBlock(db, patient, input);
    const again = await answerBlock(db, patient, input);
    expect(again).toEqual(first);
    expect(first.minutesAfter).toBe(60);
    const rows = await db.select().from(blockRecords).where(eq(blockRecords.blockId, block.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses an answer from the future, before the block, or after 24 hours", async () => {
    const patient = await createUser(db, "patient");
    const given = new Date("2026-12-01T09:00:00Z");
    const block = await blockFor(patient, given);
    const now = new Date(given.getTime() + 2 * 60 * MIN);
    await expect(
      answerBlock(db, patient, answer(block.id, new Date(now.getTime() + 10 * MIN), 2), now),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The time of the answer is in the future: check your phone's clock.",
    });
    await expect(
      answerBlock(db, patient, answer(block.id, new Date(given.getTime() - MIN), 2), now),
    ).rejects.toMatchObject({ message: "This answer was given before the block." });
    const dayLater = new Date(given.getTime() + 1441 * MIN);
    await expect(
      answerBlock(db, patient, answer(block.id, dayLater, 2), dayLater),
    ).rejects.toMatchObject({
      message: "This block's diary is closed: it took answers for 24 hours.",
    });
    expect(await myOpenBlocks(db, patient, dayLater)).toEqual([]);
  });

  it("answers another patient's block, a removed one and a made-up one alike: not found", async () => {
    const patient = await createUser(db, "patient");
    const other = await createUser(db, "patient");
    const given = new Date(Date.now() - 30 * MIN);
    const theirs = await blockFor(other, given);
    const removed = await blockFor(patient, given);
    await db
      .update(diagnosticBlocks)
      .set({ deletedAt: new Date() })
      .where(eq(diagnosticBlocks.id, removed.id));
    for (const id of [theirs.id, removed.id, crypto.randomUUID()]) {
      await expect(answerBlock(db, patient, answer(id, new Date(), 2))).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "That block was not found.",
      });
    }
    expect(await myOpenBlocks(db, patient)).toEqual([]);
    await expect(myOpenBlocks(db, provider)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reminds in the bell when a question is due, by email once when it stays unseen, never with patient data", async () => {
    const patient = await createUser(db, "patient");
    const given = new Date("2026-12-02T09:00:00Z");
    const block = await blockFor(patient, given);
    const at = (m: number) => new Date(given.getTime() + m * MIN);
    const mine = async () =>
      (await db.select().from(notifications).where(eq(notifications.userId, patient.id))).filter(
        (n) => n.kind === "block_prompt",
      );
    const emails = async () =>
      (await db.select().from(outbox).where(eq(outbox.userId, patient.id))).filter(
        (e) => e.kind === "reminder_block",
      );

    expect((await sendBlockPrompts(db, at(10))).notified).toBe(0);
    await sendBlockPrompts(db, at(16));
    await sendBlockPrompts(db, at(17));
    expect((await mine()).map((n) => [n.key, n.href])).toEqual([
      [`block:${block.id}:15`, "/patient/block"],
    ]);
    expect(await emails()).toHaveLength(0);
    // Still unread ten minutes after its time: one email, with nothing about the patient in it.
    await sendBlockPrompts(db, at(26));
    await sendBlockPrompts(db, at(27));
    const [email] = await emails();
    expect(await emails()).toHaveLength(1);
    expect(email?.textBody).toContain("/patient/block");
    expect(treatmentWordsIn(`${email?.subject} ${email?.textBody}`)).toEqual([]);
    expect(email?.textBody).not.toMatch(/inject|lidocaine|lumbar|pain [0-9]/i);

    // The 30-minute question goes to the bell; answered, it is read and no email follows.
    await sendBlockPrompts(db, at(31));
    await answerBlock(db, patient, answer(block.id, at(33), 2), at(33));
    expect((await mine()).every((n) => n.readAt !== null)).toBe(true);
    await sendBlockPrompts(db, at(45));
    expect(await emails()).toHaveLength(1);
  });
});
