import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const width of [1280, 360]) {
  const ctx = await browser.newContext({ viewport: { width, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto("http://localhost:3291/signin");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto("http://localhost:3291/admin?q=Pat+Patient");
  await page.getByRole("link", { name: "Pat Patient" }).first().click();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/wt9-account-${width}.png` });
  await ctx.close();
}
await browser.close();
