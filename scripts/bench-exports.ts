/**
 * Part of `npm run bench` (issue 12): the clinic's exports on the bench database (10,000 patients),
 * through the route functions as a request runs them (role check, counts, audit row, the stream
 * encoded to bytes), read to the end and thrown away. Per export: time, size, resources, and peak
 * memory above the level before it (heap and RSS, sampled at every chunk). The exports stream, so
 * the peak must not grow with the clinic: the Observation export's peak over its first tenth is
 * shown next to its peak over the whole.
 */
import type postgres from "postgres";
import type { Db } from "../db/client";
import type { Actor } from "../server/authz/policy";

const MB = 2 ** 20;

export async function benchExports(db: Db, raw: postgres.Sql, log: (...parts: unknown[]) => void) {
  const { bulkExportRoute, outcomeCsvRoute } = await import("../server/http/report-routes");
  const { BULK_TYPES } = await import("../server/fhir/map");

  await raw`
    insert into users (email, name, role, password_hash)
    values ('bench-admin@example.test', 'Bench Admin', 'admin', 'x') on conflict do nothing`;
  const [row] = await raw<Array<{ id: string; name: string; email: string }>>`
    select id, name, email from users where email = 'bench-admin@example.test'`;
  if (!row) throw new Error("bench admin missing");
  const admin: Actor = { ...row, role: "admin", mustChangePassword: false };
  const ctx = { db, actor: admin, ip: "127.0.0.1" };

  /** Reads a response to the end; returns size, lines, time and memory peaks. */
  async function measure(open: () => Promise<Response>, expectedLines?: number) {
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    let peakHeapFirstTenth = 0;
    const started = performance.now();
    const response = await open();
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
    const expected = expectedLines ?? Number(response.headers.get("x-resource-count") ?? 0);
    const reader = response.body.getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      for (const b of chunk.value) if (b === 10) lines += 1;
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
      if (lines <= expected / 10) peakHeapFirstTenth = Math.max(peakHeapFirstTenth, m.heapUsed);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      bytes,
      lines,
      heapAbove: (peakHeap - before.heapUsed) / MB,
      heapAboveFirstTenth: (peakHeapFirstTenth - before.heapUsed) / MB,
      rssAbove: (peakRss - before.rss) / MB,
      heapBefore: before.heapUsed / MB,
      rssBefore: before.rss / MB,
    };
  }

  const results: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
  for (const type of BULK_TYPES) {
    results.push([`${type}.ndjson`, await measure(() => bulkExportRoute(ctx, `${type}.ndjson`))]);
  }
  const [procedures] = await raw<Array<{ n: number }>>`
    select count(*)::int as n from procedures where deleted_at is null`;
  results.push([
    "outcomes.csv",
    await measure(() => outcomeCsvRoute(ctx), (procedures?.n ?? 0) + 1),
  ]);

  const observation = results.find(([name]) => name === "Observation.ndjson")?.[1];
  log("");
  log("Clinic exports (whole bench clinic, through the route functions, streamed and discarded):");
  log("");
  log("| export | lines | size | time | rate | peak heap above start | peak RSS above start |");
  log("|---|---|---|---|---|---|---|");
  for (const [name, r] of results) {
    log(
      `| ${name} | ${r.lines.toLocaleString("en")} | ${(r.bytes / MB).toFixed(0)} MiB | ${r.seconds.toFixed(1)} s | ${Math.round(r.lines / r.seconds).toLocaleString("en")}/s | ${r.heapAbove.toFixed(1)} MiB | ${r.rssAbove.toFixed(1)} MiB |`,
    );
  }
  if (observation) {
    log("");
    log(
      `Observation.ndjson: peak heap above start over the first tenth ${observation.heapAboveFirstTenth.toFixed(1)} MiB, over the whole ${observation.heapAbove.toFixed(1)} MiB (heap before ${observation.heapBefore.toFixed(0)} MiB, RSS before ${observation.rssBefore.toFixed(0)} MiB); output ${(observation.bytes / MB).toFixed(0)} MiB`,
    );
  }
}
