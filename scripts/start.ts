/**
 * `npm start`: builds if the sources changed since the last build, opens the database
 * (PostgreSQL with DATABASE_URL, else the embedded PGlite under DATA_DIR), applies migrations
 * forward-only, seeds the demo accounts on an empty embedded database, and serves the portal.
 * `npm run dev` does the same with Next.js in development mode.
 */
import "./server-only";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const {
  ConfigError,
  dataDir,
  dataKeyring,
  demoSeedingAllowed,
  env,
  resolveAuthSecret,
  usesEmbeddedDatabase,
} = await import("../server/env").catch((error: Error) => fail(error.message));

try {
  process.env.NEXTAUTH_SECRET = resolveAuthSecret();
  // The key ring for secrets at rest: a missing key stops the start here, in one line.
  dataKeyring();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
// Without NEXTAUTH_URL, next-auth takes the origin from the request's host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

const { DatabaseLockedError, openDatabase, setAppDatabase } = await import("../db/client");
const database = (() => {
  try {
    return openDatabase(
      env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(dataDir(), "pglite") },
    );
  } catch (error) {
    return fail(
      error instanceof DatabaseLockedError
        ? error.message
        : `Cannot open the database: ${String(error)}`,
    );
  }
})();

let server: Server | undefined;
let queue: import("../server/jobs/queue").Queue | undefined;
let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  server?.close();
  await queue?.stop().catch(() => {});
  await database.close().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

if (!dev && !buildIfNeeded()) {
  console.error("The build failed (see above).");
  await shutdown(1);
}

try {
  await database.migrate();
} catch (error) {
  console.error(
    `Database migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  await shutdown(1);
}
setAppDatabase(database);

// Secrets at rest: values stored before encryption, or under an older key, move to the current
// key (docs/decisions/023-secrets-at-rest.md).
try {
  const { reencryptSecrets } = await import("../server/services/secrets");
  const { dataKeyring } = await import("../server/env");
  const moved = await reencryptSecrets(database.db, dataKeyring());
  if (moved > 0) console.log(`Encrypted ${moved} stored secret(s) under the current key.`);
} catch (error) {
  console.error(`Secrets at rest: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

const { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } = await import("../db/seed");
const { hashPassword } = await import("../server/auth/password-hash");
const { todayInZone } = await import("../server/time");
let demo = false;
if (demoSeedingAllowed() && (await isDatabaseEmpty(database.db))) {
  await seedDemo(database.db, { hashPassword, today: todayInZone(env.CLINIC_TIME_ZONE) });
  demo = true;
}

// The job queue lives in this process: PGlite has one owner, and with PostgreSQL an instance
// either works jobs too (the default) or only sends them (JOBS_IN_APP=false, `npm run worker`).
const { startQueue } = await import("../server/jobs/queue");
const { configuredSenders, portalJobs } = await import("../server/jobs/jobs");
try {
  queue = await startQueue(database, portalJobs(database.db, configuredSenders(database.db)), {
    timeZone: "UTC",
    work: usesEmbeddedDatabase() || env.JOBS_IN_APP === "true",
  });
} catch (error) {
  console.error(`The job queue did not start: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}

// A new clinic's first administrator (docs/decisions/033-first-run-setup.md).
{
  const { ensureFirstAdmin } = await import("../server/services/first-admin");
  const first = await ensureFirstAdmin(database.db, env.ADMIN_EMAIL);
  if (first.state === "invited")
    console.log(`First administrator: open ${first.url} to choose your password (${first.email}).`);
  else if (first.state === "missing")
    console.log(
      "No administrator yet: start again with ADMIN_EMAIL=you@your-clinic.org to create one.",
    );
  else if (first.state === "taken")
    console.error(`ADMIN_EMAIL ${first.email} belongs to an account that is not an administrator.`);
}

const require = createRequire(import.meta.url);
const next = require("next") as typeof import("next").default;
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const { log } = await import("../server/log");
const { databaseOutage } = await import("../server/http/database-outage");
const { answeredUnsupportedMethod } = await import("../server/http/method-guard");
const outage = databaseOutage(database.db, !dev);
server = createServer(async (req, res) => {
  // The client address that sign-in throttling and the audit trail see: the socket's, unless a
  // trusted reverse proxy in front of us appended it (TRUST_PROXY=true).
  if (env.TRUST_PROXY !== "true") req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
  const started = performance.now();
  // One line per request: the path without its query string (a search may hold a name).
  const path = (req.url ?? "/").split("?")[0];
  if (!path?.startsWith("/_next/static")) {
    res.once("finish", () =>
      log.info(
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      ),
    );
  }
  if (answeredUnsupportedMethod(req, res, !dev)) return;
  if (await outage.answered(req, res)) return;
  void handle(req, res);
});
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${env.PORT} is already in use: set PORT to another port.`
      : String(error),
  );
  void shutdown(1);
});
server.listen(env.PORT, env.HOST, () => {
  const where = usesEmbeddedDatabase() ? `embedded database in ${dataDir()}` : "PostgreSQL";
  console.log(`Ablation Follow-up Portal ready on http://localhost:${env.PORT} (${where})`);
  if (demo || (usesEmbeddedDatabase() && demoSeedingAllowed())) {
    const list = Object.values(DEMO_ACCOUNTS)
      .map((a) => `${a.role} ${a.email}`)
      .join(", ");
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"): ${list}`);
  }
});

/** Builds when there is no build yet or a source file is newer than it; false if the build failed. */
function buildIfNeeded(): boolean {
  const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [
    "app",
    "components",
    "server",
    "shared",
    "db",
    "public",
    "next.config.mjs",
    "postcss.config.mjs",
    "tsconfig.json",
    "package-lock.json",
    "proxy.ts",
    "instrumentation.ts",
  ];
  if (builtAt > 0 && !sources.some((s) => newerThan(s, builtAt))) return true;
  console.log(
    builtAt
      ? "Sources changed since the last build: building…"
      : "Building the portal (first start)…",
  );
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  return spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" }).status === 0;
}

function newerThan(p: string, time: number): boolean {
  if (!existsSync(p)) return false;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return readdirSync(p).some((name) => newerThan(path.join(p, name), time));
}
