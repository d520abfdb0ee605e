import { startTestSmtp } from "../server/testing/smtp";
import { expect, expectNoA11yViolations, loginAs, SMTP_PORT, test } from "./fixtures";

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
test.beforeAll(async () => {
  smtp = await startTestSmtp(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

const PASSWORD = "Harbor lantern quietly 2931";

test.describe("invitations", () => {
  test("an invited patient follows the emailed link, chooses a password and lands on their home", async ({
    page,
    browser,
  }) => {
    // two people, nine pages and seven accessibility scans; the mail may queue behind the
    // invitations of the specs before, retried with back-off while no mail server listened
    test.setTimeout(180_000);
    await loginAs(page, "admin");
    await page.goto("/admin/settings");
    await page.getByLabel("Clinic name").fill("Riverside Pain Clinic");
    await page.getByLabel("Clinic phone").fill("+1 555 010 2030");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Clinic settings saved.")).toBeVisible();

    const email = `invited-${Date.now()}@example.test`;
    await page.goto("/admin/accounts/new");
    await page.getByLabel("Full name").fill("Ines Invited");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Invitation sent")).toBeVisible();

    await expect
      .poll(() => smtp.received.some((m) => m.to === email), { timeout: 90_000 })
      .toBe(true);
    const mail = smtp.received.find((m) => m.to === email);
    expect(mail?.subject).toBe("Your account at Riverside Pain Clinic");
    expect(mail?.text).toContain("+1 555 010 2030");
    expect(`${mail?.text} ${mail?.html}`).not.toContain("Ines");
    const link = mail?.text.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0] ?? "";
    expect(link).not.toBe("");

    // the invited person, in a browser of their own
    const context = await browser.newContext();
    const invited = await context.newPage();
    await invited.goto(link);
    await expect(invited.getByRole("heading", { name: "Choose your password" })).toBeVisible();
    await expect(invited.getByText(email)).toBeVisible();
    await expectNoA11yViolations(invited);
    await invited.screenshot({ path: "test-results/invite-1280.png", fullPage: true });
    await invited.setViewportSize({ width: 360, height: 760 });
    await expectNoA11yViolations(invited);
    await invited.screenshot({ path: "test-results/invite-360.png", fullPage: true });

    await invited.getByLabel("New password", { exact: true }).fill("password1234");
    await invited.getByLabel("New password again").fill("password1234");
    await invited.getByRole("button", { name: "Save password and sign in" }).click();
    await expect(invited.getByText(/too common/)).toBeVisible();

    await invited.getByLabel("New password", { exact: true }).fill(PASSWORD);
    await invited.getByLabel("New password again").fill(PASSWORD);
    await invited.getByRole("button", { name: "Save password and sign in" }).click();
    await invited.waitForURL("**/patient");
    await expect(invited.getByRole("heading", { level: 1 })).toBeVisible();

    // the link is used up
    await invited.goto(link);
    await expect(
      invited.getByRole("heading", { name: "This link has already been used" }),
    ).toBeVisible();
    await expect(invited.getByText("+1 555 010 2030")).toBeVisible();
    await expectNoA11yViolations(invited);
    await invited.screenshot({ path: "test-results/invite-used-360.png", fullPage: true });
    await context.close();

    // the admin sees the email in the outbox, sent
    await page.goto("/admin/outbox");
    await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row.getByText("Sent")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/outbox-1280.png", fullPage: true });
    await row.getByRole("link").click();
    await expect(page.getByText("Choose your password:")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 360, height: 760 });
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/outbox-email-360.png", fullPage: true });
    await page.goto("/admin/outbox");
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/outbox-360.png", fullPage: true });

    // A lost invitation: the admin sends a new one from the email (the earlier link ends).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("row").filter({ hasText: email }).first().getByRole("link").click();
    await expect(page.getByRole("button", { name: "Copy the link" })).toBeVisible();
    await page.getByRole("button", { name: "Send a new invitation" }).click();
    await expect(page.getByText(`A new invitation went to ${email}.`)).toBeVisible();
    await page.waitForURL("**/admin/outbox");
  });

  test("a made-up link says so", async ({ page }) => {
    await page.goto("/invite/not-a-real-link");
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
