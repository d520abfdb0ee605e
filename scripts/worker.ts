/**
 * `npm run worker`: runs the job queue (email delivery, reminders, digests, caseload warm-up) in
 * a process of its own, against PostgreSQL. Start any number of them, and app instances with
 * JOBS_IN_APP=false: each job still runs once. The embedded database belongs to `npm start`
 * alone, whose process runs the jobs itself.
 */
import "./server-only";

const { env } = await import("../server/env").catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
if (!env.DATABASE_URL) {
  console.error(
    "npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database, `npm start` runs the jobs itself.",
  );
  process.exit(1);
}
const { openDatabase } = await import("../db/client");
const { startQueue } = await import("../server/jobs/queue");
const { configuredSenders, portalJobs } = await import("../server/jobs/jobs");

const database = openDatabase({ url: env.DATABASE_URL, poolSize: 4 });
await database.migrate();
const queue = await startQueue(database, portalJobs(database.db, configuredSenders(database.db)), {
  timeZone: "UTC",
});
console.log(
  `Job worker running against PostgreSQL${env.SMTP_URL ? "" : " (no SMTP_URL: emails stay in the outbox)"}.`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await queue.stop().catch(() => {});
  await database.close().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
