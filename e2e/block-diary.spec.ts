// The block diary (issue 21, docs/clinical-rules.md#diagnostic-blocks): a provider records a
// diagnostic block; the patient, on a phone, answers three times (once offline); the provider
// sees the block judged from those answers.
import { expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

const PHONE = { width: 360, height: 780 };
const MIN = 60_000;

test("a provider records a block, the patient answers three times on their phone (once offline), and the provider sees it positive", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The provider records a block given 70 minutes ago (the form's clock is the clinic's).
  const staff = await browser.newPage();
  await loginAs(staff, "provider");
  await staff.getByRole("link", { name: "Pat Patient" }).first().click();
  await expect(staff.getByRole("heading", { level: 1, name: "Pat Patient" })).toBeVisible();
  const review = staff.url();
  await staff
    .getByRole("region", { name: "Diagnostic blocks" })
    .getByRole("link", { name: "Record a block" })
    .click();
  const on = await staff.getByLabel("Date given").inputValue();
  const time = await staff.getByLabel("Time of the injection").inputValue();
  const given = new Date(new Date(`${on}T${time}:00Z`).getTime() - 70 * MIN).toISOString();
  await staff.getByLabel("Date given").fill(given.slice(0, 10));
  await staff.getByLabel("Time of the injection").fill(given.slice(11, 16));
  await staff.getByLabel("Region").selectOption("lumbar");
  await staff.getByLabel("Side").selectOption("right");
  await staff.getByRole("checkbox", { name: "L5 medial branch" }).check({ force: true });
  await staff.getByLabel("Anesthetic").selectOption("lidocaine");
  await staff.getByLabel("Pain just before the block (1-10)").fill("7");
  await staff.getByRole("button", { name: "Record block" }).click();
  await expect(staff.getByText("No answers from the patient yet.")).toBeVisible();

  // The patient's phone: its clock 50 minutes back, then 35, then now.
  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  });
  const phone = await context.newPage();
  const now = Date.now();
  await phone.clock.install({ time: new Date(now - 50 * MIN) });
  await loginAs(phone, "patient");
  await expect(phone.getByText("A question about your injection is due")).toBeVisible();
  await phone.getByRole("link", { name: "Answer now" }).click();
  await expect(
    phone.getByRole("heading", { level: 1, name: "After your injection" }),
  ).toBeVisible();
  await expect(phone.getByText(/Next question in /)).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.screenshot({ path: test.info().outputPath("block-diary-360.png"), fullPage: true });

  // Sending with nothing chosen says what is missing.
  await phone.getByRole("button", { name: "Send my answer" }).click();
  await expect(
    phone.getByText("Choose a number from 0 to 10 for your pain now.").first(),
  ).toBeVisible();

  async function answer(pain: string) {
    // The page may refresh itself under the fake clock just as it is answered: choose again then.
    const radio = phone.getByRole("radio", { name: pain, exact: true }).first();
    await expect(async () => {
      await radio.check({ force: true });
      await expect(radio).toBeChecked({ timeout: 1000 });
    }).toPass();
    await phone.getByText("Yes", { exact: true }).click();
    await phone.getByRole("button", { name: "Send my answer" }).click();
  }
  await answer("1");
  await expect(phone.getByText("Thank you: your answer was sent.")).toBeVisible();

  await phone.clock.setSystemTime(new Date(now - 35 * MIN));
  await phone.reload();
  await answer("1");
  await expect(phone.getByText("Thank you: your answer was sent.")).toBeVisible();

  // Offline: the answer waits on the phone with its time, and goes when the network is back.
  await phone.clock.setSystemTime(new Date(now));
  await phone.reload();
  await context.setOffline(true);
  await answer("1");
  // Kept on the phone with the time it was given (the page may be the phone's own copy now).
  await expect(phone.getByText("1 answer is saved on this phone")).toBeVisible();
  await context.setOffline(false);
  await expect(phone.getByText("Your answer after the block was sent.")).toBeVisible();
  await expect(phone.getByText("1 answer is saved on this phone")).toHaveCount(0);
  await context.close();

  // The provider sees three answers, 86% relief through 70 minutes: positive for lidocaine (1 h).
  await staff.goto(review);
  const card = staff.getByRole("region", { name: "Diagnostic blocks" });
  const block = card.getByRole("article").first();
  await expect(block.getByText("Positive", { exact: true })).toBeVisible();
  await expect(block.getByRole("table").getByRole("row")).toHaveCount(4);
  await expect(block.getByText(/Relief of at least 80% held until 1 h 1\d min/)).toBeVisible();
  // Recorded for this test only: removed, so the patient's home is as before.
  await block.getByRole("button", { name: /^Remove/ }).click();
  await staff.getByRole("button", { name: "Remove block" }).click();
  await expect(card.getByText("No blocks recorded.")).toBeVisible();
});
