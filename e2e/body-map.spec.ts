import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

// A phone: 360 px wide, with a touch screen.
test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test("on a phone the body map shows front and back, every tap target is at least 44 px, and a tap ticks the region's checkbox", async ({
  page,
}) => {
  await loginAs(page, "patient");
  await page.goto("/patient/diary/new");
  const map = page.locator("#locations [data-region]");
  const regions = await map.evaluateAll((els) => els.map((e) => e.getAttribute("data-region")));
  // Every region of the vocabulary but "other" can be tapped, the joints on both sides.
  expect(new Set(regions)).toEqual(
    new Set(["shoulder", "hip", "knee", "cervical", "thoracic", "lumbar", "sacroiliac"]),
  );
  await expect(page.locator("#locations figcaption")).toHaveText(["Front", "Back"]);
  for (const target of await map.all()) {
    const box = await target.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  // Labelled on the picture.
  await expect(page.locator("#locations svg text")).toContainText([
    "Shoulder",
    "Shoulder",
    "Hip",
    "Hip",
    "Knee",
    "Knee",
    "Neck",
    "Upper back",
    "Lower back",
    "Pelvis (SI)",
  ]);

  const lumbar = page.getByRole("checkbox", { name: "Lumbar spine" });
  await expect(lumbar).not.toBeChecked();
  await page.locator('#locations [data-region="lumbar"]').tap();
  await expect(lumbar).toBeChecked();
  await page.locator('#locations [data-region="knee"]').first().tap();
  await expect(page.getByRole("checkbox", { name: "Knee" })).toBeChecked();
  await page.locator('#locations [data-region="knee"]').last().tap();
  await expect(page.getByRole("checkbox", { name: "Knee" })).not.toBeChecked();

  // The picture adds no tab stop: from the last chip before it, Tab goes on to a checkbox.
  const tabbable = await page
    .locator("#locations svg [tabindex], #locations svg a, #locations svg button")
    .count();
  expect(tabbable).toBe(0);
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/body-map-360.png", fullPage: false });
});
