import type { Browser, Page } from "@playwright/test";
import {
  DEMO,
  DEMO_PASSWORD,
  expect,
  expectNoA11yViolations,
  loginAs,
  patientAfterProcedure,
  shoot,
  test,
} from "./fixtures";

// The clinic's check-in station (SPEC 12 "In the clinic", docs/decisions/039-kiosk.md): staff
// unlock a tablet at /kiosk; patients identify with name and date of birth and do their due
// check-in or today's entry; the station returns to its start after sending or 60 s idle, with
// nothing of the patient left on screen, in history or in storage.

const IDLE_MS = 60_000;

/** A new patient `daysAgo` after a procedure, nobody left signed in on this page. */
async function patientFor(page: Page, name: string, dateOfBirth: string, daysAgo: number) {
  const patient = await patientAfterProcedure(page, { name, dateOfBirth, daysAgo });
  await page.context().clearCookies();
  return patient;
}

/** A clinic tablet: its own browser, nobody signed in, the page's clock under the test's hand. */
async function tablet(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.clock.install();
  return { context, page };
}

/** At 200% text (a browser font size of 32 px) the page still fits 360 px; screenshot kept. */
async function fitsAt200Percent(p: Page, name: string) {
  await p.setViewportSize({ width: 360, height: 760 });
  await p.evaluate(() => {
    document.documentElement.style.fontSize = "32px";
  });
  expect(await p.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(
    360,
  );
  await p.screenshot({ path: test.info().outputPath(`${name}-200pct-360.png`), fullPage: true });
  await p.evaluate(() => {
    document.documentElement.style.fontSize = "";
  });
  await p.setViewportSize({ width: 1280, height: 800 });
}

/** Nothing in the browser's storage, and the address is the station's alone. */
async function nothingKept(p: Page) {
  expect(new URL(p.url()).pathname).toBe("/kiosk");
  expect(new URL(p.url()).search).toBe("");
  expect(
    await p.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases?.())?.length ?? 0,
      cookies: document.cookie,
    })),
  ).toEqual({ local: 0, session: 0, databases: 0, cookies: "" });
}

test.describe("the clinic's check-in station", () => {
  test("staff unlock; a patient does the due check-in; the station forgets them; Back finds nothing; idle 60 s returns to the start", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const suffix = Math.random().toString(36).slice(2, 7);
    const first = await patientFor(page, `Zoë Kioskcheck${suffix}`, "1961-04-12", 15);
    const second = await patientFor(page, `Ezra Kioskentry${suffix}`, "1980-02-02", 3);
    const { context, page: p } = await tablet(browser);

    // Locked: only the staff sign-in, nothing about anyone.
    await p.goto("/kiosk");
    await expect(p.getByRole("heading", { level: 1, name: "Check-in station" })).toBeVisible();
    await expect(p.locator("a")).toHaveCount(0);
    await shoot(p, "kiosk-locked");

    await p.getByLabel("Email").fill(DEMO.provider);
    await p.getByLabel("Password").fill("not the password");
    await p.getByRole("button", { name: "Unlock station" }).click();
    await expect(
      p.getByRole("alert").filter({ hasText: "Invalid email or password" }),
    ).toBeVisible();
    await p.getByLabel("Password").fill(DEMO_PASSWORD);
    await p.getByRole("button", { name: "Unlock station" }).click();
    const start = p.getByRole("heading", { level: 1, name: "Welcome: check in here" });
    await expect(start).toBeVisible();
    const historyLength = await p.evaluate(() => history.length);

    // The station's credential: httpOnly, SameSite=Strict, for /kiosk only; no portal session.
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toEqual(["kiosk-station"]);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/kiosk" });
    const portal = await context.newPage();
    for (const path of ["/patient", "/provider"]) {
      await portal.goto(path);
      await expect(portal).toHaveURL(/\/signin/);
    }
    await portal.close();

    await expect(p.locator("a")).toHaveCount(0);
    await shoot(p, "kiosk-start");
    await fitsAt200Percent(p, "kiosk-start");

    // A name that is nobody's: a plain message, and the form stays.
    await p.getByLabel("First name").fill("Nobody");
    await p.getByLabel("Last name").fill(`Kioskcheck${suffix}`);
    await p.getByLabel("Date of birth").fill("1961-04-12");
    await p.getByRole("button", { name: "Continue" }).click();
    await expect(p.getByRole("alert").filter({ hasText: "We could not find you" })).toBeVisible();

    // The first patient: case and accents do not matter.
    await p.getByLabel("First name").fill("zoe");
    await p.getByLabel("Last name").fill(`KIOSKCHECK${suffix}`);
    await p.getByRole("button", { name: "Continue" }).click();
    await expect(
      p.getByRole("heading", { level: 1, name: "Zoë, your 2-week check-in" }),
    ).toBeVisible();
    await expect(p.locator("a")).toHaveCount(0);
    await shoot(p, "kiosk-check-in");
    await fitsAt200Percent(p, "kiosk-check-in");
    // Large targets: every button and choice at least 48 px high.
    const heights = await p
      .locator("button, label:has(input[type=radio]) > span, input:not([type=radio])")
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => e.getBoundingClientRect().height),
      );
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);

    await p.getByRole("radio", { name: /^Much improved/ }).check({ force: true });
    await p
      .getByRole("group", { name: "Your pain on average in the last 24 hours" })
      .getByText("3", { exact: true })
      .click();
    await p
      .getByRole("group", { name: "Is the treated site sore today?" })
      .getByRole("radio", { name: "No" })
      .check({ force: true });
    await p.getByRole("button", { name: "Send my check-in" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    await expect(p.locator("body")).not.toContainText("Zoë");
    await expectNoA11yViolations(p);
    await p.screenshot({ path: test.info().outputPath("kiosk-thanks-1280.png") });

    // A few seconds later: the start, empty, with nothing of the patient anywhere.
    await p.clock.fastForward(7_000);
    await expect(start).toBeVisible();
    await expect(p.getByLabel("First name")).toHaveValue("");
    await expect(p.locator("body")).not.toContainText(/Zoë|Kioskcheck/i);
    await nothingKept(p);
    expect(await p.evaluate(() => history.length)).toBe(historyLength);

    // The next person presses Back: nowhere patient-specific (the station has one history entry);
    // Forward opens the station's start again.
    await p.goBack();
    await expect(p.locator("body")).not.toContainText(/Zoë|Kioskcheck|check-in/i);
    await p.goForward();
    await expect(start).toBeVisible();
    await expect(p.locator("body")).not.toContainText(/Zoë|Kioskcheck/i);

    // The second patient has no check-in due: today's diary entry.
    await p.getByLabel("First name").fill("Ezra");
    await p.getByLabel("Last name").fill(`Kioskentry${suffix}`);
    await p.getByLabel("Date of birth").fill("1980-02-02");
    await p.getByRole("button", { name: "Continue" }).click();
    await expect(
      p.getByRole("heading", { level: 1, name: "Ezra, today's diary entry" }),
    ).toBeVisible();
    await expect(p.locator("a")).toHaveCount(0);
    await shoot(p, "kiosk-entry");
    await fitsAt200Percent(p, "kiosk-entry");
    await p
      .getByRole("group", { name: "Your pain on average in the last 24 hours" })
      .getByText("4", { exact: true })
      .click();

    // Then the patient walks away: 60 s without a touch, and the station is at its start.
    await p.clock.fastForward(IDLE_MS - 5_000);
    await expect(p.getByRole("heading", { level: 1, name: /today's diary entry/ })).toBeVisible();
    // Returning to the start, the page ends the grant on the server (it would last 10 minutes).
    const released = p.waitForResponse((r) => r.url().endsWith("/kiosk/api/trpc/kiosk.release"));
    await p.clock.fastForward(6_000);
    await expect(start).toBeVisible();
    expect((await released).status()).toBe(200);
    await expect(p.locator("body")).not.toContainText(/Ezra|Kioskentry/i);
    await nothingKept(p);
    expect(await p.evaluate(() => history.length)).toBe(historyLength);
    await p.goBack();
    await expect(p.locator("body")).not.toContainText(/Ezra|Kioskentry|diary/i);
    await p.goForward();
    await expect(start).toBeVisible();

    // Lock station: the credential ends; the next visit asks for a staff sign-in.
    await p.getByRole("button", { name: "Lock station" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "Check-in station" })).toBeVisible();
    expect((await context.cookies()).filter((c) => c.name.includes("kiosk"))).toEqual([]);
    await p.reload();
    await expect(p.getByRole("heading", { level: 1, name: "Check-in station" })).toBeVisible();
    await context.close();

    // The care team sees the check-in, answered at the kiosk.
    await loginAs(page, "provider");
    await page.goto(`/provider/patients/${first.id}`);
    await expect(page.getByText("Much improved").first()).toBeVisible();
    expect(second.id).not.toBe(first.id);
  });
});
