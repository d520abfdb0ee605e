/**
 * The job queue: pg-boss in the app's own database (its `pgboss` schema), on both drivers.
 * Started inside `npm start` (required for PGlite, which one process owns) and by
 * `npm run worker` (PostgreSQL). With several instances every job runs once: pg-boss hands a job
 * to one worker, a cron slot is created once, and our handlers are idempotent besides
 * (sent_marks, outbox claims with SKIP LOCKED). docs/decisions/013-job-queue-and-outbox.md.
 */
import PgBoss from "pg-boss";
import type postgres from "postgres";
import type { Database } from "@/db/client";
import { log } from "@/server/log";
import { registerWaker } from "./wake";

/** pg-boss's `db` option for either driver (see STACK-NOTES.md). */
export function bossDb(database: Database): PgBoss.Db {
  const raw = database.raw;
  if (raw.driver === "pglite") {
    return {
      async executeSql(text, values) {
        if (values?.length) return { rows: (await raw.pg.query(text, values)).rows };
        try {
          const results = await raw.pg.exec(text);
          return { rows: results.flatMap((r) => r.rows) };
        } catch (error) {
          // a failed BEGIN ... COMMIT text must not leave the one connection in a failed transaction
          await raw.pg.exec("rollback").catch(() => {});
          throw error;
        }
      },
    };
  }
  // drizzle turns postgres.js's date and JSON serializers off on this client: send text.
  const asText = (v: unknown) =>
    v === undefined
      ? null
      : v instanceof Date
        ? v.toISOString()
        : v !== null && typeof v === "object" && !Array.isArray(v)
          ? JSON.stringify(v)
          : v;
  return {
    async executeSql(text, values) {
      if (values?.length)
        return {
          rows: await raw.sql.unsafe(text, values.map(asText) as postgres.ParameterOrJSON<never>[]),
        };
      // Multi-statement text (BEGIN ... COMMIT with advisory locks) needs one connection.
      const connection = await raw.sql.reserve();
      try {
        return { rows: await connection.unsafe(text).simple() };
      } catch (error) {
        await connection.unsafe("rollback").catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}

export type JobHandler = () => Promise<unknown>;
export type JobDefinition = {
  name: string;
  /** cron (5 fields, UTC), or none for on-demand jobs */
  cron?: string;
  /** Wakes (wakeJob) within this many seconds are folded into one run. */
  wakeThrottleSeconds?: number;
  handler: JobHandler;
};

export type Queue = {
  boss: PgBoss;
  /** Runs the job soon; with `onceKey`, a second send with the same key within 12 hours is refused. */
  send(name: string, onceKey?: string): Promise<string | null>;
  stop(): Promise<void>;
};

/**
 * Starts pg-boss, creates the queues, registers the workers and the schedules.
 * `work: false` only sends (an app instance whose jobs run in `npm run worker`).
 */
export async function startQueue(
  database: Database,
  jobs: readonly JobDefinition[],
  opts: { timeZone: string; work?: boolean },
): Promise<Queue> {
  const boss = new PgBoss({
    db: bossDb(database),
    schedule: opts.work !== false,
    supervise: opts.work !== false,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: 3, retryBackoff: true });
    if (opts.work === false) continue;
    await boss.work(job.name, { pollingIntervalSeconds: 5 }, async () => {
      const started = performance.now();
      try {
        await job.handler();
        log.info({ job: job.name, ms: Math.round(performance.now() - started) }, "job");
      } catch (error) {
        log.error({ job: job.name, err: error }, "job failed");
        throw error;
      }
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: opts.timeZone });
    else await boss.unschedule(job.name).catch(() => {});
  }
  const send = (name: string, onceKey?: string) =>
    boss.send(name, {}, onceKey ? { singletonKey: onceKey, singletonSeconds: 12 * 3600 } : {});
  const throttle = new Map(jobs.map((j) => [j.name, j.wakeThrottleSeconds]));
  registerWaker(async (name) => {
    const seconds = throttle.get(name);
    await boss.send(
      name,
      {},
      seconds ? { singletonKey: "wake", singletonSeconds: seconds, singletonNextSlot: true } : {},
    );
  });
  return {
    boss,
    send,
    stop: async () => {
      registerWaker(undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
