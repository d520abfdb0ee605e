import { describe, expect, it } from "vitest";
import { exportFileName, fileSafe } from "./file-names";

describe("export file names", () => {
  it("carry the MRN and the day for staff", () => {
    const patient = { mrn: "MRN-100845", name: "Susan Patel" };
    expect(exportFileName("visit-report", patient, "2026-12-02")).toBe(
      "visit-report-MRN-100845-2026-12-02.pdf",
    );
    expect(exportFileName("pain-diary", patient, "2026-12-02")).toBe(
      "pain-diary-MRN-100845-2026-12-02.csv",
    );
    expect(exportFileName("health-record", patient, "2026-12-02")).toBe(
      "health-record-MRN-100845-2026-12-02.fhir.json",
    );
    expect(exportFileName("visit-report", { mrn: "100845", name: "x" }, "2026-12-02")).toBe(
      "visit-report-MRN-100845-2026-12-02.pdf",
    );
  });

  it("carry the name when there is no MRN, in safe characters", () => {
    expect(
      exportFileName("visit-report", { mrn: null, name: "José Álvarez-O'Neil" }, "2026-12-02"),
    ).toBe("visit-report-Jose-Alvarez-O-Neil-2026-12-02.pdf");
    expect(exportFileName("pain-diary", { mrn: "", name: '"; rm -rf /' }, "2026-12-02")).toBe(
      "pain-diary-rm-rf-2026-12-02.csv",
    );
    expect(exportFileName("pain-diary", { mrn: null, name: "李小龍" }, "2026-12-02")).toBe(
      "pain-diary-patient-2026-12-02.csv",
    );
  });

  it("are the patient's own for a patient", () => {
    expect(exportFileName("visit-report", "own", "2026-12-02")).toBe(
      "my-pain-report-2026-12-02.pdf",
    );
    expect(exportFileName("health-record", "own", "2026-12-02")).toBe(
      "my-health-record-2026-12-02.fhir.json",
    );
  });

  it("keep only ASCII letters, digits and hyphens", () => {
    expect(fileSafe('a\r\nb"c;d')).toBe("a-b-c-d");
    expect(fileSafe("x".repeat(80))).toHaveLength(60);
  });
});
