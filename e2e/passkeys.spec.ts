// Passkeys (docs/decisions/027-passkeys.md) with Chromium's virtual authenticator over CDP: a
// platform authenticator that holds discoverable credentials and verifies its user. A patient
// adds one, signs in with it alone and removes it; a staff member with an authenticator app
// signs in with one and is not asked for a code.
import type { BrowserContext, CDPSession, Page } from "@playwright/test";
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

const PHONE = { width: 360, height: 780 };

/** A virtual platform authenticator on this page, as a phone's or laptop's screen lock is. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentialsOf(cdp: CDPSession, authenticatorId: string) {
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL("**/signin");
}

async function addPasskey(page: Page, name: string) {
  await page.goto("/account/security");
  await page.getByLabel("Passkey name").fill(name);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("list", { name: "Your passkeys" })).toContainText(name);
  // The "added" toast fades out first (axe would measure it half transparent).
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
}

// The admin tidies up the provider's second factor whatever happens.
let admin: BrowserContext;
let adminPage: Page;
test.beforeAll(async ({ browser }, info) => {
  admin = await browser.newContext({ baseURL: info.project.use.baseURL });
  adminPage = await admin.newPage();
  await loginAs(adminPage, "admin");
});
test.afterAll(async () => {
  const { rows } = await trpc(adminPage.request, "account.list", { search: DEMO.provider });
  await trpc(adminPage.request, "mfa.reset", { id: rows[0].id }, true);
  await admin.close();
});

test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a patient adds a passkey, signs in with it without a password, and removes it", async ({
  page,
}) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await loginAs(page, "patient");
  await page.goto("/account/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  // A name is asked for first.
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Give the passkey a name")).toBeVisible();
  await addPasskey(page, "My laptop");
  await expect(page.getByText("Not used yet")).toBeVisible();
  const [credential] = await credentialsOf(cdp, authenticatorId);
  expect(credential?.isResidentCredential).toBe(true);
  await expectNoA11yViolations(page);
  await page.setViewportSize(PHONE);
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/passkeys-360.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Signed out, the passkey alone signs in: no email, no password.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL("**/patient");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await credentialsOf(cdp, authenticatorId))[0]?.signCount).toBeGreaterThan(0);
  await page.goto("/account/security");
  await expect(page.getByText(/Last used /)).toBeVisible();

  // Removed, it no longer signs in.
  await page.getByRole("button", { name: "Remove passkey My laptop" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  // The device still offers it (removing it there is the device's business); the portal refuses.
  await expect(
    page.getByRole("alert").filter({ hasText: "That passkey was not accepted." }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.request.get("/api/trpc/session.me").then((r) => expect(r.status()).toBe(401));
});

test("a provider with an authenticator app signs in with a passkey and is not asked for a code", async ({
  page,
}) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await loginAs(page, "provider");
  // The authenticator app, set up through the procedures (mfa.spec.ts covers the page).
  const { secret } = await trpc(page.request, "mfa.startEnrolment", undefined, true);
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
  await trpc(page.request, "mfa.confirmEnrolment", { code }, true);
  await addPasskey(page, "Clinic laptop");
  await expectNoA11yViolations(page);

  // The password now needs a code...
  await signOut(page);
  await signIn(page, DEMO.provider, DEMO_PASSWORD);
  await page.waitForURL("**/signin/verify");
  await page.getByRole("button", { name: "Cancel and sign out" }).click();
  await page.waitForURL("**/signin");
  // ...the passkey does not: it verified the user on the device.
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL("**/provider");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await page.request.get("/api/trpc/session.me")).status()).toBe(200);

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Remove passkey Clinic laptop" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
});
