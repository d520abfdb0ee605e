import { chromium } from "@playwright/test";

const [, , path, out, w, h = "1400"] = process.argv;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const ctx = await browser.newContext({ viewport: { width: Number(w), height: Number(h) } });
const page = await ctx.newPage();
await page.goto("http://localhost:3291/signin");
await page
  .getByLabel("Email")
  .fill(process.env.ROLE ? `${process.env.ROLE}@example.com` : "provider@example.com");
await page.getByLabel("Password").fill("demo-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
if (path === "top") {
  await page.goto("http://localhost:3291/provider");
  await page.locator("[data-queue-link]:visible").first().click();
  await page.waitForURL(/patients/);
} else await page.goto(`http://localhost:3291${path}`);
await page.waitForLoadState("networkidle");
await page.screenshot({ path: out });
await browser.close();
