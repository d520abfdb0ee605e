import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
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
