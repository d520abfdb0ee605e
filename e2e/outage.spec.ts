import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Cluster, createCluster } from "../server/testing/pg-cluster";
import { fillEntry } from "./diary-form";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { type Portal, startPortal, waitForHealth } from "./portal-process";
import { E2E_DATA_KEY, E2E_SECRET } from "./secret";

// A portal of its own on a throwaway PostgreSQL cluster (never the shared server), which this spec
// stops and starts again. Runs when PostgreSQL is installed (the "postgres" project, see
// playwright.config.ts).

const MESSAGE =
  "The portal cannot reach its database right now. Your entry is safe on this device; we will retry.";
const port = Number(process.env.E2E_PORT ?? 3200) + 50;
const base = `http://localhost:${port}`;
let cluster: Cluster;
let portal: Portal;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await createCluster();
  dataDir = mkdtempSync(path.join(tmpdir(), "portal-outage-"));
  portal = startPortal(dataDir, port, {
    DATABASE_URL: cluster.url,
    NEXTAUTH_SECRET: E2E_SECRET,
    DATA_ENCRYPTION_KEY: E2E_DATA_KEY,
    SEED_DEMO: "true",
    TRUST_PROXY: "true",
    LOG_LEVEL: "silent",
  });
  await waitForHealth(portal, port);
});

test.afterAll(async () => {
  portal?.child.kill("SIGTERM");
  await portal?.exited;
  cluster?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

test("while the database is down, pages, tRPC and health answer 503 with a human message; a diary save waits on the phone and is sent once it is back", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(DEMO.patient);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/patient");
  await page.goto(`${base}/patient/diary/new`);
  await fillEntry(page, 4);

  cluster.stop("immediate");

  // The save answers 503: the entry stays on the phone, with the portal's message.
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your entry is kept on this phone" }),
  ).toBeVisible();

  // tRPC: 503 and the message, no driver text.
  const trpc = await page.request.get(`${base}/api/trpc/session.me`);
  expect(trpc.status()).toBe(503);
  const body = await trpc.text();
  expect(body).toContain(MESSAGE);
  expect(body).not.toMatch(/ECONNREFUSED|postgres|select|stack/i);

  // Health: 503, nothing else said.
  const health = await page.request.get(`${base}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable" });

  // A page: 503 with a page that says so, at once.
  const response = await page.goto(`${base}/patient/history`);
  expect(response?.status()).toBe(503);
  await expect(
    page.getByRole("heading", { level: 1, name: "The portal is temporarily unavailable" }),
  ).toBeVisible();
  await expect(page.getByText(MESSAGE)).toBeVisible();
  expect(await page.content()).not.toMatch(/ECONNREFUSED|Failed query|at .*\.js:\d+/);

  cluster.start();

  // Back: pages answer again, and the entry saved on the phone is sent once.
  await expect
    .poll(async () => (await page.request.get(`${base}/api/health`)).status(), {
      timeout: 15_000,
    })
    .toBe(200);
  await page.goto(`${base}/patient/history`);
  await expect(page.getByRole("heading", { level: 1, name: "Diary history" })).toBeVisible();
  await expect(page.getByText(/was sent\./)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Waiting to send")).toHaveCount(0);
});
