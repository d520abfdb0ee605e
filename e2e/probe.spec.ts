// What an outside probe found (issue 8), replayed over HTTP and in Chromium against the server.
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, loginAs, signIn, test } from "./fixtures";

const trpcGet = (request: APIRequestContext, path: string, input: unknown) =>
  request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);

const sessionCookie = async (page: Page) => {
  const cookie = (await page.context().cookies()).find((c) =>
    c.name.endsWith("next-auth.session-token"),
  );
  if (!cookie) throw new Error("no session cookie");
  return cookie;
};

test.describe("finding 1: sign-out ends the session on the server", () => {
  test("a session cookie saved before sign-out is refused after it", async ({ page }) => {
    await loginAs(page, "patient");
    const saved = await sessionCookie(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/signin");

    await page.context().addCookies([saved]);
    expect((await page.request.get("/api/trpc/session.me")).status()).toBe(401);
    expect((await trpcGet(page.request, "diary.list", {})).status()).toBe(401);
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("Sign out everywhere ends the account's other sessions too", async ({ browser, page }) => {
    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const otherPage = await other.newPage();
    await loginAs(otherPage, "provider");
    await loginAs(page, "provider");

    await page.goto("/account/security");
    await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
    await expect(page.getByText("This browser")).toBeVisible();
    expect(await page.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL("**/signin");

    expect((await otherPage.request.get("/api/trpc/session.me")).status()).toBe(401);
    await otherPage.goto("/provider");
    await expect(otherPage).toHaveURL(/\/signin/);
    await other.close();
  });
});

test.describe("finding 2: after sign-in, only pages of this site", () => {
  for (const callbackUrl of [
    "/\\evil.example/phish",
    "/\t/evil.example",
    "//evil.example",
    "https://evil.example",
    "javascript:alert(document.domain)",
  ]) {
    test(`callbackUrl ${JSON.stringify(callbackUrl)} lands on the role's home`, async ({
      page,
      baseURL,
    }) => {
      const visited: string[] = [];
      await page.context().route(
        (url) => url.hostname === "evil.example",
        (route) => {
          visited.push(route.request().url());
          return route.fulfill({ body: "phished", contentType: "text/html" });
        },
      );
      page.on("dialog", (dialog) => {
        visited.push(`dialog: ${dialog.message()}`);
        return dialog.dismiss();
      });
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill(DEMO.patient);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${baseURL}/patient`);
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).origin).toBe(baseURL);
      expect(visited).toEqual([]);
    });
  }

  test("a path of this site is followed", async ({ page }) => {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/patient/history")}`);
    await page.getByLabel("Email").fill(DEMO.patient);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/patient/history");
  });
});

test.describe("finding 3: a failing sign-in reveals nothing", () => {
  for (const email of ["a\u0000b@example.com", "\ud800@example.com", `${DEMO.patient}\u0000`]) {
    test(`email ${JSON.stringify(email)} answers only CredentialsSignin`, async ({ request }) => {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const response = await request.post("/api/auth/callback/credentials", {
        form: { email, password: DEMO_PASSWORD, csrfToken, json: "true" },
        maxRedirects: 0,
      });
      expect(response.status()).toBeLessThan(500);
      const text = await response.text();
      expect(decodeURIComponent(text)).not.toMatch(/query|select|sign_in_throttle|params|users/i);
      const url = new URL((JSON.parse(text) as { url: string }).url);
      expect(url.searchParams.get("error")).toBe("CredentialsSignin");
    });
  }

  test("the sign-in page then says only 'Invalid email or password'", async ({ page }) => {
    await page.goto("/signin?error=CredentialsSignin");
    await signIn(page, DEMO.patient, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  });
});

test.describe("finding 4: NUL characters get a 400, never a 500", () => {
  test("a tRPC search and the audit export", async ({ page }) => {
    await loginAs(page, "admin");
    const list = await trpcGet(page.request, "account.list", { search: "a\u0000b" });
    expect(list.status()).toBe(400);
    expect(JSON.stringify(await list.json())).toContain("invisible or broken character");
    const audit = await trpcGet(page.request, "audit.list", { person: "\ud800" });
    expect(audit.status()).toBe(400);
    for (const query of ["person=%00", "patient=a%00b", "action=%00"]) {
      const csv = await page.request.get(`/admin/audit/export?${query}`);
      expect(csv.status(), query).toBe(400);
      expect(await csv.text()).toBe("Please correct the filters.");
    }
  });
});

test.describe("finding 6: every refused page is audited", () => {
  test("a patient's and a provider's refused pages leave audit rows", async ({ browser, page }) => {
    const refused: Array<{ role: "patient" | "provider"; path: string }> = [
      { role: "patient", path: "/admin/accounts/new" },
      { role: "patient", path: "/admin/import" },
      { role: "patient", path: `/provider/patients/${crypto.randomUUID()}/procedures/new` },
      { role: "provider", path: "/admin/accounts/new" },
    ];
    for (const role of ["patient", "provider"] as const) {
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const visitor = await context.newPage();
      await loginAs(visitor, role);
      for (const r of refused.filter((x) => x.role === role)) {
        const response = await visitor.goto(r.path);
        expect(response?.status(), r.path).toBe(403);
      }
      await context.close();
    }

    await loginAs(page, "admin");
    const answer = await trpcGet(page.request, "audit.list", {
      action: "request.denied",
      pageSize: 200,
    });
    const rows = (await answer.json()).result.data.json.rows as Array<{
      actorEmail: string | null;
      details: { page?: string; code?: string } | null;
    }>;
    for (const r of refused) {
      expect(
        rows.some(
          (row) =>
            row.actorEmail === DEMO[r.role] &&
            row.details?.page === r.path &&
            row.details.code === "FORBIDDEN",
        ),
        `${r.role} ${r.path}`,
      ).toBe(true);
    }
  });
});

test.describe("finding 7: unknown records answer 404", () => {
  const unknown = crypto.randomUUID();
  const pages: Record<"admin" | "provider" | "patient", string[]> = {
    admin: [`/admin/accounts/${unknown}`, "/admin/accounts/not-a-uuid"],
    provider: [
      `/provider/patients/${unknown}`,
      "/provider/patients/not-a-uuid",
      `/provider/patients/${unknown}/procedures/new`,
      `/provider/patients/${unknown}/procedures/${unknown}/edit`,
    ],
    patient: [`/patient/history/${unknown}`, `/patient/history/${unknown}/correct`],
  };
  for (const role of ["admin", "provider", "patient"] as const) {
    test(`${role} pages`, async ({ page }) => {
      await loginAs(page, role);
      for (const path of pages[role]) {
        const response = await page.request.get(path);
        expect(response.status(), path).toBe(404);
      }
    });
  }
});
