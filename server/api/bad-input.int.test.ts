/**
 * Property-based bad input: every mutation, called by someone allowed to call it, with malformed
 * input (wrong types, out-of-range numbers, unknown codes, oversized text, missing fields, garbage)
 * answers a 4xx with a message — never a 500 — and writes nothing. Unknown ids are tried too.
 * Every string field of every procedure (queries too) is sent NUL characters and unpaired
 * surrogates, which neither driver can store: a 400 with a message on that field.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { callInWorld, matrix, type Persona, personas } from "@/server/testing/authz-table";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { createWorld, type World } from "@/server/testing/world";

type ProcedureDef = {
  _def: { type: string; inputs: Array<{ safeParse(v: unknown): { success: boolean } }> };
};
type ZodNode = { _zod: { def: Record<string, unknown> & { type: string } } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const mutations = Object.keys(procedures).filter((p) => procedures[p]?._def.type === "mutation");

// Every table that holds clinic data (the audit trail and sign-in counters may grow).
const DATA_TABLES = [
  "users",
  "care_team",
  "clinic_settings",
  "repeat_policies",
  "procedures",
  "procedure_revisions",
  "diagnostic_blocks",
  "block_records",
  "diary_entries",
  "diary_entry_revisions",
  "decisions",
  "flag_acknowledgements",
  "invitations",
  "notification_preferences",
  "sessions",
  "user_mfa",
  "mfa_recovery_codes",
  "passkeys",
  "call_tasks",
  "check_in_links",
  "push_subscriptions",
  "support_access",
];

const badValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constant("x".repeat(10_001)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 11, 2.5, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom(
    "",
    "not-a-uuid",
    "2025-02-30",
    "9999-99-99",
    "unknown_code",
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "\u0000",
  ),
);

let t: TestDatabase;
let w: World;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

async function snapshot(): Promise<string> {
  const sums: string[] = [];
  for (const table of DATA_TABLES) {
    const rows = await t.db.execute<{ sum: string }>(
      sql.raw(
        `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from ${table} x`,
      ),
    );
    sums.push(`${table}:${(rows as unknown as Array<{ sum: string }>)[0]?.sum ?? ""}`);
  }
  return sums.join(",");
}

/** The first persona that may call the mutation (the matrix says OK), else a kiosk station. */
function allowedPersona(path: string): Persona | "station" {
  const row = matrix[path];
  const persona = personas.find((p) => row?.expect[p] === "OK" || row?.expect[p] === "BAD_REQUEST");
  if (persona) return persona;
  if (row?.station === "OK" || row?.station === "BAD_REQUEST") return "station";
  throw new Error(`${path}: nobody may call it`);
}

/** Malformed variants of a valid input object. */
function malformed(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.anything().filter((v) => v !== undefined),
    ...(keys.length
      ? [
          fc
            .record({ key: fc.constantFrom(...keys), value: badValue })
            .map(({ key, value }) => ({ ...valid, [key]: value })),
          fc.constantFrom(...keys).map((key) => {
            const { [key]: _, ...rest } = valid;
            return rest;
          }),
          fc.array(badValue, { maxLength: 3 }).map((items) => {
            const key = keys.find((k) => Array.isArray(valid[k]));
            return key ? { ...valid, [key]: items } : { ...valid, extra: items };
          }),
        ]
      : []),
  );
}

/** The paths of every string field in a zod schema (array elements as index 0). */
function stringPaths(
  node: ZodNode,
  at: Array<string | number> = [],
): Array<Array<string | number>> {
  const def = node._zod.def;
  const inner = (key: string) => stringPaths(def[key] as ZodNode, at);
  switch (def.type) {
    case "string":
      return [at];
    case "object":
      return Object.entries(def.shape as Record<string, ZodNode>).flatMap(([key, child]) =>
        stringPaths(child, [...at, key]),
      );
    case "array":
      return stringPaths(def.element as ZodNode, [...at, 0]);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return inner("innerType");
    case "pipe":
      return inner("in");
    case "intersection":
      return [...inner("left"), ...inner("right")];
    case "union":
      return (def.options as ZodNode[]).flatMap((o) => stringPaths(o, at));
    default:
      return [];
  }
}

/** `value` with `text` at `path`, creating the objects and arrays on the way. */
function withTextAt(value: unknown, path: Array<string | number>, text: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return text;
  if (typeof head === "number") {
    const items = Array.isArray(value) ? [...value] : [];
    items[head] = withTextAt(items[head] ?? {}, rest, text);
    return items;
  }
  const record = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  return { ...record, [head]: withTextAt(record[head], rest, text) };
}

/** Text with a NUL character or a lone half of a surrogate pair somewhere in it. */
const unstorableText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff"),
    fc.string({ maxLength: 8 }),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`);

describe("NUL characters and unpaired surrogates in every string field", () => {
  const fields = Object.keys(procedures).flatMap((path) => {
    const schema = procedures[path]?._def.inputs[0] as unknown as ZodNode | undefined;
    return schema ? stringPaths(schema).map((field) => ({ path, field })) : [];
  });

  it("finds the string fields of the procedures", () => {
    const names = fields.map((f) => `${f.path}:${f.field.join(".")}`);
    for (const known of [
      "account.list:search",
      "account.create:name",
      "audit.list:person",
      "caseload.list:search",
      "decision.amend:strategies.0.note",
      "diary.correct:note",
      "import.patients:rows.0.email",
      "import.fhirBundle:bundle",
    ]) {
      expect(names).toContain(known);
    }
  });

  for (const { path, field } of fields) {
    it(`${path}: ${field.join(".")} refuses them with a field message`, async () => {
      const persona = allowedPersona(path);
      const valid = matrix[path]?.input?.(w, { patientId: w.patient.id, ...w.own }) ?? {};
      const mutation = procedures[path]?._def.type === "mutation";
      await fc.assert(
        fc.asyncProperty(unstorableText, async (bad) => {
          const before = mutation ? await snapshot() : "";
          const result = await callInWorld(t, w, path, persona, () =>
            withTextAt(valid, field, bad),
          );
          expect(result.outcome, JSON.stringify(bad)).toBe("BAD_REQUEST");
          const messages = (result.issues ?? [])
            .filter((i) => i.path.join(".") === field.join("."))
            .map((i) => i.message);
          // A sentence for the person filling the field in, not zod's "Invalid input: ...".
          expect(messages.length, JSON.stringify(result.issues)).toBeGreaterThan(0);
          for (const message of messages) expect(message).not.toMatch(/^Invalid/);
          if (mutation) expect(await snapshot()).toBe(before);
        }),
        { numRuns: 8 },
      );
    });
  }
});

describe("a FHIR Bundle to import", () => {
  it("refuses one over the size limit, or an empty one, with a message, and writes nothing", async () => {
    for (const [bundle, message] of [
      ["x".repeat(8_000_001), "The Bundle is larger than 8 MB: export one patient at a time."],
      ["", "Choose a Bundle file or paste one."],
    ] as const) {
      const before = await snapshot();
      const result = await callInWorld(t, w, "import.fhirBundle", "admin", () => ({
        bundle,
        checkOnly: false,
      }));
      expect(result.outcome).toBe("BAD_REQUEST");
      expect(result.issues?.map((i) => i.message)).toContain(message);
      expect(await snapshot()).toBe(before);
    }
  });
});

describe("the technique of a procedure", () => {
  // Each case: the fields changed from the matrix's valid cryoablation of the left knee, the field
  // that is refused and its message. Record and update refuse the same, and write nothing.
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [
      { lesionTempC: 39 },
      "lesionTempC",
      "Enter the lesion temperature as a whole number from 40 to 95 °C.",
    ],
    [
      { lesionTempC: 95.5 },
      "lesionTempC",
      "Enter the lesion temperature as a whole number from 40 to 95 °C.",
    ],
    [
      { lesionSeconds: 361 },
      "lesionSeconds",
      "Enter the seconds per lesion as a whole number from 30 to 360 s.",
    ],
    [
      { lesionCount: 0 },
      "lesionCount",
      "Enter the number of lesions as a whole number from 1 to 20.",
    ],
    [
      { lesionCount: "3" },
      "lesionCount",
      "Enter the number of lesions as a whole number from 1 to 20.",
    ],
    [{ probeGauge: 9 }, "probeGauge", "Enter the probe gauge as a whole number from 10 to 30 G."],
    [
      { activeTipMm: 0 },
      "activeTipMm",
      "Enter the active tip from 1 to 20 mm, to at most one decimal place.",
    ],
    [
      { targets: ["medial_branch:L4"] },
      "targets",
      "L4 medial branch is not a target of the knee region.",
    ],
    [
      { region: "lumbar" },
      "targets",
      "Superomedial genicular nerve, Inferomedial genicular nerve are not targets of the lumbar spine region.",
    ],
    [{ targets: "genicular:superomedial" }, "targets", "Choose the targets from the list."],
    [
      { targets: ["genicular:superomedial", "genicular:superomedial"] },
      "targets",
      "Choose each target only once.",
    ],
    [
      { rfVariant: "cooled" },
      "rfVariant",
      "The RF variant applies to radiofrequency ablation only.",
    ],
    [
      { modality: "radiofrequency", rfVariant: "hot" },
      "rfVariant",
      "Choose conventional or cooled RF.",
    ],
    [{ imaging: "mri" }, "imaging", "Choose the imaging from the list."],
  ];
  for (const path of ["procedure.record", "procedure.update"]) {
    it.each(cases)(`${path} %j: %s says %s`, async (change, field, message) => {
      const valid = matrix[path]?.input?.(w, { patientId: w.patient.id, ...w.own }) as object;
      const before = await snapshot();
      const result = await callInWorld(t, w, path, "providerAssigned", () => ({
        ...valid,
        ...change,
      }));
      expect(result.outcome).toBe("BAD_REQUEST");
      expect(
        (result.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message),
      ).toEqual([message]);
      expect(await snapshot()).toBe(before);
    });
  }
});

describe("a diagnostic block's fields, with the message on the field", () => {
  const cases: Array<[object, string, string]> = [
    [
      { prePain: 0 },
      "prePain",
      "Enter the pain just before the block as a whole number from 1 to 10.",
    ],
    [
      { prePain: 7.5 },
      "prePain",
      "Enter the pain just before the block as a whole number from 1 to 10.",
    ],
    [{ givenTime: "25:00" }, "givenTime", "Enter the time the block was given (HH:MM)."],
    [{ anesthetic: "saline" }, "anesthetic", "Choose the anesthetic."],
    [
      { targets: ["genicular:superomedial"] },
      "targets",
      "Superomedial genicular nerve is not a target of the lumbar spine region.",
    ],
  ];
  it.each(cases)("block.record %j: %s says %s", async (change, field, message) => {
    const valid = matrix["block.record"]?.input?.(w, {
      patientId: w.patient.id,
      ...w.own,
    }) as object;
    const before = await snapshot();
    const result = await callInWorld(t, w, "block.record", "providerAssigned", () => ({
      ...valid,
      ...change,
    }));
    expect(result.outcome).toBe("BAD_REQUEST");
    expect((result.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message)).toEqual([
      message,
    ]);
    expect(await snapshot()).toBe(before);
  });
});

/** Whether the schema accepts `input`; an input that makes the validator throw is refused. */
function parses(
  schema: { safeParse(v: unknown): { success: boolean } } | undefined,
  input: unknown,
) {
  try {
    return schema?.safeParse(input).success ?? false;
  } catch {
    return false;
  }
}

describe("input that trips the validator itself", () => {
  // zod 4.6 runs its length checks after a failed type check, on anything with a `length`, and
  // throws when that length cannot be compared (found by the property test below).
  for (const [path, persona, input] of [
    ["mfa.confirmEnrolment", "providerAssigned", { code: { length: { toString: false } } }],
    ["message.send", "patientOwn", { body: { length: { toString: false } } }],
    [
      "decision.record",
      "providerAssigned",
      { procedureId: crypto.randomUUID(), strategies: { length: { toString: false } } },
    ],
  ] as const) {
    it(`${path}: a 400 with a human message, nothing written`, async () => {
      const before = await snapshot();
      const result = await callInWorld(t, w, path, persona, () => input);
      expect(result.outcome).toBe("BAD_REQUEST");
      expect(result.message).not.toMatch(/convert|primitive|TypeError/i);
      expect(result.message?.length).toBeGreaterThan(0);
      expect(await snapshot()).toBe(before);
    });
  }
});

describe("bad input to every mutation", () => {
  it("covers every mutation", () => {
    expect(mutations.length).toBeGreaterThan(10);
  });

  // A mutation without input (session.signOutEverywhere) has nothing to be malformed.
  for (const path of mutations.filter((p) => procedures[p]?._def.inputs.length)) {
    it(`${path}: malformed input gets a 4xx with a message and writes nothing`, async () => {
      const persona = allowedPersona(path);
      const schema = procedures[path]?._def.inputs[0];
      const valid = (matrix[path]?.input?.(w, { patientId: w.patient.id, ...w.own }) ??
        {}) as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(malformed(valid), async (input) => {
          if (parses(schema, input)) return; // not malformed after all
          const before = await snapshot();
          const result = await callInWorld(t, w, path, persona, () => input);
          expect(result.outcome, JSON.stringify(input).slice(0, 200)).toBe("BAD_REQUEST");
          expect(result.message?.length).toBeGreaterThan(0);
          expect(result.message).not.toMatch(/\n\s+at |drizzle|postgres|sql/i);
          expect(await snapshot()).toBe(before);
        }),
        { numRuns: 30 },
      );
    });
  }

  // Which mutations take record ids, read off their inputs in a stand-in world of random ids.
  const id = () => crypto.randomUUID();
  const person = () => ({
    id: id(),
    role: "patient",
    name: "",
    email: "",
    mustChangePassword: false,
  });
  const standIn = {
    today: "2026-01-01",
    ...Object.fromEntries(
      ["admin", "providerA", "providerB", "patient", "otherPatient", "spare"].map((k) => [
        k,
        person(),
      ]),
    ),
    own: { procedureId: id(), entryId: id() },
    other: { procedureId: id(), entryId: id() },
    decisionId: id(),
  } as unknown as World;
  const withIds = mutations.filter((p) =>
    Object.entries(matrix[p]?.input?.(standIn, { patientId: id(), ...standIn.own }) ?? {}).some(
      ([k, v]) => k !== "clientId" && typeof v === "string" && /^[0-9a-f-]{36}$/.test(v),
    ),
  );

  for (const path of withIds) {
    it(`${path}: unknown ids get a 4xx and write nothing`, async () => {
      const persona = allowedPersona(path);
      const valid = (matrix[path]?.input?.(w, { patientId: w.patient.id, ...w.own }) ??
        {}) as Record<string, unknown>;
      const idKeys = Object.keys(valid).filter(
        (k) =>
          k !== "clientId" &&
          typeof valid[k] === "string" &&
          /^[0-9a-f-]{36}$/.test(valid[k] as string),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...idKeys), fc.uuid({ version: 4 }), async (key, id) => {
          const before = await snapshot();
          const result = await callInWorld(t, w, path, persona, () => ({ ...valid, [key]: id }));
          expect(["NOT_FOUND", "BAD_REQUEST", "CONFLICT"]).toContain(result.outcome);
          expect(await snapshot()).toBe(before);
        }),
        { numRuns: 10 },
      );
    });
  }

  it("never answers with an internal error for any input to any procedure", async () => {
    const all = Object.keys(procedures);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all), fc.anything(), async (path, input) => {
        const persona = allowedPersona(path);
        const result = await callInWorld(t, w, path, persona, () => input);
        expect(result.outcome).not.toBe("INTERNAL_SERVER_ERROR");
      }),
      { numRuns: 200 },
    );
  });
});
