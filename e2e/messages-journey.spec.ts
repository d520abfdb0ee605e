import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

// Issue 11's journey, through the pages of both people (docs/decisions/020-messages.md,
// docs/clinical-rules.md#review-states): the demo patient reports "pain returned" on a phone; the
// demo provider sees the unread count, finds the patient in "Needs review", replies from the review
// page; the patient sees the reply and the read receipt, and the provider sees the patient's. Other
// specs write in the same thread: texts are unique.

test.describe.configure({ timeout: 120_000 });

const PHONE = { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true };

const patRow = (page: Page) =>
  page
    .getByRole("table", { name: /Patients on your care team/ })
    .getByRole("row")
    .filter({ hasText: "Pat Patient" });

test("a report of returned pain reaches the care team, is answered, and both see it read", async ({
  page,
  browser,
}) => {
  const stamp = randomUUID().slice(0, 8);
  const report = `My back pain has come back since the weekend (${stamp})`;
  const answer = `Thank you, Pat. We will see you on Thursday; keep the diary going (${stamp}).`;

  // The patient, on their phone.
  const phone = await browser.newContext({
    ...PHONE,
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": "10.61.0.9" },
  });
  const patient = await phone.newPage();
  await loginAs(patient, "patient");
  await patient.getByRole("banner").getByRole("link", { name: "Report a change" }).click();
  await expect(patient.getByRole("heading", { level: 1, name: "Report a change" })).toBeVisible();
  // Two reasons at once.
  const reasons = patient.getByRole("group", { name: "What has changed?" });
  await reasons.getByRole("checkbox", { name: "My pain has come back" }).check({ force: true });
  await reasons
    .getByRole("checkbox", { name: "Burning, tingling or numbness" })
    .check({ force: true });
  await patient
    .getByRole("group", { name: /Your pain right now/ })
    .getByText("7", { exact: true })
    .click();
  await patient.getByLabel("Tell your care team more (optional)").fill(report);
  await patient.getByRole("button", { name: "Send to my care team" }).click();
  await patient.waitForURL(/\/patient\/messages$/);
  const patientThread = patient.getByRole("list", { name: "Messages with your care team" });
  const sent = patientThread.getByRole("listitem").filter({ hasText: report });
  await expect(sent).toContainText(
    "Reported: My pain has come back; Burning, tingling or numbness",
  );
  await expect(sent).toContainText("Not read yet");
  // What happens next, and when the clinic answers.
  await expect(patient.getByRole("region", { name: "What happens next" })).toContainText(
    "answers here, within one working day",
  );

  // The provider, at a desk.
  await loginAs(page, "provider");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /^Messages\s*,\s*\d+ unread$/ })).toBeVisible();
  await expect(patRow(page)).toContainText("Needs review");
  await patRow(page).getByRole("link", { name: "New message from the patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pat Patient" })).toBeVisible();
  const thread = page.getByRole("list", { name: "Messages with Pat Patient" });
  const received = thread.getByRole("listitem").filter({ hasText: report });
  await expect(received).toContainText("My pain has come back; Burning, tingling or numbness");
  await expect(received).toContainText("7 out of 10");
  await page.getByLabel("Reply to Pat").fill(answer);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent to Pat Patient")).toBeVisible();
  await expect(thread.getByRole("listitem").filter({ hasText: answer })).toContainText(
    "Not read yet",
  );
  await page.goto("/provider");
  await expect(patRow(page)).not.toContainText("New message from the patient");

  // The patient sees that an answer came, then the answer, and that their report was read.
  const patientNav = patient.getByRole("navigation", { name: "Main" });
  await patient.goto("/patient");
  const unreadLink = patientNav.getByRole("link", { name: /^Messages\s*,\s*1 unread$/ });
  // The phone's tab bar: every tab opens its page, marked as the current one, with no sideways
  // scrolling, 48 px tall targets, and the unread count in sight.
  for (const [tab, heading] of [
    ["Diary", "New diary entry"],
    ["Progress", "Your progress"],
    ["More", "More"],
    ["Home", "Hello, Pat"],
  ] as const) {
    const link = patientNav.getByRole("link", { name: tab, exact: true });
    await link.tap();
    await expect(patient.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(unreadLink).toBeInViewport();
    expect((await link.boundingBox())?.height).toBeGreaterThanOrEqual(48);
    expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  }
  // The plan, under More.
  await patientNav.getByRole("link", { name: "More", exact: true }).tap();
  await patient.getByRole("link", { name: /^My plan/ }).tap();
  await expect(patient.getByRole("heading", { level: 1, name: "My plan" })).toBeVisible();
  await expect(patient.getByRole("region", { name: "Your plan" })).toContainText(
    /Next review|when they review your progress next/,
  );
  await unreadLink.tap();
  await expect(patient.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  // On the page that shows them, the count is not repeated; elsewhere it is gone once read.
  await expect(patientNav.getByRole("link", { name: /unread/ })).toHaveCount(0);
  await expect(patientThread.getByRole("listitem").filter({ hasText: answer })).toContainText(
    "Your care team: Dr. Priya Provider",
  );
  await expect(sent).toContainText("Read by Dr. Priya Provider");
  await expectNoA11yViolations(patient);
  await patient.goto("/patient");
  await expect(patientNav.getByRole("link", { name: "Messages", exact: true })).toBeVisible();
  await phone.close();

  // The provider sees that the patient has read the answer.
  await page.goto("/provider/messages");
  await page
    .getByRole("table", { name: "Conversations with patients on your care team" })
    .getByRole("link", { name: "Pat Patient" })
    .click();
  await expect(thread.getByRole("listitem").filter({ hasText: answer })).toContainText(
    "Read by Pat Patient",
  );
});
