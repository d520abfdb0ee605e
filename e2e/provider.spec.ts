import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoA11yViolations, loginAs, signIn, test } from "./fixtures";

// The demo provider's care team (db/seed-clinical.ts) and what the outcome rules make of it.
const EXPECTED: Array<{ name: string; urgency: string; category: string; flags: string[] }> = [
  {
    name: "Susan Patel",
    urgency: "High",
    category: "Worse",
    flags: ["Worse than baseline", "No improvement", "New neuropathic symptoms"],
  },
  {
    name: "Emily Johnson",
    urgency: "Warning",
    category: "Minimal relief",
    flags: ["No improvement", "Prolonged site soreness"],
  },
  {
    name: "David Kim",
    urgency: "Warning",
    category: "Moderate relief",
    flags: ["Pain in a new location"],
  },
  { name: "Michael Brown", urgency: "Warning", category: "No change", flags: ["No improvement"] },
  { name: "Robert Okafor", urgency: "Warning", category: "Recurrence", flags: ["Pain returned"] },
  { name: "Linda Nguyen", urgency: "Info", category: "Insufficient data", flags: ["Diary lapsed"] },
  { name: "Grace Lee", urgency: "No open flags", category: "Moderate relief", flags: [] },
  { name: "James Carter", urgency: "No open flags", category: "Insufficient data", flags: [] },
  { name: "Maria Gomez", urgency: "No open flags", category: "Too early", flags: [] },
  { name: "Pat Patient", urgency: "No open flags", category: "Substantial relief", flags: [] },
];

/** The caseload table's rows as text per column (the wide layout). */
async function caseloadRows(page: Page) {
  const table = page.getByRole("table", { name: /Patients on your care team/ });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent ?? "");
      return { name: row.querySelector("a")?.textContent ?? "", cells };
    }),
  );
}

test.describe("provider workspace", () => {
  test("the caseload shows the demo patients most urgent first, with their categories and flags", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    const rows = await caseloadRows(page);
    // Other tests may add patients; the demo ones keep their order among themselves.
    const demo = rows.filter((r) => EXPECTED.some((e) => e.name === r.name));
    expect(demo.map((r) => r.name)).toEqual(EXPECTED.map((e) => e.name));
    for (const [i, expected] of EXPECTED.entries()) {
      const [, urgency = "", outcome = "", flags = ""] = demo[i]?.cells ?? [];
      expect(urgency, expected.name).toContain(expected.urgency);
      expect(outcome, expected.name).toContain(expected.category);
      for (const flag of expected.flags) expect(flags, expected.name).toContain(flag);
      if (expected.flags.length === 0) expect(flags.trim(), expected.name).toBe("—");
    }
    await expectNoA11yViolations(page);
  });

  test("filters by outcome and flag and searches by name, with the keyboard", async ({ page }) => {
    await loginAs(page, "provider");
    await page.getByLabel("Outcome").selectOption("no_change");
    await page.getByRole("button", { name: "Apply" }).press("Enter");
    await expect(page).toHaveURL(/category=no_change/);
    expect((await caseloadRows(page)).map((r) => r.name)).toEqual(["Michael Brown"]);

    await page.goto("/provider?flag=NO_IMPROVEMENT");
    expect((await caseloadRows(page)).map((r) => r.name)).toEqual([
      "Susan Patel",
      "Emily Johnson",
      "Michael Brown",
    ]);

    await page.goto("/provider");
    await page.getByLabel("Patient name").fill("okaf");
    await page.getByLabel("Patient name").press("Enter");
    expect((await caseloadRows(page)).map((r) => r.name)).toEqual(["Robert Okafor"]);

    await page.goto("/provider?q=nobody-by-this-name");
    await expect(page.getByText("No patients match")).toBeVisible();
  });

  test("a provider reviews a flagged patient, records a decision, and the patient sees the plan", async ({
    page,
    browser,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Susan Patel" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Susan Patel" })).toBeVisible();

    const assessment = page.getByRole("region", { name: "Assessment" });
    await expect(assessment.getByText("Worse", { exact: true })).toBeVisible();
    await expect(assessment.getByText("Baseline pain")).toBeVisible();
    await expect(assessment.getByText("6/10")).toBeVisible();
    const flags = page.getByRole("region", { name: "Flags" });
    await expect(flags.getByRole("heading", { name: "Worse than baseline" })).toBeVisible();
    await expect(flags.getByText(/above the baseline of 6\/10/)).toBeVisible();
    const suggestions = page.getByRole("region", { name: "Suggestions" });
    await expect(suggestions.getByText("Re-evaluation")).toBeVisible();
    await expect(suggestions.getByText(/review the diagnosis/)).toBeVisible();
    await expect(page.getByRole("img", { name: /Chart of daily pain/ })).toBeVisible();
    await expectNoA11yViolations(page);

    const form = page.locator("#decision-form");
    await form.getByRole("checkbox", { name: /Re-evaluation/ }).check();
    await form
      .getByLabel("Note on re-evaluation (optional)")
      .fill("MRI of the lower back next week");
    await form.getByRole("checkbox", { name: /Medication adjustment/ }).check();
    await form.getByRole("checkbox", { name: /Inaccurate diagnosis/ }).check();
    await form.getByLabel("Rationale").fill("Worse at three weeks with new burning pain.");
    const followUp = new Date(Date.now() + 30 * 86_400_000);
    await form.getByLabel("Follow-up date (optional)").fill(followUp.toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Decision recorded", { exact: true })).toBeVisible();
    const history = page.getByRole("region", { name: "Management decision" });
    await expect(history.getByText("Current", { exact: true })).toBeVisible();
    await expect(history.getByText("MRI of the lower back next week")).toBeVisible();

    // The patient sees the plan on their home, in plain words.
    const patientContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const patientPage = await patientContext.newPage();
    await signIn(patientPage, "susan.patel@example.com", DEMO_PASSWORD);
    await patientPage.waitForURL("**/patient");
    const plan = patientPage.getByRole("region", { name: "Your plan" });
    await expect(plan.getByText("A closer look at the cause of your pain")).toBeVisible();
    await expect(plan.getByText("A change to your pain medicine")).toBeVisible();
    await expect(plan.getByText("MRI of the lower back next week")).toBeVisible();
    await expect(plan.getByText(/Dr\. Priya Provider decided this plan/)).toBeVisible();
    const longDate = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(followUp);
    await expect(plan.getByText(new RegExp(`Next review: .*${longDate}`))).toBeVisible();
    await expect(plan.getByText(/Inaccurate diagnosis|Worse at three weeks/)).toHaveCount(0);
    await expectNoA11yViolations(patientPage);
    await patientContext.close();
  });

  test("a decision amendment keeps the first version readable", async ({ page }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Michael Brown" }).first().click();
    const form = page.locator("#decision-form");
    await form.getByRole("checkbox", { name: /Physical therapy/ }).check();
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Decision recorded", { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "Amend this decision" }).click();
    await expect(page.getByRole("heading", { name: "Amend the current decision" })).toBeVisible();
    await form.getByRole("checkbox", { name: /Psychological support/ }).check();
    await form.getByRole("button", { name: "Record amendment" }).click();
    await expect(page.getByText("Amendment recorded", { exact: true })).toBeVisible();
    const history = page.getByRole("region", { name: "Management decision" });
    await expect(history.getByText("Replaced by an amendment")).toBeVisible();
    await expect(
      history.getByRole("listitem").filter({ hasText: /^Psychological support$/ }),
    ).toBeVisible();
  });

  test("marking a flag reviewed shows it quieter in the caseload", async ({ page }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Linda Nguyen" }).first().click();
    const flags = page.getByRole("region", { name: "Flags" });
    await flags.getByRole("button", { name: /Mark reviewed.*Diary lapsed/ }).click();
    await flags
      .getByLabel("Note on diary lapsed (optional)")
      .fill("Phoned; will restart the diary.");
    await flags.getByRole("button", { name: "Mark reviewed", exact: true }).click();
    await expect(flags.getByText(/Reviewed by Dr\. Priya Provider/)).toBeVisible();

    await page.goto("/provider?q=Linda");
    const [row] = await caseloadRows(page);
    expect(row?.cells[1]).toContain("No open flags");
    expect(row?.cells[3]).toContain("reviewed");
  });

  test("the procedure form checks its fields, and an edit keeps the earlier version", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Pat Patient" }).first().click();
    await page.getByRole("link", { name: "Record a procedure" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a procedure" })).toBeVisible();
    await page.getByRole("button", { name: "Record procedure" }).click();
    await expect(page.getByText("Choose the modality.")).toBeVisible();
    await expect(page.getByText("Enter the baseline pain as a number from 1 to 10.")).toBeVisible();
    await expect(page.getByLabel("Modality")).toBeFocused();
    await expectNoA11yViolations(page);

    await page.goto("/provider?q=Michael");
    await page.getByRole("link", { name: "Michael Brown" }).first().click();
    await page.getByRole("link", { name: "Edit the procedure" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit the procedure" })).toBeVisible();
    await page.getByLabel("Target nerve or level").fill("T7-T8 and T8-T9 medial branches");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Procedure updated", { exact: true })).toBeVisible();
    await expect(page.getByText("T7-T8 and T8-T9 medial branches")).toBeVisible();
    await page.getByRole("link", { name: "Edit the procedure" }).click();
    const versions = page.getByRole("region", { name: "Versions" });
    await expect(versions.getByText("Version 2 (current)")).toBeVisible();
    await expect(versions.getByText(/T7-T8 medial branches/)).toBeVisible();
    await expect(page.getByText("Procedure updated")).toHaveCount(0, { timeout: 15_000 });
    await expectNoA11yViolations(page);
  });

  test("another provider's patient is not found, in the page and through the API", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    const missing = "00000000-0000-4000-8000-000000000000";
    const response = await page.goto(`/provider/patients/${missing}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByText("Susan Patel")).toHaveCount(0);
    const api = await page.request.get(
      `/api/trpc/caseload.review?input=${encodeURIComponent(JSON.stringify({ json: { patientId: missing } }))}`,
    );
    expect(api.status()).toBe(404);
  });

  test("the caseload becomes cards at phone width", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await loginAs(page, "provider");
    const cards = page.getByRole("list", { name: /Patients on your care team/ });
    await expect(cards).toBeVisible();
    await expect(cards.getByRole("link", { name: "Susan Patel" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await expectNoA11yViolations(page);
  });
});
