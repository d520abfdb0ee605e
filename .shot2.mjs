import { chromium } from "@playwright/test";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
for (const width of [1280, 360]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto("http://localhost:3292/signin");
  await page.getByLabel("Email").fill("provider@example.com");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto("http://localhost:3292/provider");
  await page.screenshot({ path: `/tmp/wt9-caseload-${width}.png`, fullPage: true });
  await page.locator("[data-queue-link]:visible").first().click();
  await page.waitForURL(/patients/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/wt9-review-${width}.png`, fullPage: true });
  console.log(width, await page.evaluate(() => document.body.scrollHeight));
  await page.getByRole("button", { name: "Record a decision" }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/wt9-dialog-${width}.png` });
  await ctx.close();
}
await browser.close();
