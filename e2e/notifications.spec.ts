import { expect, expectNoA11yViolations, loginAs, shoot, test } from "./fixtures";

test.describe("notifications", () => {
  test("a patient opens the bell and chooses their reminders", async ({ page }) => {
    await loginAs(page, "patient");
    await page.getByRole("link", { name: /^Notifications/ }).click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await page.getByLabel("Every day").check();
    // Quiet hours (21:00-08:00) are not offered.
    await expect(page.getByLabel("At what time").locator("option")).toHaveText(
      Array.from({ length: 13 }, (_, i) => `${String(i + 8).padStart(2, "0")}:00`),
    );
    await page.getByLabel("At what time").selectOption("9");
    const replies = page.getByLabel("Email me when my care team replies");
    await expect(replies).toBeChecked();
    await replies.uncheck();
    await page.getByRole("button", { name: "Save email choices" }).click();
    await expect(page.getByText("Your email choices are saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Every day")).toBeChecked();
    await expect(page.getByLabel("At what time")).toHaveValue("9");
    await expect(replies).not.toBeChecked();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/notifications-patient-1280.png", fullPage: true });
    await page.setViewportSize({ width: 360, height: 760 });
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/notifications-patient-360.png", fullPage: true });
    // back to the defaults, for the other specs
    await page.getByLabel("Every day").uncheck();
    await page.getByLabel("At what time").selectOption("18");
    await replies.check();
    await page.getByRole("button", { name: "Save email choices" }).click();
    await expect(page.getByText("Your email choices are saved.")).toBeVisible();
  });

  test("a patient's phones and texts: devices listed and removed, this phone turned on, texts off and on with the consent", async ({
    page,
  }) => {
    // Headless Chromium has no push service here: the browser's side of subscribing is stood in
    // for (permission granted, a subscription with the keys a browser would make); the portal's
    // side (the key, the stored device, the list) is real. Delivery: reaching-patients.int.test.ts.
    await page.addInitScript(() => {
      const fake = {
        endpoint: "https://push.invalid/e2e/this-phone",
        toJSON: () => ({
          endpoint: "https://push.invalid/e2e/this-phone",
          keys: {
            p256dh:
              "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
            auth: "tBHItJI5svbpez7KI4CCXg",
          },
        }),
      };
      Notification.requestPermission = async () => "granted";
      PushManager.prototype.getSubscription = async () => null;
      PushManager.prototype.subscribe = async (options) => {
        (window as unknown as { pushKey: unknown }).pushKey = options?.applicationServerKey;
        return fake as unknown as PushSubscription;
      };
    });
    await loginAs(page, "patient");
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/account/notifications");
    const phone = page.getByRole("region", { name: "Reminders on this phone" });
    const texts = page.getByRole("region", { name: "Text messages" });

    // The demo patient's phone, from the seed; removed, then this one turned on.
    const devices = phone.getByRole("list", { name: "Devices that get reminders" });
    await expect(devices.getByText("Chrome on Android")).toBeVisible();
    await phone.getByRole("button", { name: "Remove Chrome on Android" }).click();
    await expect(page.getByText("Chrome on Android no longer gets reminders.")).toBeVisible();
    await expect(devices).toHaveCount(0);
    await phone.getByRole("button", { name: "Turn on reminders on this phone" }).click();
    await expect(page.getByText("Reminders are on for this device.")).toBeVisible();
    await expect(phone.getByText("This phone gets reminders.")).toBeVisible();
    await expect(phone.getByRole("listitem")).toHaveCount(1);
    await expect(phone.getByRole("listitem")).toContainText(/on (Windows|Linux|macOS)/);
    // Subscribed with the portal's public VAPID key (65 bytes, base64url).
    expect(await page.evaluate(() => (window as unknown as { pushKey: string }).pushKey)).toMatch(
      /^[\w-]{86,88}$/,
    );

    // Texts: on for the seeded number; off, then on again only with the consent ticked.
    await expect(texts.getByText("Texts go to +447700900123.")).toBeVisible();
    await texts.getByRole("button", { name: "Turn text reminders off" }).click();
    await expect(page.getByText("Text reminders are off.")).toBeVisible();
    await texts.getByLabel("Mobile number").fill("07700 900123");
    await texts.getByRole("button", { name: "Turn text reminders on" }).click();
    await expect(texts.getByText("Enter your mobile number with its country code")).toBeVisible();
    await expect(texts.getByText("Tick the box to agree to text reminders.")).toBeVisible();
    await expect(texts.getByLabel("Mobile number")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0); // the toasts fade first
    await expectNoA11yViolations(page);
    await texts.getByLabel("Mobile number").fill("+44 7700 900123");
    await texts.getByLabel(/I agree to get reminder texts/).check();
    await texts.getByRole("button", { name: "Turn text reminders on" }).click();
    await expect(texts.getByText("Texts go to +447700900123.")).toBeVisible();
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
    await shoot(page, "notifications-reach");
    // At 200% text on a phone, nothing runs off the side.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
    });
    await page.screenshot({
      path: test.info().outputPath("notifications-reach-360-200.png"),
      fullPage: true,
    });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > 361)
        .map((e) => `${e.tagName}.${e.className}`.slice(0, 80))
        .slice(0, 5),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });

  test("a provider sees their flags in the bell and opts in to immediate emails", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.goto("/account/notifications");
    await expect(page.getByLabel("A high-priority flag is raised")).not.toBeChecked();
    await expect(page.getByLabel("Daily summary")).toBeChecked();
    await expectNoA11yViolations(page);
    await page.screenshot({ path: "test-results/notifications-provider-1280.png", fullPage: true });
    await page.setViewportSize({ width: 360, height: 760 });
    await expectNoA11yViolations(page);
  });

  test("an unsubscribe link that was tampered with is refused, without signing in", async ({
    page,
  }) => {
    await page.goto(
      "/unsubscribe?u=00000000-0000-4000-8000-000000000000&k=daily_diary&s=not-the-signature",
    );
    await expect(page.getByText("Stop the daily diary reminders?")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 360, height: 760 });
    await page.screenshot({ path: "test-results/unsubscribe-360.png", fullPage: true });
    await page.getByRole("button", { name: "Stop these reminders" }).click();
    await expect(page.getByText("This unsubscribe link is not valid.")).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
