// The block diary, the patient's side of a diagnostic block (docs/clinical-rules.md#diagnostic-blocks,
// docs/decisions/037-diagnostic-blocks.md): for 24 hours after the injection the patient's phone
// asks "how much pain now?" at 15 and 30 minutes and 1, 2, 3, 4, 6 and 8 hours. Each answer
// describes the moment it was given; late answers count. Only the patient themself.
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, like, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { blockRecords, diagnosticBlocks, notifications, sentMarks, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound } from "@/server/errors";
import { blockPromptEmail } from "@/server/mail/templates";
import { BLOCK_RECORD_LIMIT_MINUTES } from "@/server/outcomes";
import { BLOCK_PROMPT_MINUTES } from "@/server/outcomes/pathway-vocab";
import { recordAudit } from "./audit";
import { notify } from "./notifications";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { getClinicSettings } from "./settings";

const MINUTE = 60_000;
/** A phone's clock may be a little ahead of the server's. */
const CLOCK_SLACK_MS = 2 * MINUTE;

export type BlockPrompt = {
  minutes: number;
  dueAt: Date;
  /** An answer was given from this prompt's minute until the next prompt's. */
  answered: boolean;
};

export type OpenBlock = {
  id: string;
  givenAt: Date;
  /** When the diary closes: 24 hours after the injection. */
  closesAt: Date;
  prompts: BlockPrompt[];
  /** The first prompt not answered whose time has come (answer it now), else null. */
  due: BlockPrompt | null;
  /** The next prompt still to come, for the countdown; null after the last. */
  next: BlockPrompt | null;
  answers: number;
};

/** The prompts of a block, each answered or not, as of `now`. */
export function promptsOf(givenAt: Date, answeredMinutes: readonly number[], now: Date) {
  const prompts = BLOCK_PROMPT_MINUTES.map((m, i): BlockPrompt => {
    const until = BLOCK_PROMPT_MINUTES[i + 1] ?? BLOCK_RECORD_LIMIT_MINUTES + 1;
    return {
      minutes: m,
      dueAt: new Date(givenAt.getTime() + m * MINUTE),
      answered: answeredMinutes.some((a) => a >= m && a < until),
    };
  });
  const started = prompts.filter((p) => p.dueAt <= now);
  const current = started[started.length - 1];
  return {
    prompts,
    // Only the latest prompt whose time has come asks: pain "now" describes now.
    due: current && !current.answered ? current : null,
    next: prompts.find((p) => p.dueAt > now) ?? null,
  };
}

/** The patient's blocks whose diary is open (given within the last 24 hours), newest first. */
export async function myOpenBlocks(db: DbOrTx, actor: Actor, now: Date = new Date()) {
  if (actor.role !== "patient") throw notFound("block");
  const since = new Date(now.getTime() - BLOCK_RECORD_LIMIT_MINUTES * MINUTE);
  const blocks = await db
    .select({ id: diagnosticBlocks.id, givenAt: diagnosticBlocks.givenAt })
    .from(diagnosticBlocks)
    .where(
      and(
        eq(diagnosticBlocks.patientId, actor.id),
        isNull(diagnosticBlocks.deletedAt),
        gt(diagnosticBlocks.givenAt, since),
      ),
    )
    .orderBy(desc(diagnosticBlocks.givenAt))
    .limit(5);
  const open = blocks.filter((b) => b.givenAt <= now);
  if (open.length === 0) return [];
  const answers = await db
    .select({ blockId: blockRecords.blockId, minutesAfter: blockRecords.minutesAfter })
    .from(blockRecords)
    .where(
      inArray(
        blockRecords.blockId,
        open.map((b) => b.id),
      ),
    )
    .orderBy(asc(blockRecords.minutesAfter));
  return open.map((b): OpenBlock => {
    const minutes = answers.filter((a) => a.blockId === b.id).map((a) => a.minutesAfter);
    return {
      id: b.id,
      givenAt: b.givenAt,
      closesAt: new Date(b.givenAt.getTime() + BLOCK_RECORD_LIMIT_MINUTES * MINUTE),
      ...promptsOf(b.givenAt, minutes, now),
      answers: minutes.length,
    };
  });
}

/**
 * The patient answers: pain now (0-10) and whether they tried something that usually hurts. The
 * answer describes the moment it was given (`answeredAt`, kept by the phone while offline).
 */
export async function answerBlock(
  db: Db,
  actor: Actor,
  input: {
    blockId: string;
    clientId: string;
    answeredAt: string;
    pain: number;
    activityTried: boolean | null;
  },
  now: Date = new Date(),
): Promise<{ id: string; minutesAfter: number }> {
  if (actor.role !== "patient") throw notFound("block");
  const [block] = await db
    .select({ id: diagnosticBlocks.id, givenAt: diagnosticBlocks.givenAt })
    .from(diagnosticBlocks)
    .where(
      and(
        eq(diagnosticBlocks.id, input.blockId),
        eq(diagnosticBlocks.patientId, actor.id),
        isNull(diagnosticBlocks.deletedAt),
      ),
    )
    .limit(1);
  if (!block) throw notFound("block");
  const at = new Date(input.answeredAt);
  if (at.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw badRequest("The time of the answer is in the future: check your phone's clock.");
  }
  const minutesAfter = Math.max(1, Math.round((at.getTime() - block.givenAt.getTime()) / MINUTE));
  if (at < block.givenAt) throw badRequest("This answer was given before the block.");
  if (minutesAfter > BLOCK_RECORD_LIMIT_MINUTES) {
    throw badRequest("This block's diary is closed: it took answers for 24 hours.");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(blockRecords)
      .values({
        blockId: block.id,
        clientId: input.clientId,
        minutesAfter,
        pain: input.pain,
        activityTried: input.activityTried,
        recordedAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: blockRecords.id, minutesAfter: blockRecords.minutesAfter });
    if (!row) {
      // The same answer again (a retry after being offline): stored once.
      const [stored] = await tx
        .select({ id: blockRecords.id, minutesAfter: blockRecords.minutesAfter })
        .from(blockRecords)
        .where(and(eq(blockRecords.blockId, block.id), eq(blockRecords.clientId, input.clientId)));
      if (!stored) throw notFound("block");
      return stored;
    }
    // The question is answered: its bell notifications stop being new.
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.userId, actor.id),
          eq(notifications.kind, "block_prompt"),
          like(notifications.key, `block:${block.id}:%`),
          isNull(notifications.readAt),
        ),
      );
    await recordAudit(tx, {
      actor,
      action: "block.answer",
      outcome: "success",
      targetType: "block_record",
      targetId: row.id,
      patientId: actor.id,
      details: { blockId: block.id },
    });
    return row;
  });
}

/** An unanswered question's notification still unread this long after its time: an email. */
export const BLOCK_EMAIL_AFTER_MINUTES = 10;

/**
 * The block diary's reminders (every minute, server/jobs/jobs.ts): each open block's question whose
 * time has come and that is not answered goes to the patient's bell once; if the notification is
 * still unread 10 minutes later (the patient is away from the portal), one email, with no patient
 * data in it. The sent mark and the email are one transaction, so two workers send it once.
 */
export async function sendBlockPrompts(db: Db, now: Date = new Date()) {
  const since = new Date(now.getTime() - BLOCK_RECORD_LIMIT_MINUTES * MINUTE);
  const open = await db
    .select({
      id: diagnosticBlocks.id,
      givenAt: diagnosticBlocks.givenAt,
      patientId: diagnosticBlocks.patientId,
      email: users.email,
    })
    .from(diagnosticBlocks)
    .innerJoin(users, eq(users.id, diagnosticBlocks.patientId))
    .where(
      and(
        isNull(diagnosticBlocks.deletedAt),
        gt(diagnosticBlocks.givenAt, since),
        lte(diagnosticBlocks.givenAt, now),
        eq(users.active, true),
      ),
    )
    .limit(500);
  if (open.length === 0) return { notified: 0, emailed: 0 };
  const answers = await db
    .select({ blockId: blockRecords.blockId, minutesAfter: blockRecords.minutesAfter })
    .from(blockRecords)
    .where(
      inArray(
        blockRecords.blockId,
        open.map((b) => b.id),
      ),
    );
  const settings = await getClinicSettings(db);
  let notified = 0;
  let emailed = 0;
  for (const b of open) {
    const { due } = promptsOf(
      b.givenAt,
      answers.filter((a) => a.blockId === b.id).map((a) => a.minutesAfter),
      now,
    );
    if (!due) continue;
    const key = `block:${b.id}:${due.minutes}`;
    const created = await notify(db, [
      {
        userId: b.patientId,
        kind: "block_prompt",
        key,
        title: "A question about your injection is waiting",
        href: "/patient/block",
      },
    ]);
    notified += created.length;
    if (now.getTime() - due.dueAt.getTime() < BLOCK_EMAIL_AFTER_MINUTES * MINUTE || !b.email)
      continue;
    const wrote = await db.transaction(async (tx) => {
      const [unread] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, b.patientId),
            eq(notifications.key, key),
            isNull(notifications.readAt),
          ),
        );
      if (!unread) return false; // seen in the portal
      const [mark] = await tx
        .insert(sentMarks)
        .values({ key: `block-email:${b.id}:${due.minutes}` })
        .onConflictDoNothing()
        .returning({ key: sentMarks.key });
      if (!mark) return false;
      await queueEmail(tx, {
        kind: "reminder_block",
        userId: b.patientId,
        to: b.email,
        email: blockPromptEmail({
          url: `${settings.publicUrl}/patient/block`,
          clinic: { name: settings.clinicName, phone: settings.clinicPhone },
        }),
      });
      return true;
    });
    if (wrote) emailed++;
  }
  if (emailed > 0) await wakeMailDelivery();
  return { notified, emailed };
}
