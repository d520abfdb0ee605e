import { fillEntry } from "./diary-form";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// James Carter (demo) has his 2-week check-in due today. This spec answers it, so it runs after the
// provider queue spec (file order), which expects his queue state as seeded.

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test("a patient sees the due check-in in the notifications, answers it on its own short screen, then adds the rest of the day's diary", async ({
  page,
}) => {
  await signIn(page, "james.carter@example.com", "demo-password");
  await page.waitForURL("**/patient");

  await page.goto("/account/notifications");
  const listed = page.getByRole("list", { name: "Check-ins to answer" });
  await expect(listed.getByText("Your 2-week check-in is due")).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto("/patient");
  const card = page.getByText("Your 2-week check-in is due").locator("..");
  await card.getByRole("link", { name: "Answer the check-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your 2-week check-in" })).toBeVisible();
  await expectNoA11yViolations(page);

  // Sending with nothing chosen: the summary takes the focus and names each question.
  await page.getByRole("button", { name: "Send my check-in" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Please correct" });
  await expect(summary).toBeInViewport();
  // The summary (its focusable wrapper) takes the focus, so a screen reader reads it.
  await expect(page.locator(":focus")).toContainText("Please correct");
  await expect(summary.getByRole("link")).toHaveCount(3);

  await page.getByRole("radio", { name: /^Much improved/ }).check({ force: true });
  await page
    .getByRole("group", { name: "Your pain on average in the last 24 hours" })
    .getByText("3", { exact: true })
    .click();
  await page
    .getByRole("group", { name: "Is the treated site sore today?" })
    .getByRole("radio", { name: "No" })
    .check({ force: true });
  await page.getByRole("button", { name: "Send my check-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check-in done" })).toBeVisible();
  await expect(page.getByText(/answered your 2-week check-in today: Much improved/)).toBeVisible();

  await expect(page.locator("body")).not.toContainText("is due");
  await page.goto("/account/notifications");
  await expect(page.getByRole("list", { name: "Check-ins to answer" })).toHaveCount(0);

  // The rest of the day's diary goes on the same entry; the check-in is not asked again.
  await page.goto("/patient/check-in");
  await page.getByRole("link", { name: "Add the rest of today's diary" }).click();
  await expect(page.getByRole("radio", { name: /^Much improved/ })).toBeChecked();
  await fillEntry(page, 3, { where: "Right knee" });
  await page.getByRole("button", { name: /^Save/ }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/correct"));
  await page.goto("/patient/check-in");
  await expect(page.getByRole("link", { name: "Add the rest of today's diary" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
});
