import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";

export { expect };

/** The port of the mail server the e2e portal sends to (scripts/e2e-server.ts). */
export const SMTP_PORT = Number(process.env.E2E_PORT ?? 3200) + 8;

export const DEMO_PASSWORD = "demo-password";
export const DEMO = {
  patient: "patient@example.com",
  provider: "provider@example.com",
  admin: "admin@example.com",
} as const;
export type Role = keyof typeof DEMO;

/** Signs in through the sign-in page and waits for the role's home. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function loginAs(page: Page, role: Role) {
  await signIn(page, DEMO[role], DEMO_PASSWORD);
  await page.waitForURL(`**/${role}`);
  // The home has rendered (its heading and title), not only changed the address: a test that goes
  // on at once must not race the sign-in's own navigation.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/\S/);
}

/** Fails with the list of violations when axe finds any (WCAG 2.1 A and AA rules). */
export async function expectNoA11yViolations(page: Page) {
  // Scan a page that has finished arriving (a client navigation sets the title last).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

let ipCounter = 0;
/**
 * Each test presents its own client address (the e2e server trusts X-Forwarded-For), so that
 * failed sign-ins in one test never throttle another.
 */
/** Calls a tRPC procedure as the request's session (a query by GET, a mutation by POST). */
export async function trpcAs(
  request: APIRequestContext,
  path: string,
  input: unknown,
  post = false,
) {
  const body = JSON.stringify({ json: input });
  const response = post
    ? await request.post(`/api/trpc/${path}`, {
        data: body,
        headers: { "content-type": "application/json" },
      })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(body)}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()).result.data.json;
}

export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  extraHTTPHeaders: async ({}, use, testInfo) => {
    ipCounter += 1;
    await use({
      "x-forwarded-for": `10.${testInfo.workerIndex}.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`,
    });
  },
});

/** Clicks the link `name` and returns the downloaded file's path and suggested name. */
export async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).first().click(),
  ]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** A PDF's text as `pdftotext -layout` reads it. */
export const pdfText = (path: string) =>
  execFileSync("pdftotext", ["-layout", path, "-"]).toString();

/**
 * Screenshots the page at 1280 and 360 px (into the test's output), checks that it does not
 * scroll sideways and that axe finds nothing at either width.
 */
export async function shoot(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll, `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await expectNoA11yViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * A new patient on the demo provider's care team, `daysAgo` days after a lumbar RF procedure
 * (15: the 2-week check-in due, unanswered; 3: no check-in, today's entry to write), made through
 * the API as the admin and the provider would. Leaves the provider signed in.
 */
export async function patientAfterProcedure(
  page: Page,
  input: { name: string; dateOfBirth: string; daysAgo: number },
) {
  const { name, dateOfBirth } = input;
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.test`;
  await page.context().clearCookies();
  await loginAs(page, "admin");
  const providers = await trpcAs(page.request, "account.list", {
    role: "provider",
    search: DEMO.provider,
  });
  const created = await trpcAs(
    page.request,
    "account.create",
    { role: "patient", name, email, dateOfBirth, providerIds: [providers.rows[0].id] },
    true,
  );
  await page.context().clearCookies();
  await loginAs(page, "provider");
  await trpcAs(
    page.request,
    "procedure.record",
    {
      patientId: created.id,
      performedOn: new Date(Date.now() - input.daysAgo * 86_400_000).toISOString().slice(0, 10),
      modality: "radiofrequency",
      // A variant, as the demo's RF procedures have (outcomes.spec.ts groups RF by it).
      rfVariant: "conventional",
      region: "lumbar",
      side: "left",
      baselinePain: 6,
    },
    true,
  );
  return { id: created.id as string, name, email };
}
