import { fillEntry } from "./diary-form";
import { DEMO_PASSWORD, expect, expectNoA11yViolations, loginAs, signIn, test } from "./fixtures";

// A phone: 360 px wide, with a touch screen.
test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test("on a phone the body map shows front and back, each joint's side on its own, every tap target at least 44 px", async ({
  page,
}) => {
  await loginAs(page, "patient");
  await page.goto("/patient/diary/new");
  const map = page.locator("#locations [data-location]");
  const locations = await map.evaluateAll((els) => els.map((e) => e.getAttribute("data-location")));
  // The joints and the sacroiliac joints by side; the spine without one.
  expect(new Set(locations)).toEqual(
    new Set([
      "shoulder:right",
      "shoulder:left",
      "hip:right",
      "hip:left",
      "knee:right",
      "knee:left",
      "cervical",
      "thoracic",
      "lumbar",
      "sacroiliac:left",
      "sacroiliac:right",
    ]),
  );
  await expect(page.locator("#locations figcaption")).toHaveText(["Front (facing you)", "Back"]);
  for (const target of await map.all()) {
    const box = await target.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }

  const lumbar = page.getByRole("checkbox", { name: "Lumbar spine" });
  await expect(lumbar).not.toBeChecked();
  // Until the page has hydrated a tap on the picture does nothing (the checkboxes work without
  // it): tap again until it takes, which a loaded CI machine needs.
  await expect(async () => {
    await page.locator('#locations [data-location="lumbar"]').tap();
    await expect(lumbar).toBeChecked({ timeout: 2_000 });
  }).toPass();
  // One tap is one side: the left knee ticks "Left knee" and leaves the right one alone.
  await page.locator('#locations [data-location="knee:left"]').tap();
  await expect(page.getByRole("checkbox", { name: "Left knee" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Right knee" })).not.toBeChecked();
  await page.locator('#locations [data-location="knee:left"]').tap();
  await expect(page.getByRole("checkbox", { name: "Left knee" })).not.toBeChecked();

  // The picture adds no tab stop.
  const tabbable = await page
    .locator("#locations svg [tabindex], #locations svg a, #locations svg button")
    .count();
  expect(tabbable).toBe(0);
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/body-map-360.png", fullPage: false });
});

test("a right-knee patient taps the left knee once: the entry stores the left knee only, and the provider sees pain in a new location", async ({
  page,
}) => {
  // Thomas Reed (demo): a right knee ablation 38 days ago; today's entry is still open.
  await signIn(page, "thomas.reed@example.com", DEMO_PASSWORD);
  await page.waitForURL("**/patient");
  await page.goto("/patient/diary/new");
  // Where it hurts: one tap on the picture (again if the page had not hydrated yet), nothing
  // ticked in the list.
  await expect(async () => {
    await page.locator('#locations [data-location="knee:left"]').tap();
    await expect(page.getByRole("checkbox", { name: "Left knee" })).toBeChecked({ timeout: 2_000 });
  }).toPass();
  await fillEntry(page, 5, { where: null });
  const checkIn = page.getByRole("group", { name: /Since your procedure/ });
  if (await checkIn.count()) await checkIn.getByRole("radio").first().check({ force: true });
  await page.getByRole("button", { name: "Save entry" }).click();
  await page.waitForURL(/\/patient$/);

  await page.goto("/patient/history");
  const today = page.getByRole("listitem").filter({ hasText: "Pain 5" }).first();
  await expect(today).toContainText("Left knee");
  await expect(today).not.toContainText("Right knee");
  await today.getByRole("link").click();
  await expect(page.getByText("Left knee", { exact: true })).toBeVisible();
  await expect(page.getByText(/Right knee|^Knee$/)).toHaveCount(0);

  // The care team's view of the same patient.
  await page.context().clearCookies();
  await loginAs(page, "provider");
  await page.goto("/provider?q=Thomas");
  await page
    .getByRole("link", { name: /Thomas Reed/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Thomas Reed" })).toBeVisible();
  const flag = page.getByRole("listitem").filter({ hasText: "Pain in a new location" });
  await expect(flag.first()).toContainText("Left knee");
  await expect(flag.first()).toContainText("treated region (Right knee)");
});
