import { expect, loginAs, test } from "./fixtures";

test("the sign-in page tells a patient who forgot their password to ask the clinic, with its phone once set", async ({
  browser,
  page,
}) => {
  await page.goto("/signin");
  await expect(page.getByText(/^Forgot your password\? Ask your clinic/)).toBeVisible();

  await loginAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByLabel("Clinic name").fill("Riverside Pain Clinic");
  await page.getByLabel("Clinic phone").fill("+1 555 0100");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText("Clinic settings saved.")).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.goto("/signin");
  const call = visitor.getByRole("link", { name: "+1 555 0100" });
  await expect(call).toHaveAttribute("href", "tel:+15550100");
  await expect(
    visitor.getByText("Forgot your password? Ask your clinic: Riverside Pain Clinic,"),
  ).toBeVisible();
  await visitor.close();
});
