import {
  DEMO,
  DEMO_PASSWORD,
  expect,
  expectNoA11yViolations,
  loginAs,
  signIn,
  test,
} from "./fixtures";

test.describe("sign-in", () => {
  for (const role of ["patient", "provider", "admin"] as const) {
    test(`the demo ${role} lands on the ${role} home and can sign out`, async ({ page }) => {
      await loginAs(page, role);
      await expect(page).toHaveURL(new RegExp(`/${role}$`));
      await expect(page.getByRole("banner")).toContainText(
        { patient: "Patient", provider: "Provider", admin: "Administrator" }[role],
      );
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
      await page.goto(`/${role}`);
      await expect(page).toHaveURL(/\/signin/);
    });
  }

  test("a wrong password says only 'Invalid email or password'", async ({ page }) => {
    await signIn(page, DEMO.patient, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
    await expect(page).toHaveURL(/\/signin/);
    await signIn(page, "nobody@example.com", DEMO_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  });

  test("empty fields and a 10,000-character email get clear messages", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await page.getByLabel("Email").fill(`${"a".repeat(10_000)}@example.com`);
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("An email address has at most 254 characters.")).toBeVisible();
  });

  test("the server answers malformed sign-in posts without a 500", async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const forms: Array<Record<string, string>> = [
      { email: "a".repeat(10_000), password: "x" },
      { email: "", password: "" },
      { email: DEMO.patient },
    ];
    for (const form of forms) {
      const response = await request.post("/api/auth/callback/credentials", {
        form: { ...form, csrfToken, json: "true" },
        maxRedirects: 0,
      });
      expect(response.status(), JSON.stringify(Object.keys(form))).toBeLessThan(500);
    }
  });

  test("the sign-in page has no accessibility violations", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

test.describe("authorization", () => {
  test("an anonymous tRPC call gets 401", async ({ request }) => {
    const response = await request.get("/api/trpc/session.me");
    expect(response.status()).toBe(401);
    expect(await response.text()).not.toMatch(/at \w+ \(|node_modules/);
  });

  test("a patient calling an admin procedure gets 403", async ({ page }) => {
    await loginAs(page, "patient");
    const response = await page.request.get(
      `/api/trpc/account.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
    );
    expect(response.status()).toBe(403);
  });

  for (const area of ["provider", "admin"]) {
    test(`a patient opening /${area} sees "Not allowed"`, async ({ page }) => {
      await loginAs(page, "patient");
      const response = await page.goto(`/${area}`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    });
  }

  test('a provider or an admin opening a patient\'s page sees "Not allowed"', async ({ page }) => {
    for (const role of ["provider", "admin"] as const) {
      await loginAs(page, role);
      for (const path of [
        "/patient/more",
        "/patient/help",
        "/patient/plan",
        "/patient/check-in",
        "/patient/block",
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} ${path}`).toBe(403);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
      }
      await page.context().clearCookies();
    }
  });

  test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
    await page.goto("/provider");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test("the health check says ok and nothing else", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
