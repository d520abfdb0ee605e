import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parseCsv } from "../shared/csv";
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

const PHONE = { width: 360, height: 800 };
const WIDE = { width: 1280, height: 900 };

/** A report table's header and rows as text. */
async function tableText(page: Page, key: string) {
  const table = page.locator(`table[data-table="${key}"]`);
  return table
    .locator("tr")
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim()),
      ),
    );
}

/** Downloads the CSV behind a link and parses it. */
async function downloadCsv(page: Page, name: RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).click(),
  ]);
  const path = await download.path();
  return { file: download.suggestedFilename(), rows: parseCsv(await readFile(path, "utf8")) };
}

test.describe("clinic outcomes", () => {
  // Long pages (hundreds of table rows) take axe and the downloads a while on a busy machine.
  test.describe.configure({ timeout: 90_000 });

  for (const viewport of [WIDE, PHONE]) {
    test(`a provider sees their care team's outcomes at ${viewport.width} px, accessible and without sideways scrolling`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await loginAs(page, "provider");
      if (viewport === WIDE) {
        await page.getByRole("link", { name: "Outcomes" }).click();
      } else {
        await page.goto("/provider/outcomes");
      }
      await expect(page.getByRole("heading", { level: 1, name: "Outcomes" })).toBeVisible();
      for (const heading of [
        "Success at 6 weeks, 3 and 6 months",
        "Durability of relief",
        "Repeat ablations",
        "After failure",
      ]) {
        await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
      }
      await expect(page.getByRole("img", { name: /Kaplan-Meier curves of relief/ })).toBeVisible();
      await expect(page.getByText(/Log-rank test/)).toBeVisible();
      // The provider has no provider filter; the page names no patient.
      await expect(page.getByLabel("Performed by")).toHaveCount(0);
      await expect(page.getByText("Susan Patel")).toHaveCount(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      // With the tables open, so that they are scanned too.
      for (const summary of await page.getByText("Show the numbers as a table").all()) {
        await summary.click();
      }
      await expectNoA11yViolations(page);
    });
  }

  test("an admin filters and groups the clinic's outcomes in the address, and each CSV matches its table", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    await page.getByRole("link", { name: "Outcomes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Outcomes" })).toBeVisible();
    await page.getByLabel("Group by").selectOption("technique");
    await page.getByLabel("Modality").selectOption("radiofrequency");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/groupBy=technique/);
    await expect(page).toHaveURL(/modality=radiofrequency/);
    await expect(page.getByLabel("Performed by")).toBeVisible();
    await expectNoA11yViolations(page);

    for (const [key, link] of [
      ["success", /Download CSV\s*: Success at 6 weeks/],
      ["durability", /Download CSV\s*: Durability of relief per group/],
      ["relief_curve", /Download CSV\s*: Kaplan-Meier estimate/],
      ["repeats", /Download CSV\s*: Repeat ablations/],
      ["after_failure", /Download CSV\s*: After failure/],
    ] as const) {
      const table = await tableText(page, key);
      expect(table.length, key).toBeGreaterThan(1);
      const csv = await downloadCsv(page, link);
      expect(csv.file).toMatch(
        new RegExp(`^outcomes-${key.replace("_", "-")}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
      );
      expect(csv.rows, key).toEqual(table);
    }
    // Grouped by technique within radiofrequency: the groups are its variants.
    const success = await tableText(page, "success");
    expect(new Set(success.slice(1).map((r) => r[1]))).toEqual(
      new Set(["Conventional RF", "Cooled RF"]),
    );

    // A provider of the filter narrows to their procedures; an empty range says so.
    await page.goto("/admin/outcomes?from=2001-01-01&to=2001-12-31");
    await expect(page.getByText("No procedures match these filters")).toBeVisible();
    await page.goto("/admin/outcomes?from=2026-13-01");
    await expect(page.getByText("Enter the first procedure date as YYYY-MM-DD.")).toBeVisible();
  });

  test("each count of the after-failure table and the repeats line opens its patients, linked to their reviews", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/provider/outcomes");
    const failure = page.getByRole("region", { name: /^After failure:/ });
    const link = failure.getByRole("link").first();
    const count = Number((await link.textContent())?.match(/^\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(count);
    await expectNoA11yViolations(page);
    await rows.first().getByRole("link").click();
    await expect(page.getByRole("region", { name: "Patient" })).toBeVisible();

    // An admin's list leads to a support read, never straight to the record.
    await page.context().clearCookies();
    await loginAs(page, "admin");
    await page.goto("/admin/outcomes");
    const repeats = page.getByRole("link", { name: /repeats? of a known procedure/ });
    await repeats.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Repeat ablations of a known procedure",
    );
    await page.getByRole("table").locator("tbody tr").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/admin\/support\//);
    await expect(page.getByLabel("Why do you need to read it?")).toBeVisible();
  });

  test("each role reaches only its own outcomes", async ({ page, request }) => {
    await loginAs(page, "provider");
    const own = await page.request.get("/provider/outcomes/export?table=success");
    expect(own.status()).toBe(200);
    expect(await own.text()).toContain("Success rate (%)");
    const admins = await page.request.get("/admin/outcomes/export?table=success");
    expect(admins.status()).toBe(403);
    await page.goto("/admin/outcomes");
    await expect(page.getByRole("heading", { level: 1, name: "Outcomes" })).toHaveCount(0);
    const anonymous = await request.get("/provider/outcomes/export?table=success");
    expect(anonymous.status()).toBe(401);

    await page.context().clearCookies();
    await loginAs(page, "patient");
    await page.goto("/provider/outcomes");
    await expect(page.getByRole("heading", { level: 1, name: "Outcomes" })).toHaveCount(0);
    expect((await page.request.get("/admin/outcomes/export?table=repeats")).status()).toBe(403);
  });
});
