import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { clinicToday } from "@/server/services/settings";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { callerFor } from "@/server/testing/fixtures";
import { procedures, users } from "./schema";
import { DEMO_ACCOUNTS, seedDemo } from "./seed";
import { HISTORY_EMAIL_DOMAIN, HISTORY_PROVIDERS } from "./seed-history";

let t: TestDatabase;
let today: string;
const actors = new Map<string, Actor>();

beforeAll(async () => {
  t = await createTestDatabase();
  today = await clinicToday(t.db);
  await seedDemo(t.db, { today, hashPassword: async () => "x" });
  for (const email of [DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.provider.email]) {
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    if (u) actors.set(u.role, { ...u, mustChangePassword: false });
  }
});
afterAll(async () => {
  await t?.close();
});

const actor = (role: string) => actors.get(role) as Actor;

describe("demo history for the outcomes pages", () => {
  it("has a few hundred procedures over two years across modalities and regions, with repeats", async () => {
    const rows = await t.db.select().from(procedures);
    const history = rows.filter((p) => p.performedOn <= addDays(today, -21));
    expect(history.length).toBeGreaterThanOrEqual(250);
    expect(rows.every((p) => p.performedOn >= addDays(today, -730 - 200))).toBe(true);
    expect(history.some((p) => p.performedOn <= addDays(today, -600))).toBe(true);
    expect(new Set(rows.map((p) => p.modality)).size).toBe(4);
    expect(new Set(rows.map((p) => p.region)).size).toBeGreaterThanOrEqual(7);
    const byId = new Map(rows.map((p) => [p.id, p]));
    const repeats = rows.filter((p) => p.repeatsProcedureId);
    expect(repeats.length).toBeGreaterThanOrEqual(20);
    for (const r of repeats) {
      const first = byId.get(r.repeatsProcedureId ?? "");
      expect(first?.patientId).toBe(r.patientId);
      expect((first?.performedOn ?? "9") < r.performedOn).toBe(true);
    }
    const providers = await t.db.select().from(users).where(eq(users.role, "provider"));
    expect(providers.map((p) => p.email)).toEqual(
      expect.arrayContaining(HISTORY_PROVIDERS.map((p) => p.email)),
    );
  });

  it("gives the clinic curves with recurrences in every modality, repeats and decisions after failure", async () => {
    const { report } = await callerFor(t.db, actor("admin")).outcomes.report({
      groupBy: "modality",
    });
    expect(report.durability.groups).toHaveLength(4);
    for (const g of report.durability.groups) {
      expect(g.curve, g.label).not.toBeNull();
      expect(g.events, g.label).toBeGreaterThan(3);
    }
    expect(report.durability.logRank?.p).toBeLessThan(0.05);
    for (const m of report.milestones)
      for (const g of m.groups) expect(g.rate, g.label).not.toBeNull();
    expect(report.repeats.difference).not.toBeNull();
    expect(report.afterFailure.reduce((s, g) => s + g.decided, 0)).toBeGreaterThan(30);
  });

  it("gives the demo provider curves of their own, without flooding their work queue", async () => {
    const caller = callerFor(t.db, actor("provider"));
    const { report } = await caller.outcomes.report({ groupBy: "modality" });
    expect(report.procedures).toBeGreaterThanOrEqual(30);
    expect(report.durability.groups.some((g) => g.curve && g.events > 0)).toBe(true);
    const caseload = await caller.caseload.list({ page: 1, pageSize: 100 });
    const historyIds = new Set(
      (await t.db.select().from(users))
        .filter((u) => u.email.endsWith(HISTORY_EMAIL_DOMAIN))
        .map((u) => u.id),
    );
    const history = caseload.rows.filter((r) => historyIds.has(r.patientId));
    expect(history.length).toBeGreaterThanOrEqual(30);
    for (const r of history) {
      expect(r.state, r.name).not.toBe("needs_review");
      expect(r.category, r.name).not.toMatch(/^(no_change|minimal|worse)$/);
      expect(
        r.flags.filter((f) => !f.acknowledged),
        r.name,
      ).toEqual([]);
    }
    // The demo patients come first in the queue: the history patients' names sort after theirs.
    const names = caseload.rows.map((r) => r.name);
    expect(names.indexOf("Pat Patient")).toBeLessThan(25);
  });
});
