/**
 * The database crashes while patients save their diaries: a throwaway PostgreSQL cluster (never
 * the shared server) is stopped with `-m immediate` in the middle of 10 patients × 8 entries sent
 * with the diary form's retry policy, and started again. Every entry must be stored exactly once,
 * and no answer may be a 500: while the database is away the answer is 503 with a human message.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { isRetryable, retryDelayMs } from "@/components/diary/send-policy";
import { type Database, openDatabase } from "@/db/client";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { insertProcedure } from "@/server/testing/clinical";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { type Cluster, createCluster } from "@/server/testing/pg-cluster";
import { todayInZone } from "@/server/time";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/shared/outage";

let cluster: Cluster;
let database: Database;

beforeAll(async () => {
  cluster = await createCluster();
  database = openDatabase({ url: cluster.url, poolSize: 10 });
  await database.migrate();
}, 120_000);

afterAll(async () => {
  await database?.close();
  cluster?.destroy();
});

const httpStatus: Record<string, number> = {
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
  BAD_REQUEST: 400,
  CONFLICT: 409,
};

test("a database crash under 10 patients × 8 diary entries loses nothing, stores nothing twice and answers no 500", async () => {
  const db = database.db;
  const provider = await createUser(db, "provider");
  const today = todayInZone("UTC");
  const patients: Actor[] = [];
  for (let i = 0; i < 10; i++) {
    const patient = await createUser(db, "patient");
    await assignPatient(db, provider, patient);
    await insertProcedure(db, patient, provider, addDays(today, -30));
    patients.push(patient);
  }

  const answers: number[] = [];
  const messages = new Set<string>();
  let crashed = false;

  /** What the form does: send, and on a network failure or 503 send again with the same id. */
  async function submit(patient: Actor, entryDate: string) {
    const clientId = randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        await callerFor(db, patient).diary.add({
          clientId,
          entryDate,
          painAverage: 4,
          enjoyment: 3,
          activity: 4,
          locations: ["lumbar"],
          qualities: ["aching"],
          siteSoreness: false,
        });
        answers.push(200);
        return;
      } catch (error) {
        const code = error instanceof TRPCError ? error.code : "NETWORK";
        const status = httpStatus[code];
        answers.push(status ?? 0);
        if (error instanceof Error) messages.add(error.message);
        if (!isRetryable(status) || attempt > 12) throw error;
        // The form's back-off, shortened tenfold so the test takes seconds, not minutes.
        await new Promise((r) => setTimeout(r, retryDelayMs(attempt) / 10));
      }
    }
  }

  const sending = Promise.all(
    patients.map(async (patient, p) => {
      for (let i = 0; i < 8; i++) {
        await submit(patient, addDays(today, -i));
        await new Promise((r) => setTimeout(r, 60 + p * 7));
      }
    }),
  );
  // Crash in the middle of the stream, stay down for 3 s, come back.
  await new Promise((r) => setTimeout(r, 250));
  cluster.stop("immediate");
  crashed = true;
  await new Promise((r) => setTimeout(r, 3000));
  cluster.start();
  await sending;

  expect(crashed).toBe(true);
  const [row] = await db.execute<{ total: number; distinct: number }>(
    sql`select count(*)::int as total, count(distinct client_id)::int as distinct from diary_entries`,
  );
  expect(row).toEqual({ total: 80, distinct: 80 });
  expect(answers.filter((s) => s === 200)).toHaveLength(80);
  // The outage was seen, and answered 503 with the human message; never a 500 or driver text.
  expect(answers).toContain(503);
  expect(answers.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  expect([...messages]).toEqual([DATABASE_UNAVAILABLE_MESSAGE]);
}, 120_000);
