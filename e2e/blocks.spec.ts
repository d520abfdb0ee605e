// Diagnostic blocks, the care team's side (issue 21, docs/clinical-rules.md#diagnostic-blocks): the
// review page judges each block and says whether the target is confirmed for ablation; a provider
// records a block; an admin sets how long each anesthetic's relief should last.
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, loginAs, shoot, test } from "./fixtures";

const toastsGone = (page: Page) =>
  expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });

test.describe("diagnostic blocks", () => {
  test.describe.configure({ timeout: 120_000 });

  test("the review page shows each block's result and why, and which targets are confirmed", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Margaret Hill" }).first().click();
    const card = page.getByRole("region", { name: "Diagnostic blocks" });
    await expect(card.getByText("Judged at 80% relief (Medicare LCD (facet joint))")).toBeVisible();
    const targets = card.getByRole("list", { name: "Targets" }).getByRole("listitem");
    await expect(targets).toHaveCount(1);
    await expect(targets.first()).toContainText("L3, L4, L5 medial branches");
    await expect(targets.first()).toContainText("Confirmed for ablation");
    await expect(card.getByText("Positive", { exact: true })).toHaveCount(2);
    await expect(
      card.getByText(
        "Relief of at least 80% held until 2 h, at least the 1 h the anesthetic's relief should last.",
      ),
    ).toBeVisible();
    await expect(card.getByRole("img", { name: /Relief curve: peak 88%, positive/ })).toHaveCount(
      2,
    );
    await shoot(page, "blocks-review");

    await page.goto("/provider");
    await page.getByRole("link", { name: "Daniel Ortiz" }).first().click();
    await expect(
      page
        .getByRole("region", { name: "Diagnostic blocks" })
        .getByText("Discordant agents", { exact: true }),
    ).toBeVisible();

    await page.goto("/provider");
    await page.getByRole("link", { name: "Thomas Reed" }).first().click();
    const thomas = page.getByRole("region", { name: "Diagnostic blocks" });
    await expect(thomas.getByText("Inconclusive", { exact: true })).toBeVisible();
    await expect(
      thomas.getByText("Only 2 answers in the first 8 hours; at least 3 are needed."),
    ).toBeVisible();
    await expect(thomas.getByText("Not confirmed", { exact: true })).toBeVisible();
  });

  test("a provider records a block: clear messages first, then the block waits for the patient's answers; removed when recorded in error", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Pat Patient" }).first().click();
    const card = page.getByRole("region", { name: "Diagnostic blocks" });
    await expect(card.getByText("No blocks recorded.")).toBeVisible();
    await card.getByRole("link", { name: "Record a block" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Record a diagnostic block" }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Record block" }).click();
    await expect(page.getByText("Choose the region.")).toBeVisible();
    await expect(page.getByText("Choose the anesthetic.")).toBeVisible();
    await expect(
      page.getByText("Enter the pain just before the block as a whole number from 1 to 10."),
    ).toBeVisible();
    await expect(page.getByLabel("Region")).toBeFocused();
    await shoot(page, "block-form");

    await page.getByLabel("Region").selectOption("lumbar");
    await page.getByLabel("Side").selectOption("left");
    await page.getByRole("checkbox", { name: "L4 medial branch" }).check({ force: true });
    await page.getByRole("checkbox", { name: "L5 medial branch" }).check({ force: true });
    await page.getByLabel("Anesthetic").selectOption("lidocaine");
    await page.getByLabel("Pain just before the block (1-10)").fill("7");
    await page.getByRole("button", { name: "Record block" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Pat Patient" })).toBeVisible();
    const block = page.getByRole("region", { name: "Diagnostic blocks" });
    await expect(block.getByText("No answers from the patient yet.")).toBeVisible();
    await expect(block.getByText("Inconclusive", { exact: true })).toBeVisible();
    await expect(
      block.getByText("No answers in the first 8 hours; at least 3 are needed."),
    ).toBeVisible();
    await expect(block.getByRole("list", { name: "Targets" })).toContainText(
      "L4, L5 medial branches, left lumbar spine",
    );
    await toastsGone(page);
    await expectNoA11yViolations(page);

    await block.getByRole("button", { name: /^Remove/ }).click();
    await page.getByRole("button", { name: "Remove block" }).click();
    await expect(block.getByText("No blocks recorded.")).toBeVisible();
  });

  test("an admin sets how long each anesthetic's relief should last", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/settings");
    const hours = page.getByLabel("Lidocaine (hours)");
    await expect(hours).toHaveValue("1");
    await hours.fill("0.3");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(
      page.getByText(
        "Enter the hours of relief for lidocaine as a number from 0.5 to 24, in half hours.",
      ),
    ).toBeVisible();
    await hours.fill("1.5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Clinic settings saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Lidocaine (hours)")).toHaveValue("1.5");
    await toastsGone(page);
    await expectNoA11yViolations(page);
    await page.getByLabel("Lidocaine (hours)").fill("1");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Clinic settings saved.")).toBeVisible();
  });
});
