import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";

/**
 * In-app notifications (the bell), per person. New kinds need only a `kind` name, a title and a
 * link: `key` makes each one idempotent (the same key for the same person is written once).
 */
export type NewNotification = {
  userId: string;
  kind: string;
  key: string;
  title: string;
  href: string;
};

/** Writes notifications in the caller's transaction; returns the ones that were new. */
export async function notify(
  tx: DbOrTx,
  items: readonly NewNotification[],
): Promise<Array<{ userId: string; key: string }>> {
  if (items.length === 0) return [];
  return tx
    .insert(notifications)
    .values([...items])
    .onConflictDoNothing()
    .returning({ userId: notifications.userId, key: notifications.key });
}

/** The key of a high flag's notification: one per procedure and flag, per provider. */
export const highFlagKey = (procedureId: string, code: string) =>
  `high_flag:${procedureId}:${code}`;

/**
 * A flag is answered (acknowledged, or answered by a decision: docs/decisions/011): its unread
 * high-flag notifications stop being new, for every provider who got them. In the caller's
 * transaction.
 */
export async function markFlagNotificationsRead(
  tx: DbOrTx,
  procedureId: string,
  codes: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  if (codes.length === 0) return;
  await tx
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.kind, "high_flag"),
        inArray(
          notifications.key,
          codes.map((code) => highFlagKey(procedureId, code)),
        ),
        isNull(notifications.readAt),
      ),
    );
}

/** A check-in was answered: the patient's "A check-in is waiting" notifications stop being new. */
export async function markCheckInNotificationsRead(
  tx: DbOrTx,
  userId: string,
  now: Date = new Date(),
): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.kind, "check_in_due"),
        isNull(notifications.readAt),
      ),
    );
}

export const NOTIFICATION_LIST_LIMIT = 50;

/** The person's latest notifications, newest first. */
export async function listNotifications(db: Db, actor: Actor) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      href: notifications.href,
      createdAt: notifications.createdAt,
      read: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_LIST_LIMIT);
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the person's unread notifications read: all, or only those of `kind`. */
export async function markAllRead(db: Db, actor: Actor, kind?: string): Promise<{ ok: true }> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, actor.id),
        isNull(notifications.readAt),
        kind ? eq(notifications.kind, kind) : undefined,
      ),
    );
  return { ok: true };
}
