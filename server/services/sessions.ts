// Server-side sessions (issue 8, decision 009): the session cookie is a signed JWT that points at a
// row here. Signing out revokes the row, so a copied cookie is worthless afterwards; every request
// loads the row and its user in one query by primary key.
import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "@/server/auth/session-policy";
import type { Actor } from "@/server/authz/policy";
import { recordAudit } from "./audit";

export type SessionState = (typeof sessions.$inferSelect)["state"];
/** What the session cookie holds: user id, session version, session id. */
export type SessionToken = { sub?: unknown; sv?: unknown; sid?: unknown };
export type LoadedSession = { id: string; state: SessionState; actor: Actor };

const uuid = z.uuid();

/** A new session row for a user whose password was right. */
export async function startSession(
  db: DbOrTx,
  input: { userId: string; state?: SessionState; ip?: string | null; userAgent?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      state: input.state ?? "active",
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("startSession: nothing inserted");
  return row.id;
}

/**
 * The session a cookie points at, with its user, in one query: null when the session was revoked
 * or expired, the account is gone or deactivated, or the session version was bumped since.
 */
export async function loadSession(db: DbOrTx, token: SessionToken): Promise<LoadedSession | null> {
  const { sub, sv, sid } = token;
  if (typeof sv !== "number" || !uuid.safeParse(sub).success || !uuid.safeParse(sid).success) {
    return null;
  }
  const [row] = await db
    .select({
      state: sessions.state,
      id: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sid as string),
        eq(sessions.userId, sub as string),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  if (!row?.active || row.sessionVersion !== sv) return null;
  return {
    id: sid as string,
    state: row.state,
    actor: {
      id: row.id,
      role: row.role,
      name: row.name,
      email: row.email,
      mustChangePassword: row.mustChangePassword,
    },
  };
}

/** The signed-in user of an active session (second step done), else null. */
export async function loadActor(db: DbOrTx, token: SessionToken): Promise<Actor | null> {
  const session = await loadSession(db, token);
  return session?.state === "active" ? session.actor : null;
}

/** Sign-out: the session ends on the server, whatever happens to the cookie. */
export async function endSession(db: DbOrTx, token: SessionToken): Promise<void> {
  const { sub, sid } = token;
  if (!uuid.safeParse(sub).success || !uuid.safeParse(sid).success) return;
  const [ended] = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .from(users)
    .where(
      and(
        eq(sessions.id, sid as string),
        eq(sessions.userId, sub as string),
        eq(users.id, sessions.userId),
        isNull(sessions.revokedAt),
      ),
    )
    .returning({ id: users.id, role: users.role });
  if (!ended) return;
  await recordAudit(db, {
    actor: ended,
    action: "auth.sign_out",
    outcome: "success",
    targetType: "session",
    targetId: sid as string,
  });
}

/** The user's sessions that are still open (newest first), the current one marked. */
export async function listSessions(db: DbOrTx, actor: Actor, currentId: string | null) {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, actor.id),
        eq(sessions.state, "active"),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(sessions.createdAt))
    .limit(50);
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

/** Ends every session of the user, this one included ("Sign out everywhere"). */
export async function endAllSessions(db: DbOrTx, actor: Actor, ip: string | null) {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, actor.id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  await recordAudit(db, {
    actor,
    action: "auth.sign_out_everywhere",
    outcome: "success",
    targetType: "user",
    targetId: actor.id,
    ip,
    details: { sessions: ended.length },
  });
  return { ended: ended.length };
}

/**
 * Deletes the rows of sessions that can never be used again: expired, or ended (signed out,
 * revoked) more than a day ago. Run daily by the `sessions.purge` job; returns how many went.
 */
export async function purgeEndedSessions(db: DbOrTx): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(sql`${sessions.expiresAt} < now() or ${sessions.revokedAt} < now() - interval '1 day'`)
    .returning({ id: sessions.id });
  return gone.length;
}
