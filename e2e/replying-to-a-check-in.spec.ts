import { fillEntry } from "./diary-form";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// James Carter (demo) has his 2-week check-in due today. This spec answers it, so it runs after the
// provider queue spec (file order), which expects his queue state as seeded.

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test("a patient sees the due check-in in the notifications and answers it from the home page's card, question first", async ({
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
  await expect(page.getByRole("heading", { level: 1, name: "New diary entry" })).toBeVisible();
  // The check-in's question is the first question after the date.
  const first = page.locator("fieldset legend").first();
  await expect(first).toHaveText(/how would you describe the change in your pain/);
  await page.getByRole("radio", { name: /^Much improved/ }).check({ force: true });
  await fillEntry(page, 3, { where: "Right knee" });
  await page.getByRole("button", { name: "Save entry" }).click();
  await page.waitForURL("**/patient");

  await expect(page.getByText("Your 2-week check-in is due")).toHaveCount(0);
  await page.goto("/account/notifications");
  await expect(page.getByRole("list", { name: "Check-ins to answer" })).toHaveCount(0);
});
