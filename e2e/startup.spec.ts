import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, expectNoA11yViolations, test } from "./fixtures";
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

test("a new clinic: the start prints the first administrator's link; the admin chooses a password and meets the setup first, then /admin", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-first-run-"));
  const port = Number(process.env.E2E_PORT ?? 3200) + 40;
  const portal = startPortal(dataDir, port, {
    SEED_DEMO: "false",
    ADMIN_EMAIL: "first.admin@example.com",
  });
  try {
    await waitForHealth(portal, port);
    const link = /First administrator: open (\S+) to choose your password/.exec(portal.output());
    expect(link?.[1], portal.output()).toMatch(new RegExp(`^http://localhost:${port}/invite/`));
    await page.goto(link?.[1] ?? "");
    await page.getByLabel("New password", { exact: true }).fill("Granite meadow sunrise 4417");
    await page.getByLabel("New password again").fill("Granite meadow sunrise 4417");
    await page.getByRole("button", { name: /Save|Choose|Set/ }).click();

    // Signed in, /admin opens on the setup.
    await expect(page.getByRole("heading", { level: 1, name: "Set up the clinic" })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/setup$/);
    // The "Password saved" toast fades in and out (axe would measure it half transparent).
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoA11yViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: "test-results/setup-360.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The address the browser is on is the address the links will use: no warning.
    await expect(page.getByLabel("Public address")).toHaveValue(`http://localhost:${port}`);
    await expect(page.getByText(/You are using the portal at/)).toHaveCount(0);
    // Another address warns.
    await page.getByLabel("Public address").fill("https://portal.lakeside.example");
    await expect(page.getByText(/You are using the portal at/)).toBeVisible();

    // Every answer is needed: the second-factor choice is not made for the admin.
    await page.getByLabel("Clinic name").fill("Lakeside Pain Clinic");
    await page.getByLabel("Clinic phone").fill("+1 555 0199");
    await page.getByRole("button", { name: "Finish setup" }).click();
    await expect(page.getByText("Choose whether staff need a second factor.")).toBeVisible();
    await expect(
      page.getByRole("alert").filter({ hasText: "Check the answer marked below." }),
    ).toBeVisible();
    await expect(page.getByRole("radio", { name: /Required for staff/ })).toBeFocused();
    await page.getByRole("radio", { name: /Optional/ }).check();
    await page.screenshot({ path: "test-results/setup-1280.png", fullPage: true });
    await page.getByRole("button", { name: "Finish setup" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
    await page.goto(`http://localhost:${port}/admin`);
    await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
    await page.goto(`http://localhost:${port}/admin/settings`);
    await expect(page.getByLabel("Clinic name")).toHaveValue("Lakeside Pain Clinic");
    await expect(page.getByLabel("Public address")).toHaveValue("https://portal.lakeside.example");
  } finally {
    portal.child.kill("SIGTERM");
    await portal.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
