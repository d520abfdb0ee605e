import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

// The patient's side of the messages (docs/decisions/020-messages.md), on a phone. The thread is
// shared with the other specs of the run: every text here is unique, and no test expects the thread
// to be empty.

test.use({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });

const SHOTS = "/tmp/shots-patient";
const unique = (what: string) => `E2E ${what} ${randomUUID().slice(0, 8)}`;
const thread = (page: Page) => page.getByRole("list", { name: "Messages with your care team" });
const stored = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("portal.diary.pending") ?? "null"));

test.beforeAll(async ({ browser }) => {
  // The clinic's phone, as the other specs set it: the notice beside the forms shows it.
  const page = await browser.newPage();
  await loginAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByLabel("Clinic name").fill("Riverside Pain Clinic");
  await page.getByLabel("Clinic phone").fill("+1 555 0100");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText("Clinic settings saved.")).toBeVisible();
  await page.close();
});

test.afterAll(async ({ browser }) => {
  // The care team answers what these tests sent, so that the demo patient's review state is the
  // seeded one again for the specs that run after this one.
  const page = await browser.newPage();
  await loginAs(page, "provider");
  const inbox = await page.request.get(
    `/api/trpc/message.inbox?input=${encodeURIComponent(JSON.stringify({ json: { page: 1 } }))}`,
  );
  const rows: Array<{ patientId: string; name: string }> = (await inbox.json()).result.data.json
    .rows;
  const pat = rows.find((r) => r.name === "Pat Patient");
  if (pat) {
    const reply = await page.request.post("/api/trpc/message.reply", {
      data: JSON.stringify({
        json: { patientId: pat.patientId, clientId: randomUUID(), body: "Thank you, noted." },
      }),
      headers: { "content-type": "application/json" },
    });
    expect(reply.status()).toBe(200);
  }
  await page.close();
});

async function chooseChange(page: Page, label: string) {
  await page
    .getByRole("group", { name: "What has changed?" })
    .getByRole("checkbox", { name: label })
    .check({ force: true });
}

test("a patient reports that their pain came back, with pain now, where and a text, and sees it in the thread", async ({
  page,
}) => {
  await loginAs(page, "patient");
  await page.getByRole("banner").getByRole("link", { name: "Report a change" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report a change" })).toBeVisible();
  const notice = page.getByRole("complementary", { name: "Not for emergencies" });
  await expect(notice).toContainText("In an emergency, call your local emergency number.");
  await expect(notice.getByRole("link", { name: "+1 555 0100" })).toHaveAttribute(
    "href",
    "tel:+15550100",
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Nothing chosen: the form says what is missing, and sends nothing.
  await page.getByRole("button", { name: "Send to my care team" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "What has changed: Choose what changed: one or more." }),
  ).toBeVisible();

  const firstLine = unique("report: the ache is back");
  const text = `${firstLine}\nsince Tuesday, worse at night`;
  await chooseChange(page, "My pain has come back");
  await page
    .getByRole("group", { name: /Your pain right now/ })
    .getByText("6", { exact: true })
    .click();
  await expect(page.getByText("You chose 6 out of 10.")).toBeVisible();
  await page.locator('#locations [data-location="lumbar"]').tap();
  await expect(page.getByRole("checkbox", { name: "Lumbar spine" })).toBeChecked();
  await page.getByLabel("Tell your care team more (optional)").fill(text);
  await page.getByRole("button", { name: "Send to my care team" }).click();

  await page.waitForURL(/\/patient\/messages$/);
  await expect(page.getByRole("status").getByText("Sent to your care team.")).toBeVisible();
  const message = thread(page).getByRole("listitem").filter({ hasText: firstLine });
  await expect(message).toHaveCount(1);
  await expect(message).toContainText("You");
  await expect(message).toContainText("Reported: My pain has come back");
  await expect(message).toContainText("Pain now: 6 out of 10");
  await expect(message).toContainText("Where: Lumbar spine");
  await expect(message).toContainText("Not read yet");
  // The line break is kept.
  const body = message.getByText(firstLine);
  expect(await body.textContent()).toBe(text);
  await expect(body).toHaveCSS("white-space", "pre-wrap");
  // The newest message is the last one.
  await expect(thread(page).getByRole("listitem").last()).toContainText(firstLine);
});

test("a patient writes a plain message; text is shown as text, and an over-long text is refused with the field's message", async ({
  page,
}) => {
  await loginAs(page, "patient");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Messages/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(page.getByText("Non-urgent questions and changes")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Not for emergencies" })).toBeVisible();

  // The demo conversation: the care team's answer, and the read receipt on the patient's question.
  const answer = thread(page)
    .getByRole("listitem")
    .filter({ hasText: "soreness at the treatment site is common" });
  await expect(answer).toContainText("Your care team: Dr. Priya Provider");
  const question = thread(page)
    .getByRole("listitem")
    .filter({ hasText: "still feels sore where the needles went in" });
  await expect(question).toContainText("Reported: A question for my care team");
  await expect(question).toContainText("Pain now: 4 out of 10");
  await expect(question).toContainText("Read by Dr. Priya Provider");

  const box = page.getByLabel("Your message");
  await box.fill("x".repeat(2001));
  await expect(page.getByText("2,001 / 2,000")).toBeVisible();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("A message has at most 2,000 characters.")).toBeVisible();
  await expect(box).toHaveAttribute("aria-invalid", "true");

  const text = unique("question: <b>may I</b> swim?");
  await box.fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status").getByText("Sent to your care team.")).toBeVisible();
  const message = thread(page).getByRole("listitem").filter({ hasText: text });
  await expect(message).toHaveCount(1);
  await expect(message.locator("b")).toHaveCount(0);
  await expect(box).toHaveValue("");
});

test("the report form works with the keyboard alone, and a question needs words", async ({
  page,
}) => {
  await loginAs(page, "patient");
  await page.goto("/patient/messages/new");
  const first = page.getByRole("checkbox", { name: "My pain is worse" });
  await first.focus();
  // Tab moves through the choices and Space ticks one: "A question for my care team".
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "A question for my care team" })).toBeChecked();
  await expect(page.getByLabel("Tell your care team more", { exact: true })).toBeVisible();

  const tabTo = async (target: string) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.locator(target).evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target}`);
  };
  await tabTo('button[type="submit"]');
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("alert").filter({ hasText: "Your message: Tell your care team what changed." }),
  ).toBeVisible();

  const text = unique("keyboard: is a warm bath fine?");
  await page.getByRole("checkbox", { name: "A question for my care team" }).focus();
  await tabTo("#body");
  await page.keyboard.type(text);
  await tabTo('button[type="submit"]');
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/patient\/messages$/);
  const message = thread(page).getByRole("listitem").filter({ hasText: text });
  await expect(message).toContainText("Reported: A question for my care team");
});

test("offline, a report waits on the phone and is sent once when the connection returns", async ({
  page,
  context,
}) => {
  await loginAs(page, "patient");
  await page.goto("/patient/messages/new");
  const text = unique("offline: tingling in the left foot");
  await chooseChange(page, "Burning, tingling or numbness");
  await page.getByLabel("Tell your care team more (optional)").fill(text);

  await context.setOffline(true);
  await page.getByRole("button", { name: "Send to my care team" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your report is kept on this phone" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Waiting to send…" })).toBeDisabled();
  const waiting = await stored(page);
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).toMatchObject({ kind: "report", input: { changes: ["burning_or_tingling"] } });

  // Back online: sent by itself, once, and the form leaves for the thread.
  await context.setOffline(false);
  await page.waitForURL(/\/patient\/messages$/);
  await expect(page.getByText("Sent to your care team.")).toBeVisible();
  expect(await stored(page)).toEqual([]);
  await expect(thread(page).getByRole("listitem").filter({ hasText: text })).toHaveCount(1);
});

test("when a report cannot reach the portal it shows as waiting in the messages, then is sent once", async ({
  page,
}) => {
  await loginAs(page, "patient");
  await page.goto("/patient/messages/new");
  const text = unique("retry: the site is red and warm");
  await chooseChange(page, "A problem where the procedure was done");
  await page.getByLabel("Tell your care team more (optional)").fill(text);

  await page.route("**/api/trpc/message.report**", (route) => route.abort("connectionreset"));
  await page.getByRole("button", { name: "Send to my care team" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your report is kept on this phone" }),
  ).toBeVisible();

  await page.goto("/patient/messages");
  const waiting = page.getByRole("region", { name: "On this phone, not sent yet" });
  await expect(waiting.getByText("A problem where the procedure was done")).toBeVisible();
  await expect(waiting.getByText("Waiting to send")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/messages-waiting-360.png`, fullPage: true });

  // The portal answers again: the retry (same client id) stores it once.
  await page.unroute("**/api/trpc/message.report**");
  await expect(page.getByText("Sent to your care team.")).toBeVisible({
    timeout: 20_000,
  });
  await expect(waiting).toHaveCount(0);
  await expect(thread(page).getByRole("listitem").filter({ hasText: text })).toHaveCount(1);
});

for (const viewport of [
  { width: 360, height: 800 },
  { width: 1280, height: 900 },
]) {
  test(`the message pages have no accessibility violations at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await loginAs(page, "patient");
    await page.goto("/patient/messages");
    await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/messages-${viewport.width}.png`, fullPage: true });

    await page.goto("/patient/messages/new");
    await expect(page.getByRole("heading", { level: 1, name: "Report a change" })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: `${SHOTS}/report-${viewport.width}.png`, fullPage: true });
    // With its error messages showing.
    await page.getByRole("button", { name: "Send to my care team" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
    await expectNoA11yViolations(page);
  });
}
