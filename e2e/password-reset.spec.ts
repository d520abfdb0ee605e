import type { Browser } from "@playwright/test";
import { startTestSmtp } from "../server/testing/smtp";
import { expect, expectNoA11yViolations, loginAs, SMTP_PORT, test } from "./fixtures";

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
test.beforeAll(async () => {
  smtp = await startTestSmtp(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

const FIRST = "Orchard lantern quietly 5120";
const SECOND = "Granite meadow softly 7734";

/** The newest reset link mailed to `email` after `count` of them arrived. */
async function resetLink(email: string, count: number) {
  await expect
    .poll(() => smtp.received.filter((m) => m.to === email && /^Reset/.test(m.subject)).length, {
      timeout: 90_000,
    })
    .toBe(count);
  const mail = smtp.received.filter((m) => m.to === email && /^Reset/.test(m.subject)).at(-1);
  const link = mail?.text.match(/https?:\/\/\S+\/reset\/[\w-]+/)?.[0] ?? "";
  expect(link).not.toBe("");
  return link;
}

async function askForLink(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText(`If an account exists for ${email}`)).toBeVisible();
  return { context, page };
}

test("a patient who forgot their password resets it by email; the link works once and older sessions end", async ({
  page,
  browser,
}) => {
  // two people, two emails (the mail may queue behind other specs' retries), four scans
  test.setTimeout(240_000);
  await loginAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByLabel("Clinic name").fill("Riverside Pain Clinic");
  await page.getByLabel("Clinic phone").fill("+1 555 0100");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText("Clinic settings saved.")).toBeVisible();
  const email = `reset-${Date.now()}@example.test`;
  await page.goto("/admin/accounts/new");
  await page.getByLabel("Full name").fill("Rita Reset");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Invitation sent")).toBeVisible();

  // The reset request and the offline page at 1280 px too (360 px below).
  const wideContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const wide = await wideContext.newPage();
  for (const [path, heading] of [
    ["/signin/forgot", "Reset your password"],
    ["/offline", "You are offline"],
  ] as const) {
    await wide.goto(path);
    await expect(wide.getByRole("heading", { name: heading })).toBeVisible();
    await expectNoA11yViolations(wide);
  }
  await wideContext.close();

  // The sign-in page: the way to a reset and the clinic's phone.
  const phone = await browser.newPage();
  await phone.goto("/signin");
  await expect(phone.getByRole("link", { name: "+1 555 0100" })).toHaveAttribute(
    "href",
    "tel:+15550100",
  );
  await expect(phone.getByText("Need help? Call Riverside Pain Clinic on")).toBeVisible();
  await phone.close();

  // An unknown address gets the same answer, and no email.
  const unknown = await askForLink(browser, "nobody-at-all@example.test");
  await expectNoA11yViolations(unknown.page);
  await unknown.page.screenshot({ path: "test-results/forgot-sent-360.png", fullPage: true });
  await unknown.context.close();

  // First reset: the link, a new password, signed in.
  const a = await askForLink(browser, email);
  await a.page.goto(await resetLink(email, 1));
  await expect(a.page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoA11yViolations(a.page);
  await a.page.getByLabel("New password", { exact: true }).fill(FIRST);
  await a.page.getByRole("button", { name: "Show password" }).first().click();
  await expect(a.page.getByLabel("New password", { exact: true })).toHaveAttribute("type", "text");
  await a.page.getByLabel("New password again").fill(FIRST);
  await a.page.screenshot({ path: "test-results/reset-360.png", fullPage: true });
  await a.page.getByRole("button", { name: "Save password and sign in" }).click();
  await a.page.waitForURL("**/patient");
  const used = a.page.url();

  // The link is used up.
  const again = await a.context.newPage();
  await again.goto(await resetLink(email, 1));
  await expect(
    again.getByRole("heading", { name: "This link has already been used" }),
  ).toBeVisible();
  await again.close();
  expect(used).toContain("/patient");

  // A second reset from another phone ends the first phone's session.
  const b = await askForLink(browser, email);
  await b.page.goto(await resetLink(email, 2));
  await b.page.getByLabel("New password", { exact: true }).fill(SECOND);
  await b.page.getByLabel("New password again").fill(SECOND);
  await b.page.getByRole("button", { name: "Save password and sign in" }).click();
  await b.page.waitForURL("**/patient");
  await a.page.goto("/patient");
  await a.page.waitForURL("**/signin**");
  await b.context.close();

  // The old password no longer works; the new one does.
  await a.page.getByLabel("Email").fill(email);
  await a.page.getByLabel("Password", { exact: true }).fill(FIRST);
  await a.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(a.page.getByText("Invalid email or password")).toBeVisible();
  await a.page.getByLabel("Password", { exact: true }).fill(SECOND);
  await a.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await a.page.waitForURL("**/patient");
  await a.context.close();
});
