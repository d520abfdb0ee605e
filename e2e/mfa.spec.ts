// A second factor for staff (docs/decisions/010-second-factor-for-staff.md, issue 8): set-up,
// sign-in with a code, replays, recovery codes, the clinic setting, and the admin's reset. Codes
// come from otpauth, a second TOTP implementation, so the portal's otplib is checked against it.
import type { BrowserContext, Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import {
  DEMO,
  DEMO_PASSWORD,
  expect,
  expectNoA11yViolations,
  loginAs,
  signIn,
  test,
  trpcAs as trpc,
} from "./fixtures";

const codeOf = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

const PHONE = { width: 360, height: 780 };

/** Reads the key and the recovery codes shown while setting up. */
async function enrolmentShown(page: Page) {
  const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s/g, "");
  const recoveryCodes = await page
    .getByRole("list", { name: "Recovery codes" })
    .getByRole("listitem")
    .allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL("**/signin");
}

// One admin session, signed in before the setting is turned on, tidies up whatever happens.
let admin: BrowserContext;
let adminPage: Page;
test.beforeAll(async ({ browser }, info) => {
  admin = await browser.newContext({ baseURL: info.project.use.baseURL });
  adminPage = await admin.newPage();
  await loginAs(adminPage, "admin");
});
test.afterAll(async () => {
  const settings = await trpc(adminPage.request, "settings.get", undefined);
  await trpc(
    adminPage.request,
    "settings.update",
    {
      successCriteria: settings.successCriteria,
      timeZone: settings.timeZone,
      requireStaffMfa: false,
    },
    true,
  );
  const { rows } = await trpc(adminPage.request, "account.list", { search: DEMO.provider });
  await trpc(adminPage.request, "mfa.reset", { id: rows[0].id }, true);
  await admin.close();
});

// Whole journeys with several sign-ins each: more than the default 30 s on a busy machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a provider sets up an authenticator and signs in with a code; a replayed code and a used recovery code are refused", async ({
  page,
}) => {
  await loginAs(page, "provider");
  await page.goto("/account/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const { secret, recoveryCodes } = await enrolmentShown(page);
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/mfa-setup-1280.png", fullPage: true });
  await page.setViewportSize(PHONE);
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/mfa-setup-360.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await page.getByLabel("Authentication code").fill(codeOf(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("You sign in with your password and a code")).toBeVisible();

  // The password alone now leads to the second step, and nothing else opens.
  await signOut(page);
  await signIn(page, DEMO.provider, DEMO_PASSWORD);
  await page.waitForURL("**/signin/verify");
  await expect(page.getByRole("heading", { level: 1, name: "Authentication code" })).toBeVisible();
  expect((await page.request.get("/api/trpc/session.me")).status()).toBe(401);
  await page.goto("/provider");
  await page.waitForURL("**/signin/verify");
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/mfa-verify-1280.png" });

  const code = codeOf(secret, 1); // the set-up used this step's code
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL("**/provider");

  // The same code again, in a new sign-in: refused.
  await signOut(page);
  await signIn(page, DEMO.provider, DEMO_PASSWORD);
  await page.waitForURL("**/signin/verify");
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin\/verify/);

  // A recovery code works there, once.
  const [recovery = ""] = recoveryCodes;
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL("**/provider");
  await signOut(page);
  await signIn(page, DEMO.provider, DEMO_PASSWORD);
  await page.waitForURL("**/signin/verify");
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel and sign out" }).click();
  await page.waitForURL("**/signin");

  // The admin resets it (a lost phone): the password alone works again.
  await adminPage.goto(`/admin?q=${encodeURIComponent(DEMO.provider)}`);
  await adminPage.getByRole("link", { name: "Dr. Priya Provider" }).click();
  await adminPage.getByRole("button", { name: "Reset second factor" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Reset second factor" }).click();
  await expect(adminPage.getByText("signs in with their password alone")).toBeVisible();
  await loginAs(page, "provider");
});

test("with the clinic setting on, a staff member without a second factor is sent to set one up", async ({
  page,
}) => {
  await adminPage.goto("/admin/settings");
  await adminPage.getByLabel("Require a second factor for staff").check();
  await adminPage.getByRole("button", { name: "Save settings" }).click();
  await expect(adminPage.getByText("Clinic settings saved.")).toBeVisible();

  // Patients are not asked.
  await loginAs(page, "patient");
  await signOut(page);

  await signIn(page, DEMO.provider, DEMO_PASSWORD);
  await page.waitForURL("**/signin/enrol");
  await expect(
    page.getByRole("heading", { level: 1, name: "Set up a second factor" }),
  ).toBeVisible();
  expect((await page.request.get("/api/trpc/session.me")).status()).toBe(401);
  const { secret } = await enrolmentShown(page);
  await expectNoA11yViolations(page);
  await page.setViewportSize(PHONE);
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/mfa-enrol-360.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/mfa-enrol-1280.png", fullPage: true });

  await page.getByLabel("Authentication code").fill(codeOf(secret));
  await page.getByRole("button", { name: "Turn on and continue" }).click();
  await page.waitForURL("**/provider");
});
