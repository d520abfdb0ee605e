import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

// WCAG 2.2 AA on the patient's phone: text enlarged to 200% (a browser font size of 32 px) never
// makes a page scroll sideways at 360 px, and every control is at least 24 × 24 px (2.5.8), the
// primary ones (buttons, tabs, form choices) at least 44 px tall. Staff's header at 200% keeps the
// name readable too.

const PHONE = { width: 360, height: 780 };

/** Every patient page: the tab bar's and the More page's destinations, and the forms. */
async function patientPages(page: Page): Promise<string[]> {
  await page.goto("/patient/more");
  const hrefs = await page
    .locator("a[href^='/patient'], a[href^='/account']")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  await page.goto("/patient/history");
  const entry = await page
    .getByRole("link")
    .filter({ hasText: /^Pain/ })
    .first()
    .getAttribute("href");
  return [
    ...new Set([
      ...hrefs.filter((h) => !h.includes("#") && !h.endsWith(".pdf") && !h.endsWith(".csv")),
      "/patient/diary/new",
      "/patient/messages/new",
      "/patient/check-in",
      "/patient/block",
      ...(entry ? [entry, `${entry}/correct`] : []),
    ]),
  ].sort();
}

test("at 200% text size no patient page scrolls sideways at 360 px", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await loginAs(page, "patient");
  const pages = await patientPages(page);
  expect(pages).toEqual(
    expect.arrayContaining(["/patient", "/patient/progress", "/patient/history", "/patient/help"]),
  );
  const wide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    // The page itself, not its loading skeleton (which must fit too, but is not what is checked).
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "32px";
    });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) {
      // Name the innermost elements that reach past the screen, to say what to fix.
      const culprits = await page.evaluate((max) => {
        const out = new Set<string>();
        const name = (e: Element) =>
          `${e.tagName.toLowerCase()}.${String(e.getAttribute("class")).slice(0, 60)} "${(e.textContent ?? "").trim().slice(0, 30)}"`;
        for (const e of document.body.querySelectorAll("*")) {
          if (e.getBoundingClientRect().right <= max + 1) continue;
          if ([...e.children].some((c) => c.getBoundingClientRect().right > max + 1)) continue;
          out.add(name(e));
        }
        // Text that runs past the screen inside a box that does not.
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          if (range.getBoundingClientRect().right > max + 1 && n.parentElement)
            out.add(name(n.parentElement));
        }
        return [...out].slice(0, 4);
      }, PHONE.width);
      wide.push(`${path}: ${width} px (${culprits.join(" | ")})`);
      await page.screenshot({
        path: `test-results/wide${path.replaceAll("/", "-")}.png`,
        fullPage: true,
      });
    }
  }
  expect(wide).toEqual([]);
});

test("every control on the patient pages is at least 24 × 24 px; buttons, tabs and choices 44 px tall", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await loginAs(page, "patient");
  const small: string[] = [];
  for (const path of await patientPages(page)) {
    await page.goto(path);
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const visible = (e: Element) => {
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.display !== "none";
      };
      // A link inside a sentence is exempt (2.5.8 "inline").
      const inline = (e: Element) =>
        e.tagName === "A" && (e.parentElement?.closest("p, li > span, td") ?? null) !== null;
      for (const e of document.querySelectorAll(
        "a[href], button, select, input:not([type=hidden]), summary, label:has(> input)",
      )) {
        if (!visible(e) || inline(e)) continue;
        // A visually hidden input is operated through its label, measured instead.
        if (e.tagName === "INPUT" && e.closest("label")) continue;
        const r = e.getBoundingClientRect();
        const name = `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
        if (r.width < 24 || r.height < 24)
          out.push(`${name} ${Math.round(r.width)}×${Math.round(r.height)}`);
        const primary = e.tagName === "BUTTON" || e.tagName === "SELECT" || e.closest("#tab-bar");
        if (primary && r.height < 44) out.push(`${name} ${Math.round(r.height)} px tall`);
      }
      return out;
    });
    small.push(...found.map((f) => `${path}: ${f}`));
  }
  expect(small).toEqual([]);
});

test("at 200% text size a staff member's name in the header keeps whole words at 360 px", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, "provider");
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "32px";
  });
  // "Dr. Priya Provider" on two or three lines, not a letter a line beside the sign-out button.
  const name = page.locator("header p").filter({ hasText: "Priya" });
  const lines = await name.evaluate((p) =>
    Math.round(
      p.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(p).lineHeight),
    ),
  );
  expect(lines).toBeLessThanOrEqual(3);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
