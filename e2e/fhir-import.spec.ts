import { DEMO, expect, expectNoA11yViolations, loginAs, test } from "./fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Resource = {
  resourceType: string;
  id: string;
  telecom?: Array<{ system: string; value: string }>;
  identifier?: Array<{ system?: string; value?: string }>;
  name?: Array<{ text?: string }>;
  valueQuantity?: { value: number };
};

test.describe("FHIR import", () => {
  test("an admin sees the problems of a bad Bundle, then imports a good one and the patient is created", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await loginAs(page, "admin");
    // The demo patient's own export, as another clinic would hand it over.
    await page.goto(`/admin?q=${encodeURIComponent(DEMO.patient)}`);
    await page.getByRole("link", { name: "Pat Patient" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pat Patient");
    const patientId = new URL(page.url()).pathname.split("/").pop() ?? "";
    // An admin exports a patient's record only through a support access, with a reason.
    const refused = await page.request.get(`/api/fhir/Patient/${patientId}/$everything`);
    expect(refused.status()).toBe(403);
    await page.getByRole("link", { name: "Read the review for support" }).click();
    await page.getByLabel("Why do you need to read it?").fill("Record for a transfer test");
    await page.getByRole("button", { name: "Open the record for an hour" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pat Patient" })).toBeVisible();
    const response = await page.request.get(`/api/fhir/Patient/${patientId}/$everything`);
    expect(response.status()).toBe(200);
    const bundle = (await response.json()) as { entry: Array<{ resource: Resource }> };

    // Bad: the same patient again (email and MRN taken here) with a pain score of 14.
    const bad = structuredClone(bundle);
    const pain = bad.entry.find((e) => e.resource.id.startsWith("pain-"))?.resource as Resource;
    pain.valueQuantity = { value: 14 };
    await page.goto("/admin/fhir-import");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import FHIR Bundle");
    await page.getByLabel("Bundle file (JSON)").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.getByRole("button", { name: "Import" }).click();
    await expect(
      page.getByRole("region", { name: "Problems in the Bundle" }).getByRole("alert"),
    ).toContainText("problems found. Nothing was stored.");
    const problems = page.getByRole("table", { name: "Problems by resource" });
    await expect(problems).toContainText(`Observation/${pain.id}`);
    await expect(problems).toContainText("The pain score must be a whole number from 0 to 10.");
    await expect(problems).toContainText(
      "An account with this email already exists in this clinic.",
    );
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoA11yViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`problems-${width}.png`), fullPage: true });
    }

    // Good: a new email and MRN, pasted this time; checked first, then imported.
    const good = structuredClone(bundle);
    const patient = good.entry[0]?.resource as Resource;
    const name = `Imported Ivy ${unique()}`;
    patient.name = [{ text: name }];
    patient.telecom = [{ system: "email", value: `ivy-${unique()}@e2e.test` }];
    patient.identifier = [
      { system: "urn:ablation-follow-up-portal:mrn", value: `FHIR-${unique()}` },
    ];
    await page.reload();
    await page.getByLabel("Or paste the Bundle").fill(JSON.stringify(good));
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("heading", { name: "The Bundle can be imported" })).toBeVisible();
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Patient imported" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Patient imported" }).getByRole("status"),
    ).toContainText(`${name} was created with`);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoA11yViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`imported-${width}.png`), fullPage: true });
    }
    await page.getByRole("link", { name: `Open ${name}’s account` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
});
