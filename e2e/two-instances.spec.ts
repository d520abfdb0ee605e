import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { type Portal, startPortal, waitForHealth } from "./portal-process";
import { E2E_DATA_KEY, E2E_SECRET } from "./secret";

// Two app instances on one PostgreSQL database, as a clinic that scales out runs them: sessions
// and the sign-in throttle live in the database, so either instance honours the other's.
// Runs where PostgreSQL is given (the "postgres" project, see playwright.config.ts).

const serverUrl = process.env.TEST_DATABASE_URL ?? "";
const portA = Number(process.env.E2E_PORT ?? 3200) + 60;
const portB = portA + 1;
const name = `portal_two_${portA}`;
let a: Portal;
let b: Portal;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "portal-two-"));
  const env = {
    DATABASE_URL: url.toString(),
    NEXTAUTH_SECRET: E2E_SECRET,
    DATA_ENCRYPTION_KEY: E2E_DATA_KEY,
    SEED_DEMO: "true",
    TRUST_PROXY: "true",
    LOG_LEVEL: "silent",
  };
  // One after the other: the first migrates and seeds, the second finds it done.
  a = startPortal(dataDir, portA, env);
  await waitForHealth(a, portA);
  b = startPortal(dataDir, portB, env);
  await waitForHealth(b, portB);
});

test.afterAll(async () => {
  for (const portal of [a, b]) portal?.child.kill("SIGTERM");
  await Promise.all([a?.exited, b?.exited]);
  rmSync(dataDir, { recursive: true, force: true });
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

const at = (port: number, p: string) => `http://localhost:${port}${p}`;

async function signInAt(page: import("@playwright/test").Page, port: number, password: string) {
  await page.goto(at(port, "/signin"));
  await page.getByLabel("Email").fill(DEMO.patient);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a session from one instance works on the other, and sign-out on one ends it on both", async ({
  page,
  context,
}) => {
  await signInAt(page, portA, DEMO_PASSWORD);
  await page.waitForURL(at(portA, "/patient"));
  const saved = await context.cookies();

  // The same session cookie (cookies ignore the port) on the other instance.
  await page.goto(at(portB, "/patient"));
  await expect(page.getByRole("heading", { level: 1, name: /Hello, Pat/ })).toBeVisible();
  expect((await page.request.get(at(portB, "/api/trpc/session.me"))).status()).toBe(200);

  // Sign out on B; then the saved cookie, replayed, is refused by A and by B.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(at(portB, "/signin"));
  await context.addCookies(saved);
  for (const port of [portA, portB]) {
    expect((await page.request.get(at(port, "/api/trpc/session.me"))).status()).toBe(401);
    await page.goto(at(port, "/patient"));
    await expect(page).toHaveURL(/\/signin/);
  }
});

test("the sign-in throttle counts failures on both instances together", async ({ page }) => {
  // Ten wrong passwords, five on each instance, from one address…
  for (let i = 0; i < 10; i++) {
    await signInAt(page, i % 2 === 0 ? portA : portB, `wrong-password-${i}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  }
  // …and the right password is refused on either: the account is throttled for 15 minutes.
  for (const port of [portA, portB]) {
    await signInAt(page, port, DEMO_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
    await expect(page).toHaveURL(/\/signin/);
  }
});
