import type { Browser, Page } from "@playwright/test";
import { startTestSmtp } from "../server/testing/smtp";
import {
  expect,
  expectNoA11yViolations,
  patientAfterProcedure,
  SMTP_PORT,
  shoot,
  test,
} from "./fixtures";

// Reaching patients through the year (SPEC 12): a check-in reminder's one-tap link, opened on the
// patient's phone from the email. Each test makes its own patient (the demo's stay as seeded).

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
test.beforeAll(async () => {
  smtp = await startTestSmtp(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

/** The provider sends a reminder now from the patient's review page; returns the email's link. */
async function reminderLink(page: Page, patient: { id: string; name: string; email: string }) {
  await page.goto(`/provider/patients/${patient.id}`);
  await expect(page.getByRole("heading", { level: 1, name: patient.name })).toBeVisible();
  await page.locator("#outreach").getByRole("button", { name: "Send a reminder now" }).click();
  await expect(page.getByText(/Check-in reminder sent to/)).toBeVisible();
  // The reminder, not the invitation the new account was sent.
  const reminder = () =>
    smtp.received.find((m) => m.to === patient.email && m.subject.includes("check-in"));
  await expect.poll(() => Boolean(reminder()), { timeout: 90_000 }).toBe(true);
  const mail = reminder();
  expect(`${mail?.subject} ${mail?.text}`).not.toMatch(
    new RegExp(`${patient.name}|ablation|radiofrequency`, "i"),
  );
  const link = mail?.text.match(/https?:\/\/\S+\/c\/[\w-]+/)?.[0] ?? "";
  expect(link).not.toBe("");
  return link;
}

/** At 200% text (a browser font size of 32 px) the page still fits 360 px; screenshot kept. */
async function fitsAt200Percent(p: Page, name: string) {
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
}

/** A phone of the patient's own: no session, 360 px. */
async function phone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 760 },
    hasTouch: true,
    isMobile: true,
  });
  return { context, page: await context.newPage() };
}

test.describe("one-tap check-in links", () => {
  test("from the reminder email: date of birth, the check-in, done; the link works once and offers nothing else", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const patient = await patientAfterProcedure(page, {
      name: "Tilda Tapping",
      dateOfBirth: "1961-04-12",
      daysAgo: 15,
    });
    const link = await reminderLink(page, patient);
    const { context, page: p } = await phone(browser);

    await p.goto(link);
    await expect(p.getByRole("heading", { level: 1, name: "Your check-in" })).toBeVisible();
    // Nothing to navigate to: no link into the portal, no menu, nothing about the patient yet.
    await expect(p.locator("a")).toHaveCount(0);
    await expect(p.locator("body")).not.toContainText("Tilda");
    await expectNoA11yViolations(p);
    await shoot(p, "one-tap");
    await p.setViewportSize({ width: 360, height: 760 });
    await fitsAt200Percent(p, "one-tap");

    await p.getByLabel("Your date of birth").fill("1961-04-21");
    await p.getByRole("button", { name: "Continue" }).click();
    await expect(p.getByText("does not match our records. 4 tries left.")).toBeVisible();

    await p.getByLabel("Your date of birth").fill("1961-04-12");
    await p.getByRole("button", { name: "Continue" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "Your 2-week check-in" })).toBeVisible();
    await expect(p.locator("a")).toHaveCount(0);
    await expectNoA11yViolations(p);
    await shoot(p, "one-tap-questions");
    await p.setViewportSize({ width: 360, height: 760 });
    await fitsAt200Percent(p, "one-tap-questions");

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
    await expect(p.getByRole("heading", { level: 1, name: "Check-in sent" })).toBeVisible();
    await expect(p.getByRole("heading", { level: 1, name: "Check-in sent" })).toBeFocused();
    await expectNoA11yViolations(p);

    // The same link again: refused, with nothing of the check-in.
    await p.goto(link);
    await expect(
      p.getByRole("heading", { level: 1, name: "This link has already been used" }),
    ).toBeVisible();
    await expect(p.getByLabel("Your date of birth")).toHaveCount(0);
    await expectNoA11yViolations(p);
    // No session came with it: the portal still asks to sign in.
    await p.goto("/patient");
    await expect(p).toHaveURL(/\/signin/);
    await context.close();

    // The care team sees the answer on the review page, as the 2-week check-in.
    await page.goto(`/provider/patients/${patient.id}`);
    await expect(page.getByText("Much improved").first()).toBeVisible();
  });

  test("five wrong dates of birth end the link", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const patient = await patientAfterProcedure(page, {
      name: "Gus Guessed",
      dateOfBirth: "1975-01-23",
      daysAgo: 15,
    });
    const link = await reminderLink(page, patient);
    const { context, page: p } = await phone(browser);
    await p.goto(link);
    for (const left of ["4 tries", "3 tries", "2 tries", "1 try"]) {
      await p.getByLabel("Your date of birth").fill("1975-01-24");
      await p.getByRole("button", { name: "Continue" }).click();
      await expect(p.getByText(`does not match our records. ${left} left.`)).toBeVisible();
    }
    await p.getByLabel("Your date of birth").fill("1975-01-25");
    await p.getByRole("button", { name: "Continue" }).click();
    await expect(p.getByRole("alert").filter({ hasText: "wrong too many times" })).toBeVisible();
    await expect(p.getByLabel("Your date of birth")).toHaveCount(0);

    // The right date now changes nothing: the link has ended.
    await p.goto(link);
    await expect(
      p.getByRole("heading", { level: 1, name: "This link no longer works" }),
    ).toBeVisible();
    await expectNoA11yViolations(p);
    await context.close();

    // In the clinic: the review page shows a QR code of a new link to the same check-in.
    await page.goto(`/provider/patients/${patient.id}`);
    const card = page.locator("#outreach");
    await card.getByRole("button", { name: "Check-in QR code" }).click();
    await expect(
      card.getByRole("img", { name: "QR code that opens Gus's 2-week check-in" }),
    ).toBeVisible();
    await expect(card.getByText(/It works once, until/)).toBeVisible();
    await expectNoA11yViolations(page);
    await card.screenshot({ path: test.info().outputPath("check-in-qr.png") });
    await card.getByRole("button", { name: "Hide the code" }).click();
    await expect(card.getByRole("img")).toHaveCount(0);
  });
});
