import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

// The provider's side of the messages (docs/decisions/020-messages.md,
// docs/clinical-rules.md#review-states): the inbox, the thread on the review page, the reply, and
// the review state it clears. The demo patient writes through the API; the texts are unique, since
// other specs share the server and may have written in the same thread.
const SHOTS = "/tmp/shots-staff";
const PHONE = { width: 360, height: 780 };

/** Signs the demo patient in, in a browser of their own. */
async function patientSession(browser: Browser) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.9` },
  });
  const page = await context.newPage();
  await loginAs(page, "patient");
  return { context, page };
}

async function trpc(page: Page, path: string, input?: unknown) {
  const response =
    input === undefined
      ? await page.request.get(`/api/trpc/${path}`)
      : await page.request.post(`/api/trpc/${path}`, {
          data: JSON.stringify({ json: input }),
          headers: { "content-type": "application/json" },
        });
  expect(response.status(), path).toBe(200);
}

/** Presses Tab until `target` has the focus (keyboard only), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("tabTo: never reached the element");
}

const patRow = (page: Page) =>
  page
    .getByRole("table", { name: /Patients on your care team/ })
    .getByRole("row")
    .filter({ hasText: "Pat Patient" });

test.describe("provider messages", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a patient's report reaches the care team; the provider replies from the review page and the patient leaves Needs review", async ({
    page,
    browser,
  }) => {
    mkdirSync(SHOTS, { recursive: true });
    const stamp = Date.now().toString(36);
    const patient = await patientSession(browser);
    const firstLine = `My back hurts more since the long walk (${stamp})`;
    await trpc(patient.page, "message.report", {
      clientId: randomUUID(),
      change: "pain_worse",
      painNow: 6,
      locations: ["lumbar", "hip"],
      body: `${firstLine}\nIt is worse in the evening.`,
      attachTodaysEntry: false,
    });

    await loginAs(page, "provider");
    // The navigation counts the threads with a message the provider has not read.
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: /^Messages\s*,\s*\d+ unread$/ })).toBeVisible();

    // The queue: in "Needs review", and why, with a link to the thread.
    await expect(patRow(page)).toContainText("Needs review");
    await expect(
      patRow(page).getByRole("link", { name: "New message from the patient" }),
    ).toHaveAttribute("href", /\/provider\/patients\/[0-9a-f-]+#messages$/);

    // The inbox: longest waiting first; this thread waits and has unread messages.
    await nav.getByRole("link", { name: /^Messages/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
    const inboxRow = page
      .getByRole("table", { name: "Conversations with patients on your care team" })
      .getByRole("row")
      .filter({ hasText: "Pat Patient" });
    await expect(inboxRow).toContainText("My pain is worse");
    await expect(inboxRow).toContainText(/Waiting (less than a minute|\d+ minutes?)/);
    await expect(inboxRow).toContainText(/\d+ unread/);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/inbox-1280.png`, fullPage: true });

    await inboxRow.getByRole("link", { name: "Pat Patient" }).click();
    await expect(page).toHaveURL(/\/provider\/patients\/[0-9a-f-]+#messages$/);
    await expect(page.getByRole("heading", { level: 1, name: "Pat Patient" })).toBeVisible();
    await expect(page.getByText(/Needs review:\s*.*New message from the patient/)).toBeVisible();

    const thread = page.getByRole("list", { name: "Messages with Pat Patient" });
    const report = thread.getByRole("listitem").filter({ hasText: firstLine });
    await expect(report).toHaveCount(1);
    await expect(report).toContainText("My pain is worse");
    await expect(report).toContainText("6 out of 10");
    await expect(report).toContainText("Lumbar spine, Hip");
    await expect(report).toContainText("Read by Dr. Priya Provider");
    // The patient's line breaks are kept.
    const body = report.getByText(firstLine);
    await expect(body).toHaveCSS("white-space", "pre-wrap");
    expect(await body.textContent()).toBe(`${firstLine}\nIt is worse in the evening.`);
    // Opening the thread read it: the count leaves the navigation.
    await page.reload();
    await expect(nav.getByRole("link", { name: /^Messages\s*,\s*\d+ unread$/ })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page
      .getByRole("region", { name: "Messages" })
      .screenshot({ path: `${SHOTS}/review-messages-1280.png` });
    await page.screenshot({ path: `${SHOTS}/review-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.getByRole("link", { name: "Read and reply" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/review-top-360.png` });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Reply with the keyboard only: "Read and reply", then Tab to the field and the button.
    const reply = `Thank you, Pat. Please rest today and call us if it gets worse (${stamp}).`;
    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(page, page.getByRole("link", { name: "Read and reply" }));
    await page.keyboard.press("Enter");
    // The link moves the keyboard's place to the messages: the field is a few Tabs away (past
    // "Show earlier messages" when the thread is long).
    await tabTo(page, page.getByLabel("Reply to Pat"), 3);
    await page.keyboard.type(reply);
    await expect(page.getByText(`${reply.length} of 2,000 characters`)).toBeVisible();
    // Past "I will call Pat" (left unticked: no call is added) to the button.
    await tabTo(page, page.getByRole("button", { name: "Send reply" }), 3);
    await expect(page.getByRole("checkbox", { name: /I will call Pat/ })).not.toBeChecked();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Reply sent to Pat Patient")).toBeVisible();
    const sent = thread.getByRole("listitem").filter({ hasText: reply });
    await expect(sent).toContainText("Dr. Priya Provider (you)");
    await expect(sent).toContainText("Not read yet");
    await expect(page.getByLabel("Reply to Pat")).toHaveValue("");

    // Answered: no longer in "Needs review" for the message, here and in the queue.
    await expect(page.getByText("New message from the patient")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Read and reply" })).toHaveCount(0);
    await page.goto("/provider");
    await expect(patRow(page)).toBeVisible();
    await expect(patRow(page)).not.toContainText("New message from the patient");

    // A double click stores the reply once.
    const again = `One more thing: keep the diary going (${stamp}).`;
    await page.goto(`/provider/messages`);
    await page.getByRole("link", { name: "Pat Patient" }).first().click();
    await page.getByLabel("Reply to Pat").fill(again);
    await page.getByRole("button", { name: "Send reply" }).dblclick();
    await expect(page.getByText("Reply sent to Pat Patient").first()).toBeVisible();
    await expect(thread.getByRole("listitem").filter({ hasText: again })).toHaveCount(1);
    await page.reload();
    await expect(thread.getByRole("listitem").filter({ hasText: again })).toHaveCount(1);

    // The patient reads the thread: the receipt shows on the provider's side.
    await trpc(patient.page, "message.mine");
    await patient.context.close();
    await page.reload();
    await expect(thread.getByRole("listitem").filter({ hasText: reply })).toContainText(
      "Read by Pat Patient",
    );

    // On a phone: the review page's messages and the inbox's cards.
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(thread).toBeVisible();
    await expectNoA11yViolations(page);
    await page
      .getByRole("region", { name: "Messages" })
      .screenshot({ path: `${SHOTS}/review-messages-360.png` });
    await page.goto("/provider/messages");
    const card = page
      .getByRole("list", { name: "Conversations with patients on your care team" })
      .getByRole("listitem")
      .filter({ hasText: "Pat Patient" });
    await expect(card).toContainText("Answered");
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/inbox-360.png`, fullPage: true });
  });

  test("a provider chooses an email when a patient sends a message", async ({ page }) => {
    await loginAs(page, "provider");
    await page.goto("/account/notifications");
    const choice = page.getByLabel("A patient sends a message");
    await expect(choice).not.toBeChecked();
    await choice.check();
    await page.getByRole("button", { name: "Save email choices" }).click();
    await expect(page.getByText("Your email choices are saved.")).toBeVisible();
    await page.reload();
    await expect(choice).toBeChecked();
    // back to the default, for the other specs
    await choice.uncheck();
    await page.getByRole("button", { name: "Save email choices" }).click();
    await expect(page.getByText("Your email choices are saved.")).toBeVisible();
  });

  test("an admin is refused the inbox and every message procedure", async ({ page }) => {
    await loginAs(page, "admin");
    const response = await page.goto("/provider/messages");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    const inbox = await page.request.get(
      `/api/trpc/message.inbox?input=${encodeURIComponent(JSON.stringify({ json: { page: 1 } }))}`,
    );
    expect(inbox.status()).toBe(403);
    const reply = await page.request.post("/api/trpc/message.reply", {
      data: JSON.stringify({
        json: { patientId: randomUUID(), clientId: randomUUID(), body: "Hello" },
      }),
      headers: { "content-type": "application/json" },
    });
    expect(reply.status()).toBe(403);
  });
});
