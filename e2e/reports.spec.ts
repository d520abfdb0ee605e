import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  DEMO,
  DEMO_PASSWORD,
  download,
  expect,
  loginAs,
  pdfText,
  shoot,
  signIn,
  test,
} from "./fixtures";

test.describe("reports and exports", () => {
  // Each journey renders PDFs and runs axe at two widths: more than the default 30 s on a busy
  // machine.
  test.describe.configure({ timeout: 90_000 });

  test("a provider downloads the visit report from the review page, with the plan on it", async ({
    page,
  }) => {
    await loginAs(page, "provider");
    await page.getByRole("link", { name: "David Kim" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "David Kim" })).toBeVisible();
    await shoot(page, "provider-review");
    await page.getByRole("button", { name: "Record a decision" }).click();
    const form = page.getByRole("dialog", { name: "Record a decision" });
    await form.getByRole("checkbox", { name: /Physical therapy/ }).check();
    await form.getByLabel("Note on physical therapy (optional)").fill("Hip strength twice a week");
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Decision recorded for David Kim")).toBeVisible();

    const pdf = await download(page, "Download PDF");
    // Staff files name the patient by MRN (the banner's) and the day.
    expect(pdf.name).toMatch(/^visit-report-MRN-100902-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf.path);
    expect(text).toContain("David Kim");
    expect(text).toContain("Moderate relief");
    expect(text).toContain("Cooled RF");
    expect(text).toContain("Current plan");
    expect(text).toContain("Physical therapy");
    expect(text).toContain("Hip strength twice a week");
    // Recording the decision acknowledged the flag that was open
    // (docs/clinical-rules.md#review-states).
    expect(text).toContain("No open flags.");
    // ... and the report still says which flag was raised, and that the plan answered it.
    expect(text).toContain("Answered flags");
    expect(text).toMatch(/Answered \d+ \w+/);
    expect(text).toContain("Generated");
    expect(text).toContain("Dr. Priya Provider");
    expect(text).toContain("Page 1 of 1");
    // The first page as a picture, to look at (test-results/).
    execFileSync("pdftoppm", ["-png", "-r", "90", "-f", "1", "-l", "1", pdf.path, pdf.path]);

    const csv = await download(page, /Download CSV/);
    const lines = readFileSync(csv.path, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toMatch(/^entry_date,procedure_id,day,pain_average,enjoyment,activity/);
    expect(lines.length).toBeGreaterThan(10);
    expect(csv.name).toMatch(/^pain-diary-MRN-100902-\d{4}-\d{2}-\d{2}\.csv$/);

    // The FHIR record is offered on the page too.
    const record = await download(page, "Download FHIR record");
    expect(record.name).toMatch(/^health-record-MRN-100902-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
    const bundle = JSON.parse(readFileSync(record.path, "utf8"));
    expect(bundle.entry[0].resource).toMatchObject({
      resourceType: "Patient",
      name: [{ text: "David Kim" }],
    });
  });

  test("the patient downloads their report and their record, and cannot fetch another's", async ({
    page,
  }) => {
    await loginAs(page, "patient");
    await page.getByRole("link", { name: "Progress" }).click();
    await shoot(page, "patient-progress");
    const pdf = await download(page, "Download PDF");
    const text = pdfText(pdf.path);
    expect(text).toContain("My pain diary report");
    expect(text).toContain("Pat Patient");
    expect(text).toContain("Substantial relief");
    expect(text).not.toContain("Open flags");
    expect(text).not.toContain("Answered flags");
    execFileSync("pdftoppm", ["-png", "-r", "90", "-f", "1", "-l", "1", pdf.path, pdf.path]);

    await page.getByRole("link", { name: "Account", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await shoot(page, "patient-account");
    const record = await download(page, "Download Health record (FHIR)");
    const bundle = JSON.parse(readFileSync(record.path, "utf8"));
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    expect(bundle.entry[0].resource).toMatchObject({
      resourceType: "Patient",
      name: [{ text: "Pat Patient" }],
      telecom: [
        { system: "email", value: DEMO.patient },
        { system: "phone", value: "+44 7700 900123" },
      ],
      birthDate: "1961-05-14",
    });
    const loinc = new Set(
      bundle.entry.flatMap((e: { resource: { code?: { coding?: Array<{ code: string }> } } }) =>
        (e.resource.code?.coding ?? []).map((c) => c.code),
      ),
    );
    expect([...loinc]).toEqual(expect.arrayContaining(["72514-3", "91148-7"]));

    // Staff routes and another patient's record are closed to a patient.
    const other = bundle.entry[0].resource.id.replace(/^./, (c: string) => (c === "0" ? "1" : "0"));
    const staffPdf = await page.request.get(
      `/provider/patients/${bundle.entry[0].resource.id}/report.pdf`,
    );
    expect(staffPdf.status()).toBe(403);
    const otherRecord = await page.request.get(`/api/fhir/Patient/${other}/$everything`);
    expect(otherRecord.status()).toBe(404);
    expect(await otherRecord.json()).toMatchObject({ resourceType: "OperationOutcome" });
    const bad = await page.request.get("/api/fhir/Patient/%00/$everything");
    expect(bad.status()).toBe(400);
  });

  test("an admin exports the clinic: NDJSON with progress, and the outcome table", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    await page.getByRole("link", { name: "Exports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
    await shoot(page, "admin-exports");

    await page.getByRole("button", { name: "Export Observation" }).click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Save Observation.ndjson" }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("Observation.ndjson");
    const path = test.info().outputPath("Observation.ndjson");
    await file.saveAs(path);
    const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines.slice(0, 50))
      expect(JSON.parse(line).resourceType).toBe("Observation");
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: `${lines.length.toLocaleString("en")} resources` }),
    ).toBeVisible();

    const csv = await download(page, "Download outcomes CSV");
    const rows = readFileSync(csv.path, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(rows[0]).toMatch(/^procedure_id,patient_id,performed_on,modality,region/);
    expect(rows.length).toBeGreaterThanOrEqual(11);
    expect(rows.join("\n")).not.toContain("Pat Patient");

    // The audit trail shows the exports.
    await page.goto("/admin/audit?action=clinic.export");
    await expect(
      page.getByRole("table").getByText("Exported the clinic's data").first(),
    ).toBeVisible();
  });

  test("signed out, the FHIR API answers 401 with an OperationOutcome", async ({ page }) => {
    const response = await page.request.get("/api/fhir/Patient/me/$everything");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/fhir+json");
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome" });
    await signIn(page, DEMO.provider, DEMO_PASSWORD);
    await page.waitForURL("**/provider");
    expect((await page.request.get("/admin/export/outcomes.csv")).status()).toBe(403);
  });
});
