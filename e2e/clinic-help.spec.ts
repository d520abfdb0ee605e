import { expect, loginAs, test } from "./fixtures";

test("the clinic's phone, warning signs and reply time, as the admin sets them, reach the sign-in page and the patient's pages", async ({
  browser,
  page,
}) => {
  // The demo clinic's phone, to tap on the sign-in page.
  await page.goto("/signin");
  await expect(page.getByRole("link", { name: "+1 555 0142" })).toHaveAttribute(
    "href",
    "tel:+15550142",
  );

  await loginAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByLabel("Clinic phone").fill("+1 555 0100");
  // The standard signs, as they stand, to edit.
  await expect(page.getByLabel("When to call now")).toHaveValue(/^A fever/);
  await page.getByLabel("When to call now").fill("A fever or chills\nThe site is red or swollen");
  await page.getByLabel("When the care team answers messages").fill("within two working days");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText("Clinic settings saved.")).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.goto("/signin");
  const call = visitor.getByRole("link", { name: "+1 555 0100" });
  await expect(call).toHaveAttribute("href", "tel:+15550100");
  await expect(visitor.getByText("Need help? Call Riverside Pain Clinic on")).toBeVisible();

  // The patient: the phone on the home page, the signs on the help page, the reply time beside
  // their messages.
  await loginAs(visitor, "patient");
  await expect(
    visitor.getByRole("region", { name: "Questions or worries?" }).getByRole("link", {
      name: "+1 555 0100",
    }),
  ).toHaveAttribute("href", "tel:+15550100");
  await visitor.getByRole("link", { name: /^When to call now/ }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Help and contact" })).toBeVisible();
  const signs = visitor.getByRole("region", { name: "When to call now" });
  await expect(signs.getByRole("listitem")).toHaveText([
    "A fever or chills",
    "The site is red or swollen",
  ]);
  await expect(signs.getByRole("link", { name: "Call +1 555 0100" })).toHaveAttribute(
    "href",
    "tel:+15550100",
  );
  await visitor.goto("/patient/messages");
  await expect(
    visitor
      .getByRole("complementary", { name: "Not for emergencies" })
      .getByText(/answers messages within two working days/),
  ).toBeVisible();
  await visitor.close();

  // Back to the demo clinic's phone and the standard signs for the other specs.
  await page.getByLabel("Clinic phone").fill("+1 555 0142");
  await page.getByLabel("When to call now").fill("");
  await page.getByLabel("When the care team answers messages").fill("within one working day");
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("settings.update") && r.ok()),
    page.getByRole("button", { name: /Save/ }).click(),
  ]);
});
