import type { Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoA11yViolations, loginAs, signIn, test } from "./fixtures";

// The demo provider's care team (db/seed-clinical.ts) as the work queue orders it
// (docs/clinical-rules.md#review-states).
const EXPECTED: Array<{ name: string; state: string; flags: string[] }> = [
  {
    name: "Susan Patel",
    state: "Needs review",
    flags: ["Worse than baseline", "New neuropathic symptoms"],
  },
  { name: "Robert Okafor", state: "Needs review", flags: ["Pain returned"] },
  { name: "Emily Johnson", state: "Needs review", flags: ["No improvement", "Prolonged site"] },
  { name: "David Kim", state: "Needs review", flags: ["Pain in a new location"] },
  { name: "Michael Brown", state: "Needs review", flags: ["No improvement"] },
  { name: "Linda Nguyen", state: "Needs review", flags: ["Diary lapsed"] },
  { name: "Grace Lee", state: "Needs review", flags: [] },
  { name: "Helen Ward", state: "Follow-up due", flags: [] },
  { name: "Pat Patient", state: "Plan recorded", flags: [] },
  { name: "James Carter", state: "Monitoring", flags: [] },
  { name: "Maria Gomez", state: "Monitoring", flags: [] },
];

/** The caseload table's rows as text per column (the wide layout). */
async function caseloadRows(page: Page) {
  const table = page.getByRole("table", { name: /Patients on your care team/ });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent ?? "");
      // "Susan Patel, 46" -> "Susan Patel"
      return { name: (row.querySelector("a")?.textContent ?? "").split(",")[0] ?? "", cells };
    }),
  );
}

/** The count on a state tab: "Needs review 7" -> 7. */
async function tabCount(page: Page, state: string) {
  const tab = page.getByRole("navigation", { name: "Review states" }).getByRole("link", {
    name: new RegExp(`^${state}`),
  });
  return Number((await tab.textContent())?.replace(/\D/g, ""));
}

/** Presses Tab until `target` has the focus (keyboard only), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("tabTo: never reached the element");
}

test.describe("provider work queue", () => {
  // Journeys through several server-rendered pages, each scanned by axe: a busy 2-core machine
  // needs more than the default 30 s.
  test.describe.configure({ timeout: 90_000 });

  test("the caseload is a queue: needs review first, with states, pain in words and flags", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    const rows = await caseloadRows(page);
    // Other tests may add patients; the demo ones keep their order among themselves.
    const demo = rows.filter((r) => EXPECTED.some((e) => e.name === r.name));
    expect(demo.map((r) => r.name)).toEqual(EXPECTED.map((e) => e.name));
    for (const [i, expected] of EXPECTED.entries()) {
      const [, state = "", pain = "", flags = "", plan = ""] = demo[i]?.cells ?? [];
      expect(state, expected.name).toContain(expected.state);
      for (const flag of expected.flags) expect(flags, expected.name).toContain(flag);
      if (expected.name === "Pat Patient") {
        expect(plan).toContain("Continue monitoring, Physical therapy");
        expect(pain).toMatch(/from 7, \d+% less/);
      }
    }
    await expect(
      page.getByRole("img", { name: /Weekly pain, oldest first/ }).first(),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("filters apply as they change and live in the URL; a state tab shows its patients", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByLabel("Outcome").selectOption("no_change");
    await expect(page).toHaveURL(/category=no_change/);
    await expect
      .poll(async () => (await caseloadRows(page)).map((r) => r.name).sort())
      .toEqual(["Anna Schultz", "Michael Brown"]);

    await page.goto("/provider");
    await page.getByLabel("Name, MRN, email or date of birth").fill("okaf");
    await expect(page).toHaveURL(/q=okaf/);
    await expect
      .poll(async () => (await caseloadRows(page)).map((r) => r.name))
      .toEqual(["Robert Okafor"]);
    await page.getByLabel("Name, MRN, email or date of birth").fill("MRN-100845");
    await expect
      .poll(async () => (await caseloadRows(page)).map((r) => r.name))
      .toEqual(["Susan Patel"]);
    // From a tab without the patient, the search says which tab has them; the tabs count the search.
    await page.goto("/provider?state=monitoring&q=100845");
    expect(await tabCount(page, "Monitoring")).toBe(0);
    expect(await tabCount(page, "All")).toBe(1);
    await page.getByRole("link", { name: /^1 match under / }).click();
    await expect(page).toHaveURL(/q=100845/);
    expect((await caseloadRows(page)).map((r) => r.name)).toEqual(["Susan Patel"]);

    await page.goto("/provider");
    await page
      .getByRole("navigation", { name: "Review states" })
      .getByRole("link", { name: /^Follow-up due/ })
      .click();
    await expect(page).toHaveURL(/state=follow_up_due/);
    expect((await caseloadRows(page)).map((r) => r.name)).toContain("Helen Ward");

    await page.goto("/provider?q=nobody-by-this-name");
    await expect(page.getByText("No patients match these filters")).toBeVisible();

    // Sorting by a column keeps the filters and says which way it is sorted.
    await page.goto("/provider?state=needs_review");
    await page.getByRole("link", { name: /^Patient/ }).click();
    await expect(page).toHaveURL(/state=needs_review.*sort=name|sort=name.*state=needs_review/);
    await expect(page.getByRole("columnheader", { name: /Patient/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
  });

  test("one search: the MRN finds the patient from any tab, as do the date of birth and the email, and the tabs count the search", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    const search = page.getByLabel("Name, MRN, email or date of birth");
    const tabs = page.getByRole("navigation", { name: "Review states" });
    const states = ["Needs review", "Follow-up due", "Plan recorded", "Monitoring", "All"];
    for (const state of states) {
      await page.goto("/provider");
      await tabs.getByRole("link", { name: new RegExp(`^${state}`) }).click();
      await expect(tabs.getByRole("link", { name: new RegExp(`^${state}`) })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await search.fill("MRN-100845");
      await expect(page).toHaveURL(/q=MRN-100845/);
      await expect(page).not.toHaveURL(/state=/);
      await expect
        .poll(async () => (await caseloadRows(page)).map((r) => r.name), { message: state })
        .toEqual(["Susan Patel"]);
      // The tabs and the rows come with the same page; polled, as the rows are.
      await expect.poll(() => tabCount(page, "All"), { message: state }).toBe(1);
    }
    // The tabs count the search's patients: Susan is in one state only.
    await expect
      .poll(async () => {
        const counts = await Promise.all(
          ["Needs review", "Follow-up due", "Plan recorded", "Monitoring"].map((s) =>
            tabCount(page, s),
          ),
        );
        return counts.reduce((a, b) => a + b, 0);
      })
      .toBe(1);

    // The date of birth as the clinic shows it, in ISO, or with slashes; the email or a part of it.
    for (const typed of ["17 Mar 1980", "1980-03-17", "17/03/1980", "susan.patel@example"]) {
      await search.fill(typed);
      await expect
        .poll(async () => (await caseloadRows(page)).map((r) => r.name), { message: typed })
        .toEqual(["Susan Patel"]);
    }
    await expectNoA11yViolations(page);
  });

  test("open the top patient, record a decision in the dialog, come back: Plan recorded, one fewer to review", async ({
    page,
    browser,
  }) => {
    await loginAs(page, "provider");
    const needsReview = await tabCount(page, "Needs review");
    const [top] = await caseloadRows(page);
    expect(top?.cells[1]).toContain("Needs review");
    const name = top?.name ?? "";
    await page.getByRole("table").locator("tbody tr").first().click(); // the whole row opens it
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    // The banner guards against the wrong patient; the workspace reads in a clinician's words.
    const banner = page.getByRole("region", { name: "Patient" });
    await expect(banner.getByText("MRN", { exact: true })).toBeVisible();
    await expect(banner.getByText("Born", { exact: true })).toBeVisible();
    await expect(banner.getByText("Needs review")).toBeVisible();
    const assessment = page.getByRole("region", { name: "Assessment" });
    await expect(assessment.getByText("Days since procedure")).toBeVisible();
    await expect(assessment.getByText(/% (more|less) pain/).first()).toBeVisible();
    await expect(page.getByText("Your daily pain")).toHaveCount(0);
    await expectNoA11yViolations(page);

    const open = page.getByRole("button", { name: "Record a decision" });
    await open.click();
    const dialog = page.getByRole("dialog", { name: "Record a decision" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("Suggested").first()).toBeVisible();
    await expectNoA11yViolations(page);
    await dialog.getByRole("checkbox", { name: /Re-evaluation/ }).check();
    await dialog
      .getByLabel("Note on re-evaluation (optional)")
      .fill("MRI of the lower back next week");
    await dialog.getByRole("checkbox", { name: /Medication adjustment/ }).check();
    await dialog.getByLabel("Rationale").fill("Worse at three weeks with new burning pain.");
    const followUp = new Date(Date.now() + 30 * 86_400_000);
    await dialog.getByLabel("Follow-up date (optional)").fill(followUp.toISOString().slice(0, 10));
    await dialog.getByRole("button", { name: "Record decision" }).click();

    await expect(page.getByText(`Decision recorded for ${name}`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await expect(banner.getByText("Plan recorded")).toBeVisible();
    const plan = page.getByRole("region", { name: "Plan" });
    await expect(plan.getByText("Current", { exact: true })).toBeVisible();
    await expect(plan.getByText("MRI of the lower back next week")).toBeVisible();
    await expect(plan.getByText("Flags it answered")).toBeVisible();

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    expect(await tabCount(page, "Needs review")).toBe(needsReview - 1);
    const row = (await caseloadRows(page)).find((r) => r.name === name);
    expect(row?.cells[1]).toContain("Plan recorded");
    expect(row?.cells[4]).toContain("Re-evaluation, Medication adjustment");

    if (name === "Susan Patel") {
      // The patient sees the plan on their home, in plain words.
      const patientContext = await browser.newContext({
        baseURL: test.info().project.use.baseURL,
      });
      const patientPage = await patientContext.newPage();
      await signIn(patientPage, "susan.patel@example.com", DEMO_PASSWORD);
      await patientPage.waitForURL("**/patient");
      const yours = patientPage.getByRole("region", { name: "Your plan" });
      await expect(yours.getByText("A closer look at the cause of your pain")).toBeVisible();
      await expect(yours.getByText("MRI of the lower back next week")).toBeVisible();
      await expect(yours.getByText(/Worse at three weeks/)).toHaveCount(0);
      // A new plan comes first on the home page, marked new, until the patient says "Got it".
      await expect(yours.getByText("New from your care team")).toBeVisible();
      const today = patientPage.getByRole("region", { name: "Today's entry" });
      expect((await yours.boundingBox())?.y).toBeLessThan((await today.boundingBox())?.y ?? 0);
      await yours.getByRole("button", { name: "Got it" }).click();
      await expect(yours.getByText("New from your care team")).toHaveCount(0);
      await expect(yours.getByText("MRI of the lower back next week")).toBeVisible();
      expect((await yours.boundingBox())?.y).toBeGreaterThan((await today.boundingBox())?.y ?? 0);
      await patientContext.close();
    }
  });

  test("an empty decision says why at the top of the dialog, in view and focused; ticking a strategy clears it", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?state=needs_review");
    await page.getByRole("table").locator("tbody tr").first().click();
    await page.getByRole("button", { name: "Record a decision" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a decision" });
    await expect(dialog).toBeVisible();

    const record = dialog.getByRole("button", { name: "Record decision" });
    await record.scrollIntoViewIfNeeded();
    await record.click();
    const summary = dialog.getByRole("alert");
    await expect(summary).toContainText("Strategies: Choose at least one strategy.");
    await expect(summary).toBeInViewport();
    // The summary itself has the focus, so a screen reader reads it out.
    expect(
      await page.evaluate(() => document.activeElement?.querySelector("[role=alert]") !== null),
    ).toBe(true);
    // The message also stands at the question, tied to it.
    const strategies = dialog.getByRole("group", { name: "Strategies" });
    await expect(strategies).toHaveAccessibleDescription("Choose at least one strategy.");
    await expectNoA11yViolations(page);

    // The summary's link takes the focus to the question; ticking a strategy clears both messages.
    await summary.getByRole("link", { name: /Strategies/ }).click();
    await expect(strategies.getByRole("checkbox").first()).toBeFocused();
    await strategies.getByRole("checkbox", { name: /Physical therapy/ }).check();
    await expect(dialog.getByText("Choose at least one strategy.")).toHaveCount(0);
    await expect(strategies).toHaveAccessibleDescription("");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test("keyboard only: j/k and Enter open a patient, Escape closes the dialog, Tab records a decision", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?state=needs_review");
    const needsReview = await tabCount(page, "Needs review");
    const links = page.getByRole("table").locator("[data-queue-link]");
    // The keys work once the page is interactive: until then a "j" does nothing, so press again.
    await expect(async () => {
      await page.keyboard.press("j");
      await expect(links.nth(0)).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await page.keyboard.press("j");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("k");
    await expect(links.nth(0)).toBeFocused();
    const name = ((await links.nth(0).textContent()) ?? "").split(",")[0] ?? "";
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    const open = page.getByRole("button", { name: "Record a decision" });
    await tabTo(page, open);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Record a decision" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    const strategy = dialog.getByRole("checkbox", { name: /Physical therapy/ });
    await tabTo(page, strategy);
    // Focus stays inside the dialog while it is open.
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(
      true,
    );
    await page.keyboard.press("Space");
    await expect(strategy).toBeChecked();
    await tabTo(page, dialog.getByRole("button", { name: "Record decision" }), 120);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole("region", { name: "Patient" }).getByText("Plan recorded"),
    ).toBeVisible();

    await tabTo(page, page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link"), 80);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    expect(await tabCount(page, "Needs review")).toBe(needsReview - 1);
  });

  test("Next patient moves down the queue", async ({ page }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?state=needs_review");
    const names = (await caseloadRows(page)).map((r) => r.name);
    await page.getByRole("link", { name: names[0] }).first().click();
    await page.getByRole("link", { name: /Next patient/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: names[1] })).toBeVisible();
  });

  test("a decision amendment keeps the first version readable", async ({ page }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?q=Michael");
    await page.getByRole("link", { name: "Michael Brown" }).first().click();
    await page.getByRole("button", { name: "Record a decision" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a decision" });
    await dialog.getByRole("checkbox", { name: /Physical therapy/ }).check();
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Decision recorded for Michael Brown")).toBeVisible();

    const plan = page.getByRole("region", { name: "Plan" });
    await plan.getByRole("button", { name: "Amend" }).click();
    const amend = page.getByRole("dialog", { name: "Amend the current decision" });
    await expect(amend.getByRole("checkbox", { name: /Physical therapy/ })).toBeChecked();
    await amend.getByRole("checkbox", { name: /Psychological support/ }).check();
    await amend.getByRole("button", { name: "Record amendment" }).click();
    await expect(page.getByText("Amendment recorded for Michael Brown")).toBeVisible();
    await expect(plan.getByText("Amendment", { exact: true })).toBeVisible();
    await plan.getByText(/Earlier decisions and versions/).click();
    await expect(plan.getByText("Replaced by an amendment")).toBeVisible();
  });

  test("marking a flag reviewed without a decision takes the patient out of Needs review", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?q=Linda");
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
    expect(row?.cells[1]).toContain("Monitoring");
    expect(row?.cells[3]).toContain("1 reviewed");
  });

  test("the procedure form checks its fields, and an edit keeps the earlier version", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?q=Pat");
    await page.getByRole("link", { name: "Pat Patient" }).first().click();
    await page.getByRole("link", { name: "Record a procedure" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a procedure" })).toBeVisible();
    // Performed by the signed-in provider unless another is chosen.
    await expect(page.getByLabel("Performed by").locator("option:checked")).toHaveText(/\(you\)$/);
    await page.getByLabel("Lesion temperature (°C)").fill("100");
    await page.getByRole("button", { name: "Record procedure" }).click();
    await expect(page.getByText("Choose the modality.")).toBeVisible();
    await expect(
      page.getByText("Enter the lesion temperature as a whole number from 40 to 95 °C."),
    ).toBeVisible();
    await expect(page.getByText("Enter the baseline pain as a number from 1 to 10.")).toBeVisible();
    await expect(page.getByLabel("Modality")).toBeFocused();
    await expectNoA11yViolations(page);

    await page.goto("/provider?q=Michael");
    await page.getByRole("link", { name: "Michael Brown" }).first().click();
    await page.getByRole("link", { name: "Edit the procedure" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit the procedure" })).toBeVisible();
    await page.getByLabel("Target details").fill("T7-T8 and T8-T9 medial branches");
    const technique = page.getByRole("group", { name: /Technique/ });
    for (const level of ["T7", "T8", "T9"])
      await technique
        .getByRole("checkbox", { name: `${level} medial branch` })
        .check({ force: true });
    await technique.getByLabel("Lesion temperature (°C)").fill("42");
    await technique.getByLabel("Seconds per lesion").fill("120");
    await technique.getByLabel("Imaging guidance").selectOption("fluoroscopy");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Procedure updated", { exact: true })).toBeVisible();
    await expect(page.getByText("T7-T8 and T8-T9 medial branches")).toBeVisible();
    await expect(
      page.getByText("T7, T8, T9 medial branches · 42 °C × 120 s · Fluoroscopy"),
    ).toBeVisible();
    // The demo procedures were performed by the demo provider (migration 0022's backfill, seed).
    await expect(page.locator("dt", { hasText: "Performed by" }).locator("+ dd")).toHaveText(
      "Dr. Priya Provider",
    );
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
    for (const procedure of ["caseload.review", "caseload.next"]) {
      const api = await page.request.get(
        `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: { patientId: missing } }))}`,
      );
      expect(api.status(), procedure).toBe(404);
    }
  });

  test("every provider page passes axe at 1280 and 360 px; the caseload becomes cards", async ({
    page,
  }) => {
    test.setTimeout(120_000); // ten pages, each scanned
    await loginAs(page, "provider");
    await page.goto("/provider?q=Grace");
    await page.getByRole("link", { name: "Grace Lee" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Grace Lee" })).toBeVisible();
    const review = page.url();
    await page.getByRole("link", { name: "Edit the procedure" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit the procedure" })).toBeVisible();
    const edit = page.url();
    const pages = [
      "/provider",
      "/provider?state=monitoring",
      review,
      edit,
      `${review}/procedures/new`,
    ];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of pages) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scroll, `${url} at ${width}`).toBeLessThanOrEqual(width);
        await expectNoA11yViolations(page);
      }
    }
    // At 360 px the one table is laid out as cards: no column headers, each row a card.
    await page.goto("/provider");
    const cards = page.getByRole("table", { name: /Patients on your care team/ });
    await expect(cards).toBeVisible();
    await expect(cards.getByRole("columnheader").first()).toBeHidden();
    const susan = cards.locator("tbody tr").filter({ hasText: "Susan Patel" });
    await expect(susan.getByRole("link", { name: /Susan Patel/ })).toBeVisible();
    const box = await susan.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(360);
    await page.goto(review);
    await page.getByRole("button", { name: "Record a decision" }).click();
    await expect(page.getByRole("dialog", { name: "Record a decision" })).toBeVisible();
    await expectNoA11yViolations(page);
  });
  test("reaching a patient: a reminder now (one a day), and a call that holds Follow-up due until closed", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/provider?q=Maria");
    await page.getByRole("link", { name: "Maria Gomez" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Maria Gomez" })).toBeVisible();
    const review = page.url();
    const card = page.locator("#outreach");

    await card.getByRole("button", { name: "Send a reminder now" }).click();
    await expect(page.getByText("reminder sent to Maria")).toBeVisible();
    await card.getByRole("button", { name: "Send a reminder now" }).click();
    await expect(card.getByRole("alert")).toContainText("already went to this patient today");

    await card.getByRole("button", { name: "Call the patient…" }).click();
    await card.getByRole("button", { name: "Add call" }).click();
    await expect(card.getByText("Say why the patient needs a call.")).toBeVisible();
    await expect(card.getByLabel("Why call?")).toBeFocused();
    await card.getByLabel("Why call?").fill("Asked for an earlier appointment");
    // The reminder's toast fades out first (axe would measure it half transparent).
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
    await expectNoA11yViolations(page);
    await card.getByRole("button", { name: "Add call" }).click();
    await expect(card.getByRole("list", { name: "Calls to make" })).toContainText(
      "Asked for an earlier appointment",
    );
    await page.goto("/provider?q=Maria");
    const row = page.getByRole("table", { name: /Patients on your care team/ }).locator("tbody tr");
    await expect(row.filter({ hasText: "Maria Gomez" })).toContainText("Follow-up due");
    // The row's reason leads to the review page's "Reach" card.
    await row
      .filter({ hasText: "Maria Gomez" })
      .getByRole("link", { name: "Call the patient" })
      .click();
    await expect(page).toHaveURL(/#outreach$/);

    await page.goto(review);
    await card.getByRole("button", { name: "Close call" }).click();
    await expect(card.getByText("Choose what happened.")).toBeVisible();
    await card.getByRole("radio", { name: "Left a message" }).check();
    await card.getByRole("button", { name: "Close call" }).click();
    await expect(card.getByRole("list", { name: "Calls to make" })).toHaveCount(0);
    await page.goto("/provider?q=Maria");
    await expect(row.filter({ hasText: "Maria Gomez" })).toContainText("Monitoring");

    // The one email is in the outbox, with nothing clinical in it.
    await page.context().clearCookies();
    await loginAs(page, "admin");
    await page.goto("/admin/outbox");
    const mails = page.getByRole("row").filter({ hasText: "maria.gomez@example.com" });
    await expect(mails).toHaveCount(1);
    await expect(mails).toContainText("How is your pain these days?");
  });
});
