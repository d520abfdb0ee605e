// The audit trail's hash chain, checked (docs/decisions/024-audit-hash-chain.md): every row's
// hash recomputed from its fields and the row before it, in insertion order. Used by
// `npm run audit:verify` and the admin's audit page.
import "server-only";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { ChainBreak, ChainReport } from "@/shared/audit-chain";

export { type ChainBreak, type ChainReport, chainBreakWords } from "@/shared/audit-chain";

const BATCH = 5000;

type Row = {
  seq: number;
  id: string;
  at: string;
  prev_hash: string | null;
  hash: string | null;
  recomputed: string;
};

/** Walks the whole chain in insertion order and names the first row where it breaks. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const [outside] = rowsOf<{ id: string; at: string }>(
    await db.execute(sql`
    select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
    from audit_events where seq is null or hash is null order by at limit 1`),
  );
  let rows = 0;
  let lastSeq = 0;
  let lastHash: string | null = null;
  for (;;) {
    const batch = rowsOf<Row>(
      await db.execute(sql`
      select seq::float8 as seq, id, prev_hash, hash, audit_event_hash(prev_hash, e) as recomputed,
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
      from audit_events e where seq > ${lastSeq} and hash is not null
      order by seq limit ${BATCH}`),
    );
    for (const r of batch) {
      const seq = Number(r.seq);
      const reason: ChainBreak["reason"] | null =
        seq !== lastSeq + 1
          ? "row_missing_before"
          : r.hash !== r.recomputed
            ? "changed"
            : r.prev_hash !== lastHash
              ? "link_broken"
              : null;
      if (reason) {
        return { rows: rows + batch.length, firstBreak: { seq, id: r.id, at: r.at, reason } };
      }
      lastSeq = seq;
      lastHash = r.hash;
    }
    rows += batch.length;
    if (batch.length < BATCH) break;
  }
  if (outside) return { rows, firstBreak: { seq: null, ...outside, reason: "not_chained" } };
  return { rows, firstBreak: null };
}
