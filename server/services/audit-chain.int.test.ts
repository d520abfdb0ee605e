// The audit trail is tamper-evident (docs/decisions/024-audit-hash-chain.md): with the
// append-only trigger disabled (as a DBA or a restored backup could), an edited, a deleted and an
// inserted row are each found, and the check names the first broken row; concurrent writers leave
// a valid chain.
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { recordAudit } from "./audit";
import { verifyAuditChain } from "./audit-chain";

let t: TestDatabase;
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t?.close();
  t = await createTestDatabase();
  for (let i = 0; i < 10; i++) {
    await recordAudit(t.db, { action: "test.event", outcome: "success", details: { i } });
  }
});

/** As someone who can switch the append-only trigger off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
  await t.db.execute(statement);
  await t.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
}

const seqOf = async (n: number) => {
  const [row] = rowsOf<{ id: string }>(
    await t.db.execute(sql`select id from audit_events where details->>'i' = ${String(n)}`),
  );
  return row?.id;
};

describe("the audit hash chain", () => {
  it("is intact after ordinary writes", async () => {
    const report = await verifyAuditChain(t.db);
    expect(report.firstBreak).toBeNull();
    expect(report.rows).toBeGreaterThanOrEqual(10);
  });

  it("finds an edited row", async () => {
    const id = await seqOf(4);
    await tamper(sql`update audit_events set outcome = 'failure' where id = ${id}`);
    expect((await verifyAuditChain(t.db)).firstBreak).toMatchObject({ id, reason: "changed" });
  });

  it("finds an edited row whose hash was recomputed, at the row after it", async () => {
    const id = await seqOf(4);
    const next = await seqOf(5);
    await tamper(
      sql`update audit_events set details = '{"i": 40}', hash = audit_event_hash(prev_hash, audit_events) where id = ${id}`,
    );
    // The edited row now hashes right; the next one no longer follows on from it.
    await tamper(
      sql`update audit_events set hash = audit_event_hash(prev_hash, audit_events) where id = ${id}`,
    );
    expect((await verifyAuditChain(t.db)).firstBreak).toMatchObject({
      id: next,
      reason: "link_broken",
    });
  });

  it("finds a deleted row, at the row after it", async () => {
    const id = await seqOf(6);
    const next = await seqOf(7);
    await tamper(sql`delete from audit_events where id = ${id}`);
    expect((await verifyAuditChain(t.db)).firstBreak).toMatchObject({
      id: next,
      reason: "row_missing_before",
    });
  });

  it("finds a row inserted with the triggers off", async () => {
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_chain`);
    await t.db.execute(
      sql`insert into audit_events (action, outcome) values ('forged.event', 'success')`,
    );
    await t.db.execute(sql`alter table audit_events enable trigger audit_events_chain`);
    const [forged] = rowsOf<{ id: string }>(
      await t.db.execute(sql`select id from audit_events where action = 'forged.event'`),
    );
    expect((await verifyAuditChain(t.db)).firstBreak).toMatchObject({
      id: forged?.id,
      seq: null,
      reason: "not_chained",
    });
  });

  it("stays valid with 10 concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 5; i++) {
            await t.db.transaction(async (tx) => {
              await recordAudit(tx, {
                action: "test.concurrent",
                outcome: "success",
                details: { w, i },
              });
            });
          }
        })(),
      ),
    );
    const report = await verifyAuditChain(t.db);
    expect(report.firstBreak).toBeNull();
    expect(report.rows).toBeGreaterThanOrEqual(60);
  });
});
