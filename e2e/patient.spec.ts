import { randomUUID } from "node:crypto";
import { fillEntry, formDate } from "./diary-form";
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

// The demo patient is at day 35 of a lumbar ablation; the demo seed leaves today, two days ago and
// five days ago without an entry. These tests fill them in (one each), so they stay independent of
// each other's order, and of the provider's and admin's specs, which do not write diaries.

const PHONE = { width: 360, height: 780 };

test.describe("patient diary", () => {
  test("on a phone, a patient records today's entry and sees it in the history, the chart and the home", async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await loginAs(page, "patient");
    await expect(page.getByRole("heading", { level: 1, name: /Hello, Pat/ })).toBeVisible();
    await expect(page.getByText("Day 35 after your procedure").first()).toBeVisible();
    await expect(
      page.getByText(/Your average pain this week is \d\.\d — down \d+% from 7/),
    ).toBeVisible();

    await page.getByRole("link", { name: "Record today's entry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New diary entry" })).toBeVisible();
    const today = await formDate(page, 0);
    await expect(page.getByLabel("Which day is this entry for?")).toHaveValue(today);
    // No horizontal scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    // Enter in the one-line medication field does not send the half-filled diary.
    await page.getByLabel("Pain medication taken today (optional)").fill("Ibuprofen 400 mg");
    await page.getByLabel("Pain medication taken today (optional)").press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toHaveCount(0);

    // Nothing answered: a message per field, and nothing is saved.
    await page.getByRole("button", { name: "Save entry" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Please correct" });
    await expect(summary).toBeVisible();
    await expect(
      summary.getByText(/Pain: Choose a number from 0 to 10 for your pain\./),
    ).toBeVisible();
    await expect(
      summary.getByText(/Soreness at the treated site: Choose yes or no\./),
    ).toBeVisible();
    // The summary's links take the keyboard focus to the question.
    await summary.getByRole("link", { name: /^Pain:/ }).click();
    await expect(
      page
        .getByRole("group", { name: "Your pain on average in the last 24 hours" })
        .getByRole("radio")
        .first(),
    ).toBeFocused();

    await fillEntry(page, 1);
    await page.getByLabel("Note (optional)").fill("E2E: a good day, walked to the shops.");
    await page.getByRole("button", { name: "Save entry" }).click();

    await page.waitForURL(/\/patient$/);
    await expect(page.getByText("Done for today")).toBeVisible();
    await expect(page.getByText("Pain 1 out of 10")).toBeVisible();
    await expect(
      page.getByText(/Your average pain this week is \d\.\d — down \d+% from 7/),
    ).toBeVisible();

    // On a phone, History is under the tab bar's "More".
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "More" })
      .click();
    await page.getByRole("link", { name: /^Diary history/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diary history" })).toBeVisible();
    const first = page.getByRole("listitem").filter({ hasText: "has a note" }).first();
    await expect(first).toContainText("Pain 1");
    await first.getByRole("link").click();
    await expect(page.getByText("E2E: a good day, walked to the shops.")).toBeVisible();

    await page.goto("/patient/progress");
    await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: /Chart of daily pain.*Latest pain 1 out of 10/ }),
    ).toBeVisible();
    // Pain and interference, with a legend; the axis in weeks, every week labelled on a phone.
    await expect(page.getByText("How much pain got in the way of life")).toBeVisible();
    const plot = page.locator("figure svg:visible").first();
    await expect(plot).toContainText("Weeks since your procedure");
    expect(
      await plot.locator("text").evaluateAll((t) => t.map((e) => e.textContent).slice(6, 12)),
    ).toEqual(["0", "1", "2", "3", "4", "5"]);
    await page.getByText("Show the numbers as a table").click();
    const lastRow = page.getByRole("table").getByRole("row").last();
    await expect(lastRow.getByRole("cell").nth(1)).toHaveText("35");
    await expect(lastRow.getByRole("cell").nth(2)).toHaveText("1");
    await expect(lastRow.getByRole("cell").nth(3)).toHaveText("2.5");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: "test-results/progress-360.png", fullPage: true });
  });

  test("a double click or a retry with the same client id stores one entry", async ({ page }) => {
    await loginAs(page, "patient");
    await page.goto("/patient/diary/new");
    const twoDaysAgo = await formDate(page, 2);
    await page.getByLabel("Which day is this entry for?").selectOption(twoDaysAgo);
    await fillEntry(page, 3);
    // Two submits before the page can react (what a fast double click does): both calls carry
    // the form's one client id.
    const calls: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("diary.add")) {
        calls.push(...(new URL(r.url()).pathname.match(/diary\.add/g) ?? []));
      }
    });
    await page.evaluate(() => {
      const form = document.querySelector("form");
      form?.requestSubmit();
      form?.requestSubmit();
    });
    await page.waitForURL(/\/patient$/);
    expect(calls).toHaveLength(2);

    // A retry of one submission (same client id), twice at once, straight at the API.
    const fiveDaysAgo = await (async () => {
      await page.goto("/patient/diary/new");
      return formDate(page, 5);
    })();
    const input = {
      clientId: randomUUID(),
      entryDate: fiveDaysAgo,
      painAverage: 2,
      enjoyment: 2,
      activity: 2,
      locations: ["lumbar"],
      qualities: ["aching"],
      siteSoreness: false,
      medication: "",
      note: "",
    };
    const post = () =>
      page.request.post("/api/trpc/diary.add", {
        data: { json: input },
        headers: { "content-type": "application/json" },
      });
    const responses = await Promise.all([post(), post()]);
    const ids = await Promise.all(
      responses.map(async (r) => {
        expect(r.status()).toBe(200);
        return (await r.json()).result.data.json.entry.id as string;
      }),
    );
    expect(ids[0]).toBe(ids[1]);

    // One entry per day in the history.
    const list = await page.request.get(
      `/api/trpc/diary.list?input=${encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 20 } }))}`,
    );
    const rows = (await list.json()).result.data.json.rows as Array<{ entryDate: string }>;
    expect(rows.filter((r) => r.entryDate === twoDaysAgo)).toHaveLength(1);
    expect(rows.filter((r) => r.entryDate === fiveDaysAgo)).toHaveLength(1);

    // A second new entry for a day that has one points to the correction instead.
    await page.goto(`/patient/diary/new?date=${twoDaysAgo}`);
    await expect(page.getByText("You already have an entry for this day.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Open it to make a correction" })).toBeVisible();
  });

  test("the server refuses bad input field by field and writes nothing", async ({ page }) => {
    await loginAs(page, "patient");
    const response = await page.request.post("/api/trpc/diary.add", {
      data: {
        json: {
          clientId: randomUUID(),
          entryDate: "2999-01-01",
          painAverage: 11,
          enjoyment: 2.5,
          activity: 3,
          locations: ["elbow"],
          qualities: [],
          siteSoreness: false,
          medication: "",
          note: "x".repeat(2001),
        },
      },
      headers: { "content-type": "application/json" },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.error.json.data.fieldErrors).sort()).toEqual([
      "enjoyment",
      "locations",
      "note",
      "painAverage",
    ]);
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|select /i);
  });

  test("a patient corrects an entry and the old version stays in the history", async ({ page }) => {
    await loginAs(page, "patient");
    await page.goto("/patient/history");
    // The seed's entry from yesterday (never corrected by another test).
    await page.getByRole("link").filter({ hasText: /^Pain/ }).nth(1).click();
    await expect(page.getByRole("heading", { level: 1, name: /Entry for/ })).toBeVisible();
    const entryUrl = page.url();
    await page.getByRole("link", { name: "Correct this entry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Correct your entry/ })).toBeVisible();
    await page.getByLabel("Note (optional)").fill("E2E correction: it was worse in the evening.");
    await page.getByRole("button", { name: "Save correction" }).click();
    await page.waitForURL(entryUrl);
    await expect(page.getByText("E2E correction: it was worse in the evening.")).toBeVisible();
    await expect(page.getByText(/Corrected · version \d/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Earlier versions" })).toBeVisible();
  });

  test("a patient cannot open another patient's entry or a made-up one", async ({ page }) => {
    await loginAs(page, "patient");
    const response = await page.goto(`/patient/history/${randomUUID()}`);
    expect(response?.status()).toBe(404);
    const api = await page.request.get(
      `/api/trpc/diary.get?input=${encodeURIComponent(JSON.stringify({ json: { id: randomUUID() } }))}`,
    );
    expect(api.status()).toBe(404);
  });

  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    test(`the patient pages have no accessibility violations at ${viewport.width} px`, async ({
      page,
    }) => {
      // Nine pages and states, each scanned in full.
      test.setTimeout(90_000);
      await page.setViewportSize(viewport);
      await loginAs(page, "patient");
      await expectNoA11yViolations(page);
      for (const [path, heading] of [
        ["/patient/diary/new", "New diary entry"],
        ["/patient/progress", "Your progress"],
        ["/patient/history", "Diary history"],
        ["/patient/more", "More"],
        ["/patient/help", "Help and contact"],
        ["/patient/plan", "My plan"],
        ["/patient/check-in", /Check-in|check-in/],
        ["/patient/block", "After your injection"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoA11yViolations(page);
      }
      // The form with its error messages showing.
      await page.goto("/patient/diary/new");
      await page.getByRole("button", { name: "Save entry" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
      await expectNoA11yViolations(page);
      // The timeline's table fallback open, an entry and its correction form.
      await page.goto("/patient/progress");
      await page.getByText("Show the numbers as a table").click();
      await expectNoA11yViolations(page);
      await page.goto("/patient/history");
      await page.getByRole("link").filter({ hasText: /^Pain/ }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: /Entry for/ })).toBeVisible();
      await expectNoA11yViolations(page);
      await page.getByRole("link", { name: "Correct this entry" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: /Correct your entry/ }),
      ).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }
});
