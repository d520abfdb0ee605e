/**
 * The server Playwright tests run against: a production build (built if needed) on a fresh
 * database with the demo data. PostgreSQL when TEST_DATABASE_URL is set (a new database
 * `portal_e2e_<port>`), otherwise a fresh embedded database under .data-e2e-<port>/.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import postgres from "postgres";
import { E2E_DATA_KEY, E2E_SECRET } from "../e2e/secret";

const port = process.env.E2E_PORT ?? "3200";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  SEED_DEMO: "true",
  // Lets tests present their own client address (X-Forwarded-For) to the sign-in throttle.
  TRUST_PROXY: "true",
  NEXTAUTH_SECRET: E2E_SECRET,
  DATA_ENCRYPTION_KEY: E2E_DATA_KEY,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // Emails go to a mail server that the invitation spec runs in its own process (e2e/fixtures.ts).
  SMTP_URL: `smtp://127.0.0.1:${Number(port) + 8}`,
  APP_URL: `http://localhost:${port}`,
};
delete env.DATABASE_URL;

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `portal_e2e_${port}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATA_DIR = `.data-e2e-${port}`;
  rmSync(env.DATA_DIR, { recursive: true, force: true });
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
