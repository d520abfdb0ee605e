/**
 * What the HTTP benchmarks share (not a test): the production build with the floor routes
 * (BENCH_FLOORS=1 into .next-bench, decision 019), the portal started as `npm start` does on a
 * throwaway PostgreSQL database with the demo data, and a sign-in that returns the session cookie.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import postgres from "postgres";

const DIST = ".next-bench";

/** Builds into .next-bench with the floor routes, unless the command line says --keep-build. */
export function buildWithFloors() {
  if (process.argv.includes("--keep-build")) return;
  console.log(`building into ${DIST} with the floor routes…`);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const built = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, BENCH_FLOORS: "1", NEXT_DIST_DIR: DIST },
  });
  if (built.status !== 0) throw new Error("the bench build failed");
}

/**
 * Starts the bench build on a new database `name` on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432) with the demo data; `stop` ends the server and drops it.
 */
export async function startPortal(name: string, port: number) {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url.toString(),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      DATA_ENCRYPTION_KEY: `bench:${randomBytes(32).toString("base64")}`,
      SEED_DEMO: "true",
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
      NEXT_DIST_DIR: DIST,
      // Should start.ts find the sources newer than the build, its rebuild keeps the floors.
      BENCH_FLOORS: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
  try {
    await waitFor(`${base}/api/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, databaseUrl: url.toString(), stop };
}

async function waitFor(target: string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${target} did not answer`);
}

/** Signs in as next-auth's sign-in form does; returns the session cookie. */
export async function signIn(
  base: string,
  email: string,
  password: string,
  ip = "198.51.100.250",
): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookie,
      "x-forwarded-for": ip,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return session;
}

/** The patient pages the budgets of decision 019 and issue 20 apply to. */
export const PATIENT_PAGES = [
  "/patient",
  "/patient/diary/new",
  "/patient/history",
  "/patient/progress",
  "/patient/messages",
  "/patient/messages/new",
  "/patient/plan",
  "/patient/help",
  "/patient/more",
  "/patient/check-in",
  "/patient/block",
];
