import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, signInThrottle, users } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import { matrix } from "@/server/testing/authz-table";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import {
  callerFor,
  createUser,
  deactivate,
  sessionToken,
  TEST_PASSWORD,
} from "@/server/testing/fixtures";
import { signIn, THROTTLE } from "./auth";
import { endSession, loadActor, startSession } from "./sessions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const ip = (n: number) => `198.51.100.${n}`;

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await createUser(t.db, "patient", { email: "Mixed.Case@Example.test" });
    const result = await signIn(
      t.db,
      { email: " mixed.case@example.TEST ", password: TEST_PASSWORD },
      ip(1),
    );
    expect(result).toMatchObject({
      ok: true,
      user: { id: user.id, sessionVersion: 1 },
      session: { state: "active" },
    });
  });

  it("refuses a wrong password, an unknown account and a deactivated account alike", async () => {
    const user = await createUser(t.db, "provider");
    const inactive = await createUser(t.db, "provider", { active: false });
    for (const attempt of [
      { email: user.email, password: "wrong password" },
      { email: "nobody@example.test", password: TEST_PASSWORD },
      { email: inactive.email, password: TEST_PASSWORD },
    ]) {
      expect(await signIn(t.db, attempt, ip(2))).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("never throws on malformed input (empty, 10,000-character email, wrong types)", async () => {
    for (const bad of [
      {},
      null,
      { email: "", password: "" },
      { email: "a".repeat(10_000), password: "x" },
      { email: 42, password: ["x"] },
      { email: "x@example.test", password: "p".repeat(5_000) },
    ]) {
      expect(await signIn(t.db, bad, ip(3))).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("slows an account guessed from many addresses once its ceiling is reached, even with the right password", async () => {
    const user = await createUser(t.db, "patient");
    for (let i = 0; i < THROTTLE.account; i++) {
      // a different address each time: the account counter alone must slow it
      expect(await signIn(t.db, { email: user.email, password: "nope" }, ip(10 + i))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await signIn(t.db, { email: user.email, password: TEST_PASSWORD }, ip(80))).toEqual({
      ok: false,
      reason: "throttled",
    });
    // Slowed, not locked: the first wait is 30 seconds…
    const [row] = await t.db
      .select({ wait: sql<number>`extract(epoch from ${signInThrottle.lockedUntil} - now())` })
      .from(signInThrottle)
      .where(eq(signInThrottle.key, `account:${user.email}`));
    expect(Number(row?.wait)).toBeGreaterThan(25);
    expect(Number(row?.wait)).toBeLessThanOrEqual(30);
    // …and once it has passed, the right password signs in.
    await t.db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(signInThrottle.key, `account:${user.email}`));
    expect((await signIn(t.db, { email: user.email, password: TEST_PASSWORD }, ip(81))).ok).toBe(
      true,
    );
  });

  it("doubles the wait after each further failure, at most 15 minutes", async () => {
    const user = await createUser(t.db, "patient");
    const waits: number[] = [];
    for (let i = 0; i < THROTTLE.accountAtAddress + 8; i++) {
      // Each attempt past the ceiling is let through by moving the wait into the past.
      await t.db
        .update(signInThrottle)
        .set({ lockedUntil: null })
        .where(eq(signInThrottle.key, `account-at:${user.email}|${ip(130)}`));
      await signIn(t.db, { email: user.email, password: "nope" }, ip(130));
      const [row] = await t.db
        .select({ wait: sql<number>`extract(epoch from ${signInThrottle.lockedUntil} - now())` })
        .from(signInThrottle)
        .where(eq(signInThrottle.key, `account-at:${user.email}|${ip(130)}`));
      waits.push(Math.round(Number(row?.wait ?? 0) / 10) * 10);
    }
    expect(waits.slice(THROTTLE.accountAtAddress - 2)).toEqual([
      0, 30, 60, 120, 240, 480, 900, 900, 900, 900,
    ]);
  });

  it("ten failures for one account from one address do not stop another account there", async () => {
    const typist = await createUser(t.db, "patient");
    const neighbour = await createUser(t.db, "patient");
    for (let i = 0; i < 10; i++) {
      await signIn(t.db, { email: typist.email, password: "typo" }, ip(150));
    }
    expect(await signIn(t.db, { email: typist.email, password: TEST_PASSWORD }, ip(150))).toEqual({
      ok: false,
      reason: "throttled",
    });
    // The same clinic tablet, another patient: signs in.
    expect(
      (await signIn(t.db, { email: neighbour.email, password: TEST_PASSWORD }, ip(150))).ok,
    ).toBe(true);
    // The typist from home (another address): not stopped either.
    expect((await signIn(t.db, { email: typist.email, password: TEST_PASSWORD }, ip(151))).ok).toBe(
      true,
    );
  });

  it("slows an address that tries many accounts, past a high ceiling", async () => {
    const victims = await Promise.all(
      Array.from({ length: 20 }, () => createUser(t.db, "patient")),
    );
    for (let i = 0; i < THROTTLE.address; i++) {
      const victim = victims[i % victims.length];
      await signIn(t.db, { email: victim?.email, password: "guess" }, ip(99));
    }
    const innocent = await createUser(t.db, "patient");
    expect(await signIn(t.db, { email: innocent.email, password: TEST_PASSWORD }, ip(99))).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(
      (await signIn(t.db, { email: innocent.email, password: TEST_PASSWORD }, ip(98))).ok,
    ).toBe(true);
  });

  it("audits successes and failures without the password or email", async () => {
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_in"));
    expect(rows.some((r) => r.outcome === "success")).toBe(true);
    expect(rows.some((r) => r.outcome === "failure")).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain("@example.test");
  });
});

describe("change password", () => {
  it("counts wrong current passwords against the sign-in limit", async () => {
    const user = await createUser(t.db, "provider");
    const caller = callerFor(t.db, user, ip(120));
    const attempt = (currentPassword: string) =>
      caller.account
        .changePassword({ currentPassword, newPassword: "Lantern harbor quietly 2931" })
        .catch((e: unknown) => e);
    for (let i = 0; i < THROTTLE.accountAtAddress; i++) {
      expect(await attempt("wrong guess")).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await attempt(TEST_PASSWORD)).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many wrong attempts. Please wait a few minutes and try again.",
    });
    // Signing in from the same address waits too.
    expect(await signIn(t.db, { email: user.email, password: TEST_PASSWORD }, ip(120))).toEqual({
      ok: false,
      reason: "throttled",
    });
  });
});

describe("sessions", () => {
  it("ends a session when the account is deactivated or its session version is bumped", async () => {
    const user = await createUser(t.db, "provider");
    expect(await loadActor(t.db, await sessionToken(t.db, user.id, 1))).toMatchObject({
      id: user.id,
      role: "provider",
    });
    await t.db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    expect(await loadActor(t.db, await sessionToken(t.db, user.id, 1))).toBeNull();
    expect(await loadActor(t.db, await sessionToken(t.db, user.id, 2))).not.toBeNull();
    await deactivate(t.db, user);
    expect(await loadActor(t.db, await sessionToken(t.db, user.id, 2))).toBeNull();
    expect(
      await loadActor(t.db, { sub: "not-a-uuid", sv: 1, sid: crypto.randomUUID() }),
    ).toBeNull();
  });

  it("ends only the signed-out session; a session id of another user is no session", async () => {
    const user = await createUser(t.db, "patient");
    const other = await createUser(t.db, "patient");
    const first = await sessionToken(t.db, user.id);
    const second = await sessionToken(t.db, user.id);
    await endSession(t.db, first);
    expect(await loadActor(t.db, first)).toBeNull();
    expect(await loadActor(t.db, second)).toMatchObject({ id: user.id });
    expect(await loadActor(t.db, { ...second, sub: other.id })).toBeNull();
    const audit = await t.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_out"));
    expect(audit).toContainEqual({ actorId: user.id });
  });

  it("a second step still to do reaches nothing: only active sessions load an actor", async () => {
    const user = await createUser(t.db, "provider");
    const sid = await startSession(t.db, { userId: user.id, state: "mfa_pending" });
    expect(await loadActor(t.db, { sub: user.id, sv: 1, sid })).toBeNull();
  });
});

describe("procedure guards", () => {
  const procedures = Object.keys(appRouter._def.procedures);

  it("answers UNAUTHORIZED to an anonymous caller on every procedure but the public ones", async () => {
    expect(procedures.length).toBeGreaterThan(0);
    const anonymous = callerFor(t.db, null);
    // Public by design (the authorization table says so), e.g. checking an invitation link, or
    // using a reset link (public, and refused only for the made-up link the table sends).
    const open = (p: string) => ["OK", "BAD_REQUEST"].includes(matrix[p]?.expect.anonymous ?? "");
    for (const path of procedures.filter((p) => !open(p))) {
      const call = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], anonymous) as (
        input?: unknown,
      ) => Promise<unknown>;
      await expect(call({}), path).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("answers FORBIDDEN to a patient calling an admin procedure, and audits the denial", async () => {
    const patient = await createUser(t.db, "patient");
    const error = await callerFor(t.db, patient)
      .account.list({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, patient.id));
    expect(denial).toMatchObject({ action: "request.denied", outcome: "denied" });
    expect(denial?.details).toMatchObject({ procedure: "account.list", code: "FORBIDDEN" });
  });
});

describe("audit trail", () => {
  it("refuses updates and deletes of audit rows, even in SQL from the app's connection", async () => {
    await expect(t.db.execute(sql`update audit_events set action = 'x'`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    await expect(t.db.execute(sql`truncate audit_events`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(row?.n).toBeGreaterThan(0);
  });
});
