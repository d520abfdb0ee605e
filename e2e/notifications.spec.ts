import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

test.describe("notifications", () => {
  test("a patient opens the bell and chooses their reminders", async ({ page }) => {
    await loginAs(page, "patient");
    await page.getByRole("link", { name: /^Notifications/ }).click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await page.getByLabel("Every day").check();
    // Quiet hours (21:00-08:00) are not offered.
    await expect(page.getByLabel("At what time").locator("option")).toHaveText(
      Array.from({ length: 13 }, (_, i) => `${String(i + 8).padStart(2, "0")}:00`),
    );
    await page.getByLabel("At what time").selectOption("9");
    const replies = page.getByLabel("Email me when my care team replies");
    await expect(replies).toBeChecked();
    await replies.uncheck();
    await page.getByRole("button", { name: "Save email choices" }).click();
    await expect(page.getByText("Your email choices are saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Every day")).toBeChecked();
    await expect(page.getByLabel("At what time")).toHaveValue("9");
    await expect(replies).not.toBeChecked();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/notifications-patient-1280.png", fullPage: true });
    await page.setViewportSize({ width: 360, height: 760 });
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/notifications-patient-360.png", fullPage: true });
    // back to the defaults, for the other specs
    await page.getByLabel("Every day").uncheck();
    await page.getByLabel("At what time").selectOption("18");
    await replies.check();
    await page.getByRole("button", { name: "Save email choices" }).click();
    await expect(page.getByText("Your email choices are saved.")).toBeVisible();
  });

  test("a provider sees their flags in the bell and opts in to immediate emails", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/account/notifications");
    await expect(page.getByLabel("A high-priority flag is raised")).not.toBeChecked();
    await expect(page.getByLabel("Daily summary")).toBeChecked();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/notifications-provider-1280.png", fullPage: true });
    await page.setViewportSize({ width: 360, height: 760 });
    await expectNoA11yViolations(page);
  });

  test("an unsubscribe link that was tampered with is refused, without signing in", async ({
    page,
  }) => {
    await page.goto(
      "/unsubscribe?u=00000000-0000-4000-8000-000000000000&k=daily_diary&s=not-the-signature",
    );
    await expect(page.getByText("Stop the daily diary reminders?")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 360, height: 760 });
    await page.screenshot({ path: "test-results/unsubscribe-360.png", fullPage: true });
    await page.getByRole("button", { name: "Stop these reminders" }).click();
    await expect(page.getByText("This unsubscribe link is not valid.")).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
