import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, expectNoA11yViolations, loginAs, signIn, test } from "./fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const NEW_PASSWORD = "Lantern meadow quartz 42";

/** Creates an account through the admin UI; returns its email and temporary password. */
async function createAccount(page: Page, role: "patient" | "provider", name: string) {
  const email = `${role}-${unique()}@e2e.test`;
  await page.goto("/admin/accounts/new");
  await page.getByLabel("Role").selectOption(role);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  const password = (await page.getByTestId("temporary-password").textContent()) ?? "";
  expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  return { email, password };
}

/** A second browser (its own cookies and client address) for the other person. */
async function otherBrowser(browser: Browser) {
  const context = await browser.newContext({
    extraHTTPHeaders: {
      "x-forwarded-for": `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
  });
  return { context, page: await context.newPage() };
}

/** First sign-in with a temporary password: the user must choose their own before anything else. */
async function firstSignIn(page: Page, email: string, temporary: string) {
  await signIn(page, email, temporary);
  await page.waitForURL("**/account/password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose your password");
  await page.getByLabel("Temporary password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
}

test.describe("accounts", () => {
  test("the admin creates a provider and a patient and assigns them; the patient must change the temporary password, then reaches home", async ({
    page,
    browser,
  }) => {
    await loginAs(page, "admin");
    const providerName = `Dr. Elm ${unique()}`;
    await createAccount(page, "provider", providerName);
    const patientName = `Pia Birch ${unique()}`;
    const patient = await createAccount(page, "patient", patientName);

    await page.getByRole("link", { name: "Open the account" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(patientName);
    const picker = page.getByLabel("Assign a provider");
    const providerId = await picker
      .locator("option", { hasText: providerName })
      .getAttribute("value");
    await picker.selectOption(providerId ?? "");
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByRole("link", { name: providerName })).toBeVisible();

    // the list finds the new patient by name, with the "temporary password" status
    await page.goto(`/admin?q=${encodeURIComponent(patientName)}`);
    await expect(page.getByRole("link", { name: patientName })).toBeVisible();
    await expect(page.getByText("Temporary password").first()).toBeVisible();

    const other = await otherBrowser(browser);
    try {
      await signIn(other.page, patient.email, patient.password);
      await other.page.waitForURL("**/account/password");
      // every page leads back to the change-password page until it is done
      await other.page.goto("/patient");
      await expect(other.page).toHaveURL(/\/account\/password$/);
      await expectNoA11yViolations(other.page);

      await other.page.getByLabel("Temporary password").fill(patient.password);
      await other.page.getByLabel("New password", { exact: true }).fill("password1234");
      await other.page.getByLabel("New password again").fill("password1234");
      await other.page.getByRole("button", { name: "Change password" }).click();
      await expect(other.page.getByText(/too common or too easy to guess/)).toBeVisible();

      await other.page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await other.page.getByLabel("New password again").fill(NEW_PASSWORD);
      await other.page.getByRole("button", { name: "Change password" }).click();
      await other.page.waitForURL(/\/patient$/);
      await expect(other.page.getByRole("heading", { level: 1 })).toBeVisible();
      await other.page.reload();
      await expect(other.page).toHaveURL(/\/patient$/); // still signed in
    } finally {
      await other.context.close();
    }
  });

  test("deactivation signs the user out at their next request", async ({ page, browser }) => {
    await loginAs(page, "admin");
    const name = `Dr. Ash ${unique()}`;
    const provider = await createAccount(page, "provider", name);
    await page.getByRole("link", { name: "Open the account" }).click();

    const other = await otherBrowser(browser);
    try {
      await firstSignIn(other.page, provider.email, provider.password);
      await other.page.waitForURL(/\/provider$/);

      await page.getByRole("button", { name: "Deactivate" }).click();
      const dialog = page.getByRole("dialog", { name: `Deactivate ${name}?` });
      await expect(dialog).toBeVisible();
      await expectNoA11yViolations(page);
      await dialog.getByRole("button", { name: "Deactivate" }).click();
      await expect(page.getByText("Deactivated", { exact: true }).first()).toBeVisible();

      await other.page.reload();
      await expect(other.page).toHaveURL(/\/signin/);
      await signIn(other.page, provider.email, NEW_PASSWORD);
      await expect(other.page.locator("form").getByRole("alert")).toHaveText(
        "Invalid email or password",
      );

      // reactivated, they can sign in again
      await page.getByRole("button", { name: "Reactivate" }).click();
      await expect(page.getByRole("button", { name: "Deactivate" })).toBeVisible();
      await signIn(other.page, provider.email, NEW_PASSWORD);
      await other.page.waitForURL(/\/provider$/);
    } finally {
      await other.context.close();
    }
  });

  test("an admin cannot deactivate their own account", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto(`/admin?q=${encodeURIComponent(DEMO.admin)}`);
    await page.getByRole("link", { name: "Alex Admin" }).click();
    await expect(page.getByText("This is your own account.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  });

  test("support access: a reason each time opens the patient's review read-only for an hour, and the care team sees who, when and why", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    await page.goto("/admin?q=Linda+Nguyen");
    await page.getByRole("link", { name: "Linda Nguyen" }).click();
    await page.getByRole("link", { name: "Read the review for support" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Read Linda Nguyen's review for support",
    );
    await page.getByRole("button", { name: "Open the record for an hour" }).click();
    await expect(page.getByText("Say why you need to read this patient's record.")).toBeVisible();
    await expect(page.getByLabel("Why do you need to read it?")).toBeFocused();
    await expectNoA11yViolations(page);
    await page
      .getByLabel("Why do you need to read it?")
      .fill("Patient called: her plan is missing");
    await page.getByRole("button", { name: "Open the record for an hour" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Linda Nguyen" })).toBeVisible();
    await expect(page.getByText(/Support access: read-only, until/)).toBeVisible();
    await expect(page.getByText(/her plan is missing/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Record a decision" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Messages" })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.context().clearCookies();
    await loginAs(page, "provider");
    await page.goto("/provider?q=Linda");
    await page.getByRole("link", { name: "Linda Nguyen" }).first().click();
    const notice = page.getByText("Read for support by an administrator").locator("..");
    await expect(notice).toContainText("Alex Admin");
    await expect(notice).toContainText("her plan is missing");
  });

  test("the admin pages have no accessibility violations at 1280 and 360 px, and the whole menu shows at both", async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    await loginAs(page, "admin");
    await page.goto("/admin?q=Pat+Patient");
    await page.getByRole("link", { name: "Pat Patient" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pat Patient");
    const patientAccount = new URL(page.url()).pathname;
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of [
        "/admin",
        "/admin/accounts/new",
        patientAccount,
        "/admin/import",
        "/admin/fhir-import",
        "/admin/audit",
        "/admin/outbox",
        "/admin/export",
        "/admin/settings",
        "/account/password",
        "/account/security",
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scroll, `${path} at ${width}`).toBeLessThanOrEqual(width);
        // Every item of the menu is on screen (at 360 px it wraps; nothing hides off to the right).
        const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
        expect(await links.count()).toBe(8);
        for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
        await expectNoA11yViolations(page);
        await page.screenshot({
          path: testInfo.outputPath(`${path.replaceAll("/", "_")}-${width}.png`),
          fullPage: true,
        });
      }
    }
  });

  test("a patient created with identity and care team in one form reaches the provider's queue; the caseload view is one line in the audit trail", async ({
    page,
    browser,
  }) => {
    // A long journey: two people sign in, two accounts, the queue, the review page, the trail.
    test.setTimeout(60_000);
    await loginAs(page, "admin");
    const name = `Nora Quill ${unique()}`;
    const mrn = `E2E-${unique()}`;
    await page.goto("/admin/accounts/new");
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email").fill(`patient-${unique()}@e2e.test`);
    await page.getByLabel("Date of birth").fill("1960-02-03");
    await page.getByLabel("MRN (optional)").fill(mrn);
    await page.getByLabel("Phone (optional)").fill("+44 20 7946 0000");
    await page.getByRole("checkbox", { name: /Dr\. Priya Provider/ }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    const next = page.getByRole("region", { name: "What happens next" });
    await expect(next).toContainText("Dr. Priya Provider");
    await expect(next).toContainText("Needs review");
    await expectNoA11yViolations(page);

    // The MRN is unique within the clinic, whatever its case.
    await page.getByRole("button", { name: "Create another account" }).click();
    await page.getByLabel("Full name").fill(`Other ${unique()}`);
    await page.getByLabel("Email").fill(`patient-${unique()}@e2e.test`);
    await page.getByLabel("MRN (optional)").fill(mrn.toLowerCase());
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Another patient already has this MRN.")).toBeVisible();
    // The account list finds the patient by a part of the MRN and shows it with the care team.
    await page.goto(`/admin?q=${encodeURIComponent(mrn.slice(0, -2).toLowerCase())}`);
    const found = page.getByRole("table", { name: "Accounts" }).getByRole("row", { name: name });
    await expect(found).toContainText(mrn);
    await expect(found).toContainText("Dr. Priya Provider");
    await expect(found).toContainText("Never");
    // ... and by the date of birth, typed as the clinic shows dates or with slashes.
    for (const typed of ["3 Feb 1960", "03/02/1960"]) {
      await page.getByLabel("Name, MRN, email or date of birth").fill(typed);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/q=/);
      await expect(
        page.getByRole("table", { name: "Accounts" }).getByRole("row", { name }),
      ).toContainText(mrn);
    }

    // A typo in the email is corrected: the new address gets an invitation, the old one a notice.
    await page
      .getByRole("table", { name: "Accounts" })
      .getByRole("row", { name })
      .getByRole("link", { name })
      .click();
    const moved = `moved-${unique()}@e2e.test`;
    await page.getByLabel("Sign-in email").fill(moved);
    await page.getByRole("button", { name: "Change email" }).click();
    await expect(
      page.getByText("Email changed: an invitation went to the new address"),
    ).toBeVisible();
    await expect(page.locator("dd").filter({ hasText: moved })).toBeVisible();
    await page.goto("/admin/outbox");
    await expect(page.getByRole("row").filter({ hasText: moved }).first()).toContainText(
      "Your account at",
    );

    const other = await otherBrowser(browser);
    try {
      await loginAs(other.page, "provider");
      await other.page.goto(`/provider?q=${encodeURIComponent(name)}`);
      const row = other.page.getByRole("table").locator("tbody tr").first();
      await expect(row).toContainText("Needs review");
      await expect(row).toContainText("No procedure recorded");
      await row.getByRole("link").click();
      const banner = other.page.getByRole("region", { name: "Patient" });
      await expect(banner).toContainText(mrn);
      await expect(banner).toContainText("3 Feb 1960");
    } finally {
      await other.context.close();
    }

    await page.goto("/admin/audit?action=caseload.read");
    const line = page
      .getByRole("table")
      .getByText(/Viewed the caseload: \d+ patients/)
      .first();
    await expect(line).toBeVisible();
    await line.click();
    await expect(page.getByRole("table").getByText(name).first()).toBeVisible();
  });
});

test.describe("bulk import", () => {
  test("shows a progress bar while it runs and a per-row report; a second run creates nobody", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    const provider = await createAccount(page, "provider", `Dr. Oak ${unique()}`);
    const tag = unique();
    const lines = ["name,email,provider email"];
    for (let i = 0; i < 120; i++)
      lines.push(`"Patient, ${i}",imp-${tag}-${i}@e2e.test,${provider.email}`);
    lines.push(`No Email,,${provider.email}`);
    lines.push(`Twin,imp-${tag}-0@e2e.test,${provider.email}`);
    const file = {
      name: "patients.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n")),
    };

    // slow each chunk down a little, so that the progress bar can be seen
    await page.route("**/api/trpc/import.patients**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });

    await page.goto("/admin/import");
    await page.getByLabel("CSV file of patients").setInputFiles(file);
    await page.getByRole("button", { name: "Import patients" }).click();
    const progress = page.getByRole("progressbar", { name: "Importing" });
    await expect(progress).toBeVisible();
    await expect(page.getByText(/of 121 rows/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Import report: patients.csv" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "120 created" })).toContainText(
      "2 not imported",
    );
    const problems = page.getByRole("table", { name: "Rows not imported" });
    await expect(problems).toContainText("Row 122");
    await expect(problems).toContainText("Email: Enter an email address.");
    await expect(problems).toContainText("Row 123");
    await expect(problems).toContainText("Same email as row 2.");
    await expectNoA11yViolations(page);

    await page.getByLabel("CSV file of patients").setInputFiles(file);
    await page.getByRole("button", { name: "Import patients" }).click();
    await expect(page.getByRole("status").filter({ hasText: "0 created" })).toContainText(
      "120 already there",
      { timeout: 20_000 },
    );
  });
});

test.describe("audit trail", () => {
  test("filters by person and action, and exports the filtered trail as CSV", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/audit");
    await page.getByLabel("Person (name or email)").fill(DEMO.admin);
    await page.getByLabel("Action").selectOption("auth.sign_in");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/person=admin%40example.com/);
    const table = page.getByRole("table", { name: "Audit events, newest first" });
    await expect(table).toContainText("Signed in");
    await expect(table).toContainText("Alex Admin");
    await expect(table).not.toContainText("Was refused a request");
    await expect(page.getByText(/\d+ events? match these filters/)).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    let csv = "";
    for await (const chunk of stream) csv += chunk;
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(
      /^Clinic time \(.+\),Timestamp UTC \(ISO 8601\),Person,Person email,Role,Action,What,Outcome/,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(",auth.sign_in,");

    // the export is itself in the trail
    await page.goto("/admin/audit?action=audit.export");
    await expect(table).toContainText("Exported the audit trail");
  });

  test("pages to the last page and back, with the number of pages; details read as words", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    // The accounts list leaves one read per patient shown: enough events for several pages.
    for (let i = 0; i < 3; i++) await page.goto("/admin");
    await page.goto("/admin/audit");
    const summary = page.getByText(/events? in all · page 1 of \d+/);
    await expect(summary).toBeVisible();
    const pages = Number((await summary.textContent())?.match(/page 1 of ([\d,]+)/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const nav = page.getByRole("navigation", { name: "Pagination" });
    await expect(nav.getByText(`Page 1 of ${pages}`)).toBeVisible();
    await expect(nav.getByRole("link", { name: "Previous page" })).toHaveCount(0);

    await nav.getByRole("link", { name: "Last page" }).click();
    await expect(nav.getByText(`Page ${pages} of ${pages}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`page=${pages}`));
    await expect(nav.getByRole("link", { name: "Next page" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Last page" })).toHaveCount(0);
    const table = page.getByRole("table", { name: "Audit events, newest first" });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    // The oldest events: the demo's first sign-ins and invitations, in words.
    await expect(table).not.toContainText("expiresAt");
    await expect(table).not.toContainText(/view: |Z\b/);
    await expectNoA11yViolations(page);

    await nav.getByRole("link", { name: "Previous page" }).click();
    await expect(nav.getByText(`Page ${pages - 1} of ${pages}`)).toBeVisible();
    if (pages > 2) {
      await nav.getByRole("link", { name: "First page" }).click();
      await expect(nav.getByText(`Page 1 of ${pages}`)).toBeVisible();
    }
    // A page past the end shows the last one.
    await page.goto(`/admin/audit?page=${pages + 5}`);
    await expect(nav.getByText(`Page ${pages} of ${pages}`)).toBeVisible();
    // Times in the clinic's zone, in the portal's style ("2 Dec 2026, 05:39:29").
    await expect(table.locator("tbody tr").first()).toContainText(
      /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}/,
    );
  });

  test("an admin checks the trail's integrity: every event chained, nothing changed", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/audit");
    await page.getByRole("link", { name: "Check the trail's integrity" }).click();
    await expect(page).toHaveURL(/verify=1/);
    await expect(
      page.getByRole("status").filter({ hasText: "Integrity check passed" }),
    ).toContainText(
      /all [\d,]+ events are chained in order; none was changed, removed or inserted/,
    );
    await expectNoA11yViolations(page);
  });

  test("the export refuses anyone but an admin", async ({ page, request }) => {
    expect((await request.get("/admin/audit/export")).status()).toBe(401);
    await loginAs(page, "provider");
    expect((await page.request.get("/admin/audit/export")).status()).toBe(403);
  });
});

test.describe("clinic settings", () => {
  test("the admin switches the success criteria and back", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/admin/settings");
    await expect(page.getByLabel("Strict")).toBeChecked();
    await page.getByLabel("Lenient").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Clinic settings saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Lenient")).toBeChecked();
    // back to the default, for the other specs
    await page.getByLabel("Strict").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Clinic settings saved.")).toBeVisible();
  });
});

test.describe("change password", () => {
  test("a signed-in user reaches the change-password page from the header", async ({ page }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account\/password$/);
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
  });
});
