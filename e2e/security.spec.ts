import type { BrowserContext } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { DEMO, DEMO_PASSWORD, expect, loginAs, test } from "./fixtures";
import { E2E_SECRET } from "./secret";

test.describe("response headers", () => {
  for (const path of ["/signin", "/api/health", "/patient"]) {
    test(`${path} carries the security headers`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }

  test("each page gets a fresh nonce and its scripts run under the policy", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const first = await page.goto("/signin");
    const second = await page.goto("/signin");
    expect(first?.headers()["content-security-policy"]).not.toEqual(
      second?.headers()["content-security-policy"],
    );
    await loginAs(page, "patient"); // needs the page's scripts
    expect(violations).toEqual([]);
  });
});

test.describe("hardening found by outside scanners", () => {
  test("TRACE and other methods answer 405 with the security headers", async ({ request }) => {
    for (const method of ["TRACE", "PUT", "DELETE"]) {
      const response = await request.fetch("/signin", { method, maxRedirects: 0 });
      expect(response.status()).toBe(405);
      const headers = response.headers();
      expect(headers.allow).toBe("GET, HEAD, POST");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });

  test("styles run under the policy without 'unsafe-inline' for style elements", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/signin");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'( 'sha256-[^']+')+(;|$)/);
    expect(csp).not.toMatch(/style-src [^;]*unsafe-inline/);
    await loginAs(page, "patient");
    await page.goto("/patient/progress");
    await page.goto("/patient/diary/new");
    await page.context().clearCookies();
    await loginAs(page, "provider");
    await page.goto("/provider/outcomes");
    expect(violations).toEqual([]);
  });
});

test.describe("a sign-in before the page's JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });
  test("posts the form, never puts the password in a URL, and signs in", async ({ page }) => {
    const urls: string[] = [];
    const methods: string[] = [];
    page.on("request", (r) => {
      urls.push(r.url());
      if (r.isNavigationRequest()) methods.push(r.method());
    });
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.patient);
    await page.getByLabel("Password").fill("secret-typed-early");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForLoadState("load");
    expect(methods).toContain("POST");
    expect(page.url()).toMatch(/\/signin\?/);
    await expect(page.getByText("Invalid email or password")).toBeVisible();

    await page.getByLabel("Email").fill(DEMO.patient);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/patient$/);
    // Signed in (without a script the page's streamed parts stay as their placeholders).
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(urls.join(" ")).not.toContain("secret-typed-early");
    expect(urls.join(" ")).not.toContain(DEMO_PASSWORD);
  });

  test("a sign-in form posted from another site is refused", async ({ page }) => {
    const response = await page.request.post("/signin/password", {
      headers: { origin: "https://evil.example" },
      form: { email: DEMO.patient, password: DEMO_PASSWORD, next: "/" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
  });
});

test("tRPC answers are never cached", async ({ page }) => {
  await loginAs(page, "patient");
  const response = await page.request.get("/api/trpc/session.me");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
});

test.describe("cross-site requests", () => {
  test("a tRPC mutation from another origin is refused", async ({ page }) => {
    await loginAs(page, "patient");
    const attempts: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attempts) {
      const response = await page.request.post("/api/trpc/session.me", {
        headers: { ...headers, "content-type": "application/json" },
        data: {},
      });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
    }
  });
});

/** Rewrites the session cookie's times, as if the session began / was last active that long ago. */
async function ageSession(context: BrowserContext, sinceSignIn: number, idle: number) {
  const cookies = await context.cookies();
  const cookie = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  if (!cookie) throw new Error("no session cookie");
  const token = await decode({ token: cookie.value, secret: E2E_SECRET });
  const now = Math.floor(Date.now() / 1000);
  const value = await encode({
    token: { ...token, at: now - sinceSignIn, lat: now - idle },
    secret: E2E_SECRET,
  });
  await context.addCookies([{ ...cookie, value }]);
}

test.describe("session expiry", () => {
  test("a provider idle for 30 minutes is signed out", async ({ page, context }) => {
    await loginAs(page, "provider");
    await ageSession(context, 3600, 29 * 60);
    await page.goto("/provider");
    await expect(page).toHaveURL(/\/provider$/);
    // that request counted as activity: the cookie's last-activity time moved to now
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("session-token"));
    const token = await decode({ token: cookie?.value ?? "", secret: E2E_SECRET });
    expect(Math.floor(Date.now() / 1000) - Number(token?.lat)).toBeLessThan(60);
    await ageSession(context, 3600, 31 * 60);
    await page.goto("/provider");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an admin idle for 30 minutes is signed out", async ({ page, context }) => {
    await loginAs(page, "admin");
    await ageSession(context, 3600, 31 * 60);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a patient idle for an hour stays signed in, but not after 12 hours", async ({
    page,
    context,
  }) => {
    await loginAs(page, "patient");
    await ageSession(context, 3600, 3600);
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/patient$/);
    await ageSession(context, 12 * 3600 + 60, 0);
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/signin/);
  });
});
