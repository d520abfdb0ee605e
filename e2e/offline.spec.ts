import type { Page } from "@playwright/test";
import { fillEntry, formDate } from "./diary-form";
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

// The demo seed leaves the demo patient's days six and seven days before today without an entry:
// this spec fills them in, one per test.

const PHONE = { width: 360, height: 780 };
const medium = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** The form's day `back` days before today, as a date and as the form's value. */
async function formDay(page: Page, back: number) {
  const iso = await formDate(page, back);
  return { date: new Date(`${iso}T00:00:00Z`), iso };
}

const stored = (page: Page, key: string) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null"), key);

test("offline, a diary entry is kept on the phone, shown as waiting, and sent once when the connection returns", async ({
  page,
  context,
}) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, "patient");
  await page.goto("/patient/diary/new");
  const { date: today, iso: day } = await formDay(page, 6);
  await page.getByLabel("Which day is this entry for?").selectOption(day);
  await fillEntry(page, 2);
  await page.getByLabel("Note (optional)").fill("Written on the bus");

  // The draft survives leaving the page.
  await expect.poll(() => stored(page, "portal.diary.draft")).not.toBeNull();
  await page.reload();
  await expect(page.getByText("We kept the entry you started on this phone.")).toBeVisible();
  await expect(page.getByLabel("Note (optional)")).toHaveValue("Written on the bus");
  await expect(page.getByLabel("Which day is this entry for?")).toHaveValue(day);

  await context.setOffline(true);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your entry is kept on this phone" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Waiting to send…" })).toBeDisabled();
  expect(await stored(page, "portal.diary.draft")).toBeNull();
  const pending = await stored(page, "portal.diary.pending");
  expect(pending).toHaveLength(1);
  expect(pending[0].input).toMatchObject({ entryDate: day, painAverage: 2 });

  // Back online: sent by itself, once, and the form leaves for the home page.
  await context.setOffline(false);
  await page.waitForURL("**/patient");
  await expect(page.getByText(/was sent\./)).toBeVisible();
  expect(await stored(page, "portal.diary.pending")).toEqual([]);

  await page.goto("/patient/history");
  await expect(page.getByText("Waiting to send")).toHaveCount(0);
  await expect(page.getByRole("link", { name: new RegExp(medium.format(today)) })).toHaveCount(1);
});

test("when a save fails, the entry waits in the history and is sent when the portal answers again; sign-out clears the phone", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, "patient");
  await page.goto("/patient/diary/new");
  const day = await formDay(page, 7);
  await page.getByLabel("Which day is this entry for?").selectOption(day.iso);
  await fillEntry(page, 2);

  // The connection drops on the way to the portal.
  await page.route("**/api/trpc/diary.add**", (route) => route.abort("connectionreset"));
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your entry is kept on this phone" }),
  ).toBeVisible();

  await page.goto("/patient/history");
  const waiting = page.getByRole("region", { name: "On this phone, not sent yet" });
  await expect(waiting.getByText(medium.format(day.date))).toBeVisible();
  await expect(waiting.getByText("Waiting to send")).toBeVisible();

  // The portal answers again: the retry (same client id) stores it, and the list updates.
  await page.unroute("**/api/trpc/diary.add**");
  await expect(page.getByText(/was sent\./)).toBeVisible({ timeout: 20_000 });
  await expect(waiting).toHaveCount(0);
  await expect(page.getByRole("link", { name: new RegExp(medium.format(day.date)) })).toHaveCount(
    1,
  );

  // A draft left on the phone is gone after sign-out.
  await page.goto("/patient/diary/new");
  await page.getByLabel("Note (optional)").fill("not finished");
  await expect.poll(() => stored(page, "portal.diary.draft")).not.toBeNull();
  // On a phone, sign-out is under the tab bar's "More".
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "More" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signin");
  expect(await stored(page, "portal.diary.draft")).toBeNull();
  expect(await stored(page, "portal.diary.pending")).toBeNull();
});

test("offline, the history opens from the phone's copy with its notice, an unvisited page shows the app's offline page, and after sign-out nothing of the patient opens", async ({
  page,
  context,
}) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, "patient");
  await page.goto("/patient/history");
  // The worker installs on the first patient page; from then on it keeps the history it serves.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.goto("/patient/history");
  const kept = () =>
    page.evaluate(async () => {
      const key = (await caches.keys()).find((k) => k.startsWith("pages-"));
      return key ? (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname) : [];
    });
  await expect.poll(kept).toContain("/patient/history");

  await context.setOffline(true);
  await page.goto("/patient/history");
  await expect(page.getByText(/^Offline: last updated \d+ \w+, \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Diary history", level: 1 })).toBeVisible();
  await page.screenshot({ path: "test-results/offline-history-360.png", fullPage: true });
  // A page never kept: the app's offline page, not the browser's.
  await page.goto("/patient/messages");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({ path: "test-results/offline-page-360.png", fullPage: true });

  await context.setOffline(false);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/patient");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signin**");
  expect(await kept()).toEqual([]);
  await context.setOffline(true);
  await page.goto("/patient/history");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Diary history" })).toHaveCount(0);
  await context.setOffline(false);
});
