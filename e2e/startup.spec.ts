import type { ChildProcess } from "node:child_process";
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

const NEVER_USED = "postgres://postgres@127.0.0.1:5432/portal_never_used";

for (const { missing, extra } of [
  {
    missing: "DATA_ENCRYPTION_KEY",
    extra: {
      DATABASE_URL: NEVER_USED,
      NEXTAUTH_SECRET: "a-secret-long-enough-for-the-check-0123456789",
    },
  },
  { missing: "NEXTAUTH_SECRET", extra: { DATABASE_URL: NEVER_USED } },
]) {
  test(`with DATABASE_URL in production and no ${missing}, start refuses in one line`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "portal-config-"));
    try {
      // startPortal leaves out DATABASE_URL and both secrets unless `extra` gives them.
      const portal = startPortal(dataDir, 3999, extra);
      expect(await portal.exited).toBe(1);
      const lines = portal.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^${missing} is required when DATABASE_URL is set in production`),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
