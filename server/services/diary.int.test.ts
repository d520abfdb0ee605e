import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  assessmentCache,
  auditEvents,
  diaryEntries,
  diaryEntryRevisions,
  notifications,
  procedures,
} from "@/db/schema";
import type { AddDiaryEntryInput } from "@/server/api/routers/diary.schema";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { createTestDatabase, type TestDatabase } from "@/server/testing/db";
import { assignPatient, callerFor, createUser } from "@/server/testing/fixtures";
import { assessProcedure, patientView } from "./assessments";
import { clinicToday } from "./settings";

let t: TestDatabase;
let db: Db;
let today: string;
let provider: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  today = await clinicToday(db);
  provider = await createUser(db, "provider");
});
afterAll(async () => {
  await t?.close();
});

/** A patient on the provider's care team, with a procedure `daysAgo` days before today. */
async function patientWithProcedure(
  daysAgo = 30,
  extra: Partial<typeof procedures.$inferInsert> = {},
) {
  const patient = await createUser(db, "patient");
  await assignPatient(db, provider, patient);
  const [procedure] = await db
    .insert(procedures)
    .values({
      patientId: patient.id,
      recordedBy: provider.id,
      performedOn: addDays(today, -daysAgo),
      modality: "radiofrequency",
      region: "lumbar",
      side: "bilateral",
      target: "L4-L5 medial branches",
      baselinePain: 8,
      baselineInterference: 7,
      ...extra,
    })
    .returning();
  if (!procedure) throw new Error("no procedure");
  return { patient, procedure, api: callerFor(db, patient) };
}

function entry(overrides: Partial<AddDiaryEntryInput> = {}): AddDiaryEntryInput {
  return {
    clientId: randomUUID(),
    entryDate: today,
    painAverage: 4,
    enjoyment: 3,
    activity: 4,
    locations: ["lumbar"],
    qualities: ["aching"],
    siteSoreness: false,
    medication: "",
    note: "",
    ...overrides,
  };
}

async function entriesOf(patient: Actor) {
  const [row] = await db
    .select({ n: count() })
    .from(diaryEntries)
    .where(eq(diaryEntries.patientId, patient.id));
  return row?.n ?? 0;
}

/** The tRPC error a call fails with (fails the test when it succeeds). */
async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
const fieldErrorsOf = (error: TRPCError) =>
  (error.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ??
  Object.fromEntries(
    ((error.cause as { issues?: Array<{ path: string[]; message: string }> })?.issues ?? []).map(
      (i) => [i.path[0], [i.message]],
    ),
  );

describe("diary.add", () => {
  it("stores an entry for the procedure, audited with ids only", async () => {
    const { patient, procedure, api } = await patientWithProcedure(30);
    const { entry: stored, created } = await api.diary.add(
      entry({ note: "Walked the dog", medication: "ibuprofen 400 mg" }),
    );
    expect(created).toBe(true);
    expect(stored).toMatchObject({
      procedureId: procedure.id,
      entryDate: today,
      painAverage: 4,
      note: "Walked the dog",
      version: 1,
      pgic: null,
    });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "diary.add"), eq(auditEvents.targetId, stored.id)));
    expect(audit).toMatchObject({ actorId: patient.id, patientId: patient.id, outcome: "success" });
    expect(JSON.stringify(audit?.details)).not.toContain("dog");
  });

  it("stores a retry with the same client id once", async () => {
    const { patient, api } = await patientWithProcedure();
    const input = entry();
    const first = await api.diary.add(input);
    const second = await api.diary.add(input);
    expect(second).toEqual({ entry: first.entry, created: false });
    expect(await entriesOf(patient)).toBe(1);
  });

  it("stores a concurrent double submission once", async () => {
    const { patient, api } = await patientWithProcedure();
    const input = entry({ entryDate: addDays(today, -1) });
    const results = await Promise.all([
      api.diary.add(input),
      api.diary.add(input),
      api.diary.add(input),
    ]);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await entriesOf(patient)).toBe(1);
    const audits = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "diary.add"), eq(auditEvents.patientId, patient.id)));
    expect(audits[0]?.n).toBe(1);
  });

  it("refuses a second entry for the same day with a conflict that points to correcting it", async () => {
    const { patient, api } = await patientWithProcedure();
    await api.diary.add(entry());
    const error = await failure(api.diary.add(entry({ painAverage: 7 })));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already have an entry for this day.*correction/);
    expect(fieldErrorsOf(error).entryDate?.[0]).toMatch(/already have an entry/);
    expect(await entriesOf(patient)).toBe(1);
  });

  it("lets exactly one of two concurrent new entries for one day through", async () => {
    const { patient, api } = await patientWithProcedure();
    const results = await Promise.allSettled([
      api.diary.add(entry({ entryDate: addDays(today, -2) })),
      api.diary.add(entry({ entryDate: addDays(today, -2) })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected?.reason as TRPCError | undefined)?.code).toBe("CONFLICT");
    expect(await entriesOf(patient)).toBe(1);
  });

  it("accepts today and the 7 days before it, and nothing outside them", async () => {
    const { patient, api } = await patientWithProcedure(30);
    await api.diary.add(entry({ entryDate: today }));
    await api.diary.add(entry({ entryDate: addDays(today, -7) }));
    for (const [date, message] of [
      [addDays(today, 1), /cannot be in the future/],
      [addDays(today, -8), /today or any of the 7 days before it/],
    ] as const) {
      const error = await failure(api.diary.add(entry({ entryDate: date })));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error).entryDate?.[0]).toMatch(message);
    }
    expect(await entriesOf(patient)).toBe(2);
  });

  it("refuses a date before the procedure, and any entry without a procedure", async () => {
    const { patient, api } = await patientWithProcedure(3);
    const error = await failure(api.diary.add(entry({ entryDate: addDays(today, -4) })));
    expect(fieldErrorsOf(error).entryDate?.[0]).toMatch(/before your procedure/);
    await api.diary.add(entry({ entryDate: addDays(today, -3) })); // the procedure day itself
    expect(await entriesOf(patient)).toBe(1);

    const newcomer = await createUser(db, "patient");
    const none = await failure(callerFor(db, newcomer).diary.add(entry()));
    expect(none.code).toBe("BAD_REQUEST");
    expect(none.message).toMatch(/once your care team has recorded your procedure/);
    expect(await entriesOf(newcomer)).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["pain above 10", { painAverage: 11 }, "painAverage"],
    ["pain below 0", { painAverage: -1 }, "painAverage"],
    ["pain not a whole number", { painAverage: 3.5 }, "painAverage"],
    ["pain as text", { painAverage: "4" }, "painAverage"],
    ["pain missing", { painAverage: undefined }, "painAverage"],
    ["enjoyment above 10", { enjoyment: 12 }, "enjoyment"],
    ["activity not a whole number", { activity: 2.2 }, "activity"],
    ["an unknown region", { locations: ["lumbar", "elbow"] }, "locations"],
    ["a region twice", { locations: ["lumbar", "lumbar"] }, "locations"],
    ["no region while in pain", { locations: [] }, "locations"],
    ["an unknown quality", { qualities: ["fizzy"] }, "qualities"],
    ["soreness not yes or no", { siteSoreness: "maybe" }, "siteSoreness"],
    ["a note over 2,000 characters", { note: "x".repeat(2001) }, "note"],
    ["medication over 500 characters", { medication: "x".repeat(501) }, "medication"],
    ["an unknown PGIC answer", { pgic: "fantastic" }, "pgic"],
    ["a date that does not exist", { entryDate: "2025-02-30" }, "entryDate"],
    ["a date in another format", { entryDate: "03/05/2025" }, "entryDate"],
    ["a client id that is not a UUID", { clientId: "1" }, "clientId"],
  ])("refuses %s with a message for that field and writes nothing", async (_name, bad, field) => {
    const { patient, api } = await patientWithProcedure();
    const error = await failure(api.diary.add({ ...entry(), ...bad } as AddDiaryEntryInput));
    expect(error.code).toBe("BAD_REQUEST");
    const messages = fieldErrorsOf(error);
    expect(Object.keys(messages)).toEqual([field]);
    expect(messages[field]?.[0]).toMatch(/^[A-Z].+\.$/);
    expect(await entriesOf(patient)).toBe(0);
  });

  it("accepts a note of exactly 2,000 characters and no region when there is no pain", async () => {
    const { api } = await patientWithProcedure();
    const { entry: stored } = await api.diary.add(
      entry({ note: "x".repeat(2000), painAverage: 0, locations: [], qualities: [] }),
    );
    expect(stored.note).toHaveLength(2000);
  });
});

describe("PGIC check-ins", () => {
  it("asks the PGIC on a check-in's due days and requires it while unanswered", async () => {
    const { api } = await patientWithProcedure(15); // today is day 15: check-in 14 is due
    const context = await api.diary.formContext();
    expect(context.days.find((d) => d.date === today)?.checkIn).toEqual({
      day: 14,
      answered: false,
    });
    expect(context.days.find((d) => d.date === addDays(today, -2))?.checkIn).toBeNull(); // day 13

    const missing = await failure(api.diary.add(entry()));
    expect(fieldErrorsOf(missing).pgic?.[0]).toMatch(/how your pain has changed/);

    const { entry: answered } = await api.diary.add(entry({ pgic: "much_improved" }));
    expect(answered).toMatchObject({ pgic: "much_improved", checkInDay: 14 });

    // Answered: a catch-up entry for the day before does not ask it again.
    const after = await api.diary.formContext();
    expect(after.days.find((d) => d.date === addDays(today, -1))?.checkIn).toBeNull();
    await api.diary.add(entry({ entryDate: addDays(today, -1) }));
    const home = await api.diary.home();
    expect(home.dueCheckIn).toBeNull();
    expect(home.assessment?.checkIns[0]?.status).toBe("answered");
  });

  it("refuses a PGIC answer on a date without a check-in", async () => {
    const { patient, api } = await patientWithProcedure(30); // days 23-30: no check-in is due
    const error = await failure(api.diary.add(entry({ pgic: "no_change" })));
    expect(fieldErrorsOf(error).pgic?.[0]).toMatch(/no check-in for this date/);
    expect(await entriesOf(patient)).toBe(0);
  });

  it("shows the due check-in on the home until it is answered", async () => {
    const { api } = await patientWithProcedure(44); // check-in 42 due days 42-48
    const home = await api.diary.home();
    expect(home.dueCheckIn).toMatchObject({ day: 42, status: "due" });
  });
});

describe("the short check-in (diary.checkIn)", () => {
  const answer = (over: Record<string, unknown> = {}) => ({
    clientId: crypto.randomUUID(),
    pgic: "much_improved" as const,
    painAverage: 3,
    siteSoreness: false,
    ...over,
  });

  it("with no entry today, begins today's entry with the pain, the soreness and the answer", async () => {
    const { api } = await patientWithProcedure(15);
    const input = answer();
    const stored = await api.diary.checkIn(input);
    expect(stored).toMatchObject({
      entryDate: today,
      painAverage: 3,
      enjoyment: null,
      activity: null,
      locations: [],
      siteSoreness: false,
      pgic: "much_improved",
      checkInDay: 14,
    });
    // A retry of the same form is the same entry; the check-in is then answered.
    expect((await api.diary.checkIn(input)).id).toBe(stored.id);
    const home = await api.diary.home();
    expect(home.dueCheckIn).toBeNull();
    expect(home.todayEntry?.id).toBe(stored.id);
    const again = await failure(api.diary.checkIn(answer()));
    expect(again.message).toMatch(/no check-in to answer today/);
    // The rest of the diary is added to the same entry later, as a correction.
    const completed = await api.diary.correct({
      ...entry({ painAverage: 3, pgic: "much_improved" }),
      id: stored.id,
      version: stored.version,
    });
    expect(completed).toMatchObject({ version: 2, enjoyment: 3, pgic: "much_improved" });
  });

  it("records which reminder brought the patient (the engagement figures), the portal by default", async () => {
    const channelOf = async (id: string) =>
      (
        await db
          .select({ channel: diaryEntries.checkInChannel })
          .from(diaryEntries)
          .where(eq(diaryEntries.id, id))
      )[0]?.channel;
    const viaPush = await (await patientWithProcedure(15)).api.diary.checkIn(
      answer({ via: "push" }),
    );
    expect(await channelOf(viaPush.id)).toBe("push");
    const plain = await (await patientWithProcedure(15)).api.diary.checkIn(answer());
    expect(await channelOf(plain.id)).toBe("portal");
    // The server's own channels cannot be claimed from the patient's page.
    const { api } = await patientWithProcedure(15);
    const bad = await failure(api.diary.checkIn(answer({ via: "kiosk" })));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("marks the bell's check-in notification read once answered", async () => {
    const { patient, api } = await patientWithProcedure(15);
    await db.insert(notifications).values({
      userId: patient.id,
      kind: "check_in_due",
      key: `check_in:test:${crypto.randomUUID()}`,
      title: "A check-in is waiting for you",
      href: "/patient/check-in",
    });
    expect(await api.notifications.unreadCount()).toBe(1);
    await api.diary.checkIn(answer());
    expect(await api.notifications.unreadCount()).toBe(0);
  });

  it("after today's entry answered it, says none is due", async () => {
    const { api } = await patientWithProcedure(44); // check-in 42 is due
    const { entry: first } = await api.diary.add(entry({ pgic: "no_change" }));
    expect(first.checkInDay).toBe(42);
    const error = await failure(api.diary.checkIn(answer()));
    expect(error.message).toMatch(/no check-in to answer today/);
  });

  it("asks for the pain and the soreness when today has no entry", async () => {
    const { patient, api } = await patientWithProcedure(14);
    const error = await failure(
      api.diary.checkIn(answer({ painAverage: undefined, siteSoreness: null })),
    );
    expect(fieldErrorsOf(error)).toMatchObject({
      painAverage: [expect.stringMatching(/0 to 10/)],
      siteSoreness: [expect.stringMatching(/yes or no/)],
    });
    expect(await entriesOf(patient)).toBe(0);
    await api.diary.checkIn(answer({ pgic: "no_change" }));
    expect(await entriesOf(patient)).toBe(1);
  });

  it("refuses on a day with no check-in due, and an unknown answer", async () => {
    const { patient, api } = await patientWithProcedure(30);
    await expect(api.diary.checkIn(answer())).rejects.toThrow(/no check-in to answer today/);
    const bad = await failure(api.diary.checkIn(answer({ pgic: "fantastic" })));
    expect(fieldErrorsOf(bad).pgic).toBeDefined();
    expect(await entriesOf(patient)).toBe(0);
  });
});

describe("diary.correct", () => {
  it("keeps the old version in the history and bumps the version", async () => {
    const { patient, api } = await patientWithProcedure();
    const { entry: first } = await api.diary.add(entry({ painAverage: 6, note: "first" }));
    const corrected = await api.diary.correct({
      ...entry({ painAverage: 3, note: "second" }),
      id: first.id,
      version: 1,
    });
    expect(corrected).toMatchObject({ id: first.id, version: 2, painAverage: 3, note: "second" });
    const history = await api.diary.history({ id: first.id });
    expect(history.map((v) => [v.version, v.painAverage, v.note])).toEqual([
      [2, 3, "second"],
      [1, 6, "first"],
    ]);
    expect(await entriesOf(patient)).toBe(1);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "diary.correct"), eq(auditEvents.targetId, first.id)));
    expect(audit).toMatchObject({ patientId: patient.id, details: { version: 2 } });
    // The assessment uses the corrected value.
    const { assessment } = (await api.diary.chart({})) ?? {};
    expect(assessment?.lastEntryDate).toBe(today);
  });

  it("refuses a correction of an outdated version, but not a repeat of the same correction", async () => {
    const { api } = await patientWithProcedure();
    const { entry: first } = await api.diary.add(entry({ painAverage: 6 }));
    const correction = { ...entry({ painAverage: 5 }), id: first.id, version: 1 };
    const [a, b] = await Promise.all([
      api.diary.correct(correction),
      api.diary.correct(correction),
    ]);
    expect(a).toEqual(b);
    expect(a.version).toBe(2);

    const stale = await failure(
      api.diary.correct({ ...entry({ painAverage: 2 }), id: first.id, version: 1 }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed after you opened it/);
    const revisions = await db
      .select()
      .from(diaryEntryRevisions)
      .where(eq(diaryEntryRevisions.entryId, first.id));
    expect(revisions.map((r) => r.version)).toEqual([1]);
  });

  it("refuses a correction that changes nothing, bad input, and entries older than 7 days", async () => {
    const { patient, procedure, api } = await patientWithProcedure();
    const { entry: first } = await api.diary.add(entry());
    const same = await failure(api.diary.correct({ ...entry(), id: first.id, version: 1 }));
    expect(same.message).toMatch(/Nothing has changed/);
    const bad = await failure(
      api.diary.correct({ ...entry({ painAverage: 11 }), id: first.id, version: 1 }),
    );
    expect(Object.keys(fieldErrorsOf(bad))).toEqual(["painAverage"]);

    const [old] = await db
      .insert(diaryEntries)
      .values({
        patientId: patient.id,
        procedureId: procedure.id,
        clientId: randomUUID(),
        entryDate: addDays(today, -8),
        painAverage: 5,
      })
      .returning();
    const tooOld = await failure(
      api.diary.correct({ ...entry({ painAverage: 1 }), id: old?.id ?? "", version: 1 }),
    );
    expect(tooOld.message).toMatch(/corrected for 7 days/);
    expect((await api.diary.get({ id: old?.id ?? "" })).correctable).toBe(false);
  });
});

describe("reads", () => {
  it("lists entries newest first, paginated", async () => {
    const { api } = await patientWithProcedure(30);
    for (const back of [3, 0, 5, 1]) {
      await api.diary.add(entry({ entryDate: addDays(today, -back), painAverage: back }));
    }
    const page1 = await api.diary.list({ page: 1, pageSize: 3 });
    expect(page1.total).toBe(4);
    expect(page1.rows.map((r) => r.entryDate)).toEqual([0, 1, 3].map((b) => addDays(today, -b)));
    const page2 = await api.diary.list({ page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.entryDate)).toEqual([addDays(today, -5)]);
  });

  it("summarises the home and the chart from the outcome engine", async () => {
    const { procedure, api } = await patientWithProcedure(35);
    for (let back = 0; back < 5; back++) {
      await api.diary.add(entry({ entryDate: addDays(today, -back), painAverage: 4 }));
    }
    const home = await api.diary.home();
    expect(home).toMatchObject({
      today,
      procedure: { id: procedure.id, performedOn: procedure.performedOn },
      todayEntry: { entryDate: today, painAverage: 4 },
      dueCheckIn: null,
      assessment: {
        day: 35,
        phase: "established",
        category: "substantial",
        currentPain: 4,
        reductionPct: 50,
        baselinePain: 8,
      },
    });
    // The patient's view carries no provider flags or suggestions.
    expect(home.assessment).not.toHaveProperty("flags");
    expect(home.assessment).not.toHaveProperty("suggestions");
    expect(home.procedure).not.toHaveProperty("notes");

    const chart = await api.diary.chart({});
    expect(chart).toMatchObject({
      baseline: 8,
      performedOn: procedure.performedOn,
      asOf: today,
    });
    expect(chart?.points).toHaveLength(5);
    // Interference: the mean of enjoyment (3) and activity (4).
    expect(chart?.points.at(-1)).toEqual({ date: today, pain: 4, interference: 3.5 });
  });

  it("serves the home's assessment from the assessment cache, assessed again after each entry", async () => {
    const { procedure, api } = await patientWithProcedure(35);
    const fresh = async () => patientView(await assessProcedure(db, procedure, { asOf: today }));
    await api.diary.add(entry({ entryDate: addDays(today, -1), painAverage: 4 }));
    expect((await api.diary.home()).assessment).toEqual(await fresh());
    // a row changed behind the home's back is what it shows: the cache is really read
    await db
      .update(assessmentCache)
      .set({ value: sql`jsonb_set(value, '{currentPain}', '9.5')` })
      .where(
        and(eq(assessmentCache.procedureId, procedure.id), eq(assessmentCache.kind, "patient")),
      );
    expect((await api.diary.home()).assessment?.currentPain).toBe(9.5);
    // a new entry raises the procedure's data_version: the home and the chart assess it again
    await api.diary.add(entry({ entryDate: today, painAverage: 2 }));
    expect((await api.diary.home()).assessment).toEqual(await fresh());
    expect((await api.diary.chart({}))?.assessment).toEqual(await fresh());
  });

  it("still opens entries of a procedure the provider removed", async () => {
    const { procedure, api } = await patientWithProcedure(30);
    const { entry: stored } = await api.diary.add(entry());
    await db
      .update(procedures)
      .set({ deletedAt: new Date(), deletedBy: provider.id })
      .where(eq(procedures.id, procedure.id));
    expect((await api.diary.get({ id: stored.id })).entry.id).toBe(stored.id);
    expect((await api.diary.list({ page: 1, pageSize: 10 })).total).toBe(1);
    expect((await api.diary.home()).procedure).toBeNull();
    expect((await failure(api.diary.chart({ procedureId: procedure.id }))).code).toBe("NOT_FOUND");
  });

  it("has an empty home for a patient without a procedure", async () => {
    const patient = await createUser(db, "patient");
    const api = callerFor(db, patient);
    expect(await api.diary.home()).toMatchObject({
      procedure: null,
      assessment: null,
      todayEntry: null,
    });
    expect(await api.diary.chart({})).toBeNull();
    expect((await api.diary.formContext()).hasProcedure).toBe(false);
  });
});

describe("authorization", () => {
  let alice: Awaited<ReturnType<typeof patientWithProcedure>>;
  let bob: Awaited<ReturnType<typeof patientWithProcedure>>;
  let aliceEntryId: string;
  let aliceClientId: string;

  beforeEach(async () => {
    alice = await patientWithProcedure();
    bob = await patientWithProcedure();
    aliceClientId = randomUUID();
    aliceEntryId = (await alice.api.diary.add(entry({ clientId: aliceClientId }))).entry.id;
  });

  it("does not let a patient read another patient's entries or procedures by any id", async () => {
    for (const call of [
      () => bob.api.diary.get({ id: aliceEntryId }),
      () => bob.api.diary.history({ id: aliceEntryId }),
      () => bob.api.diary.chart({ procedureId: alice.procedure.id }),
      () => bob.api.diary.get({ id: alice.procedure.id }),
      () => bob.api.diary.get({ id: randomUUID() }),
    ]) {
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
    expect((await bob.api.diary.list({ page: 1, pageSize: 100 })).total).toBe(0);
    expect((await bob.api.diary.procedures()).map((p) => p.id)).toEqual([bob.procedure.id]);
    const bobHome = await bob.api.diary.home();
    expect(bobHome.procedure?.id).toBe(bob.procedure.id);
    expect(bobHome.todayEntry).toBeNull();
  });

  it("does not let a patient correct another patient's entry", async () => {
    const error = await failure(
      bob.api.diary.correct({ ...entry({ painAverage: 9 }), id: aliceEntryId, version: 1 }),
    );
    expect(error.code).toBe("NOT_FOUND");
    const [row] = await db.select().from(diaryEntries).where(eq(diaryEntries.id, aliceEntryId));
    expect(row).toMatchObject({ painAverage: 4, version: 1, patientId: alice.patient.id });
  });

  it("never returns another patient's entry for their client id", async () => {
    const { entry: bobs, created } = await bob.api.diary.add(entry({ clientId: aliceClientId }));
    expect(created).toBe(true);
    expect(bobs.id).not.toBe(aliceEntryId);
    expect(bobs.procedureId).toBe(bob.procedure.id);
  });

  it("denies providers, admins and visitors", async () => {
    const admin = await createUser(db, "admin");
    for (const actor of [provider, admin]) {
      const api = callerFor(db, actor);
      expect((await failure(api.diary.get({ id: aliceEntryId }))).code).toBe("FORBIDDEN");
      expect((await failure(api.diary.add(entry()))).code).toBe("FORBIDDEN");
    }
    expect((await failure(callerFor(db, null).diary.home())).code).toBe("UNAUTHORIZED");
    expect(await entriesOf(alice.patient)).toBe(1);
  });
});
