import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { startPortal, waitForHealth } from "./portal-process";

test("a second process on the same embedded database fails clearly; the first keeps working", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-lock-"));
  const portA = 3290 + Math.floor(Math.random() * 50);
  const first = startPortal(dataDir, portA);
  let second: { child: ChildProcess } | undefined;
  try {
    await waitForHealth(first, portA);
    expect(first.output()).toContain("Demo sign-ins");

    const other = startPortal(dataDir, portA + 100);
    second = other;
    expect(await other.exited).toBe(1);
    expect(other.output()).toMatch(/already in use by another process \(pid \d+\)/);

    const health = await fetch(`http://localhost:${portA}/api/health`);
    expect(health.status).toBe(200);
    const signin = await fetch(`http://localhost:${portA}/signin`);
    expect(signin.status).toBe(200);
  } finally {
    second?.child.kill("SIGTERM");
    first.child.kill("SIGTERM");
    await first.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("with DATABASE_URL in production and no DATA_ENCRYPTION_KEY, start refuses in one line", async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/portal_never_used",
    NEXTAUTH_SECRET: "a-secret-long-enough-for-the-check-0123456789",
  };
  delete env.DATA_ENCRYPTION_KEY;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  const lines = output.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^DATA_ENCRYPTION_KEY is required when DATABASE_URL is set in production/,
  );
});

test("with DATABASE_URL in production and no NEXTAUTH_SECRET, start refuses in one line", async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/portal_never_used",
  };
  delete env.NEXTAUTH_SECRET;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  const lines = output.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^NEXTAUTH_SECRET is required when DATABASE_URL is set in production/);
});
