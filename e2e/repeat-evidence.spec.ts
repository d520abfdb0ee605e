// Repeat-ablation evidence (issue 21, docs/decisions/030): a provider opens a recurrence patient's
// evidence under their payer policy, downloads the medical-necessity summary, and the PDF carries
// the run's dates and each criterion. The patient whose relief lasted about 14 weeks meets the
// 12-week rule but not Medicare's.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { download, expect, loginAs, pdfText, shoot, test } from "./fixtures";

test.describe("repeat-ablation evidence", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a provider reads a recurrence patient's evidence and downloads the summary", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Margaret Hill" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Margaret Hill" })).toBeVisible();
    const evidence = page.getByRole("region", { name: "Repeat-ablation evidence" });
    await expect(evidence.getByLabel("Payer policy")).toHaveValue(/.+/);
    await expect(evidence.getByText("Meets the policy for a repeat ablation")).toBeVisible();
    const criteria = evidence.getByRole("list", { name: "Criteria" }).getByRole("listitem");
    await expect(criteria).toHaveCount(5);
    const pain = (await criteria.first().textContent()) ?? "";
    expect(pain).toMatch(/Pain relief\s*Met/);
    // "50% or more less pain from 14 May to 20 Nov: 191 days, at least 52% (needs 182 days)"
    const run = pain.match(/from (\d+ \w+)(?: \d{4})? to (\d+ \w+)(?: \d{4})?: (\d+) days/);
    expect(run, pain).not.toBeNull();
    const [, from = "", to = "", days = ""] = run ?? [];
    expect(Number(days)).toBeGreaterThanOrEqual(182);
    // The documented run is shaded on the chart, its dates in the legend.
    await expect(page.getByText(/Documented relief: /)).toBeVisible();
    await shoot(page, "evidence-review");

    const pdf = await download(page, /Download summary/);
    expect(pdf.name).toMatch(/^necessity-summary-MRN-101845-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf.path).replace(/\s+/g, " ");
    expect(text).toContain("Medical-necessity summary");
    expect(text).toContain("Margaret Hill");
    expect(text).toContain("MRN-101845");
    expect(text).toContain("Medicare LCD (facet joint)");
    expect(text).toMatch(new RegExp(`${from} \\d{4} to ${to} \\d{4}: ${days} days`));
    for (const name of ["Pain relief", "Function", "Relief documented", "Interval", "Frequency"])
      expect(text).toContain(`${name}:`);
    expect(text).toContain("Meets the policy for a repeat ablation");
    expect(text).not.toContain("NOT MET");
    // The blocks that confirmed the target before the ablation.
    expect(text).toContain("Target confirmed: two positive blocks on different days");
    expect(text).toMatch(/Lidocaine: positive, peak relief 88%, held until 2 h \(confirming\)/);
    // One page.
    expect(execFileSync("pdfinfo", [pdf.path]).toString()).toMatch(/Pages:\s+1\n/);
  });

  test("14 weeks of relief: the 12-week rule is met, Medicare's 6 months is not", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Daniel Ortiz" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Daniel Ortiz" })).toBeVisible();
    await expect(page.getByText("Meets the policy for a repeat ablation")).toBeVisible();
    await page.getByLabel("Payer policy").selectOption({ label: "Medicare LCD (facet joint)" });
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Does not meet the policy for a repeat ablation")).toBeVisible();
    const pain = page
      .getByRole("list", { name: "Criteria" })
      .getByRole("listitem")
      .filter({ hasText: "Pain relief" });
    await expect(pain).toContainText("Not met");
    await expect(pain).toContainText("(needs 182 days)");
    const pdf = await download(page, /Download summary/);
    const text = pdfText(pdf.path).replace(/\s+/g, " ");
    expect(text).toContain("Does not meet the policy for a repeat ablation");
    expect(text).toContain("NOT MET");
    expect(text).toContain("Discordant agents");
    // Back to the patient's own payer, for other tests.
    await page
      .getByLabel("Payer policy")
      .selectOption({ label: "12 weeks at 50% (common commercial rule)" });
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Meets the policy for a repeat ablation")).toBeVisible();
  });
});
