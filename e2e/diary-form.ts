import type { Page } from "@playwright/test";

/** The clinic's day `back` days before today, as the new-entry form offers it (its <option> value). */
export async function formDate(page: Page, back: number): Promise<string> {
  const values = await page
    .getByLabel("Which day is this entry for?")
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const today = values[0];
  if (!today) throw new Error("the form offers no dates");
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/**
 * Answers every required question of the diary form; where it hurts is the lumbar spine unless
 * `where` names another choice, or is null when the test chose it itself.
 */
export async function fillEntry(
  page: Page,
  pain: number,
  { where = "Lumbar spine" }: { where?: string | null } = {},
) {
  await page
    .getByRole("group", { name: "Your pain on average in the last 24 hours" })
    .getByText(String(pain), { exact: true })
    .click();
  await page
    .getByRole("group", { name: /enjoyment of life/ })
    .getByText("3", { exact: true })
    .click();
  await page
    .getByRole("group", { name: /general activity/ })
    .getByText("2", { exact: true })
    .click();
  if (where) await page.getByRole("checkbox", { name: where }).check({ force: true });
  await page.getByRole("checkbox", { name: "Aching" }).check({ force: true });
  await page
    .getByRole("group", { name: "Is the treated site sore today?" })
    .getByRole("radio", { name: "No" })
    .check({ force: true });
}
