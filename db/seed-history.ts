// Demo history for the clinic's outcomes (issue 13): a few hundred procedures over two years,
// across modalities and regions, with repeats and the decisions made after failures, so that the
// outcomes pages show meaningful curves out of the box. Most patients are on the care teams of
// three more demo providers; a share is on the demo provider's, kept out of "Needs review" (their
// diaries run to today or past day 365 with every check-in answered, the flags they raise today
// are acknowledged, and their names sort after the demo patients'). Deterministic for a given
// today. Rows are built in memory and inserted in a few batched statements.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  type AssessmentInput,
  addDays,
  assessOutcome,
  CHECK_IN_DAYS,
  type Modality,
  type Pgic,
  type Region,
  type Strategy,
  type SuspectedFactor,
} from "@/server/outcomes";
import type { Tx } from "./client";
import {
  careTeam,
  decisions,
  diaryEntries,
  flagAcknowledgements,
  procedures,
  users,
} from "./schema";
import { random } from "./seed-clinical";

export type HistorySeedOptions = {
  today: string;
  /** The demo provider, who gets a share of the history on their care team. */
  demoProviderId: string;
  passwordHash: string;
};

/** History patients' addresses end with this (the demo patients' do not). */
export const HISTORY_EMAIL_DOMAIN = "@history.example.com";

export const HISTORY_PROVIDERS = [
  { email: "hannah.brooks@example.com", name: "Dr. Hannah Brooks" },
  { email: "omar.haddad@example.com", name: "Dr. Omar Haddad" },
  { email: "lena.fischer@example.com", name: "Dr. Lena Fischer" },
] as const;
/** Patients per additional provider, and on the demo provider's care team. */
const PER_PROVIDER = 80;
const DEMO_SHARE = 36;
/** Procedures are performed from two years ago to this many days ago. */
const NEWEST_DAYS_AGO = 21;

const FIRST_NAMES = [
  "Alice",
  "Ben",
  "Carla",
  "Dmitri",
  "Elena",
  "Farid",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Keiko",
  "Luis",
  "Mona",
  "Nils",
  "Olga",
  "Pavel",
];
/** The demo provider's history patients sort after the demo patients in the caseload. */
const LATE_FIRST_NAMES = [
  "Quentin",
  "Rosa",
  "Samir",
  "Sofia",
  "Tamsin",
  "Theo",
  "Ursula",
  "Valentin",
  "Wanda",
  "Xavier",
  "Yasmin",
  "Zora",
];
const LAST_NAMES = [
  "Abbott",
  "Baker",
  "Castro",
  "Dahl",
  "Ellis",
  "Foster",
  "Haas",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Ortiz",
  "Quinn",
  "Reyes",
  "Sato",
  "Tanaka",
  "Varga",
  "Weber",
];

type Profile = "relief" | "partial" | "none" | "worse";

/** How modalities differ in this demo clinic: chance of relief, and when pain returns. */
const MODALITY: Record<Modality, { weight: number; relief: number; returns: [number, number] }> = {
  radiofrequency: { weight: 0.5, relief: 0.68, returns: [170, 430] },
  cryoablation: { weight: 0.2, relief: 0.6, returns: [110, 300] },
  pulsed_radiofrequency: { weight: 0.15, relief: 0.45, returns: [50, 190] },
  chemical: { weight: 0.15, relief: 0.62, returns: [220, 560] },
};
const REGIONS: Array<[Region, number]> = [
  ["lumbar", 0.35],
  ["cervical", 0.14],
  ["sacroiliac", 0.12],
  ["knee", 0.18],
  ["hip", 0.1],
  ["thoracic", 0.05],
  ["shoulder", 0.06],
];
const TARGETS: Record<Region, string> = {
  lumbar: "L4-L5 and L5-S1 medial branches",
  cervical: "C5-C6 medial branches",
  sacroiliac: "L5 dorsal ramus and S1-S3 lateral branches",
  knee: "Genicular nerves",
  hip: "Articular branches of the femoral and obturator nerves",
  thoracic: "T10-T11 medial branches",
  shoulder: "Suprascapular nerve",
  other: "",
};

/** The target sets of the history's procedures, per region (two choices where clinics differ). */
const TARGET_SETS: Record<Region, string[][]> = {
  lumbar: [
    ["medial_branch:L3", "medial_branch:L4", "medial_branch:L5"],
    ["medial_branch:L4", "medial_branch:L5"],
  ],
  cervical: [
    ["medial_branch:C5", "medial_branch:C6"],
    ["third_occipital", "medial_branch:C3"],
  ],
  sacroiliac: [["dorsal_ramus:L5", "lateral_branch:S1", "lateral_branch:S2", "lateral_branch:S3"]],
  knee: [
    ["genicular:superolateral", "genicular:superomedial", "genicular:inferomedial"],
    ["genicular:superomedial", "genicular:inferomedial"],
  ],
  hip: [["articular_branch:femoral", "articular_branch:obturator"]],
  thoracic: [["medial_branch:T10", "medial_branch:T11"]],
  shoulder: [["articular_branch:suprascapular", "articular_branch:axillary"]],
  other: [[]],
};

/**
 * A procedure's technique (docs/clinical-rules.md#technique), drawn from its own random stream so
 * that the rest of the history stays as it was: radiofrequency conventional or cooled (cooled more
 * often at the knee and hip), pulsed RF at 42 °C, cryoablation and chemical ablation under imaging.
 */
function techniqueOf(modality: Modality, region: Region, r: () => number) {
  const sets = TARGET_SETS[region];
  const targets = sets[Math.floor(r() * sets.length)] ?? [];
  const lesionCount = Math.max(1, targets.length) * (region === "lumbar" && r() < 0.5 ? 2 : 1);
  const imaging = region === "knee" || region === "shoulder" ? "ultrasound" : "fluoroscopy";
  const none = { rfVariant: null, lesionTempC: null, lesionSeconds: null, probeGauge: null };
  switch (modality) {
    case "radiofrequency":
      return r() < (region === "knee" || region === "hip" ? 0.5 : 0.25)
        ? {
            targets,
            rfVariant: "cooled",
            lesionTempC: 60,
            lesionSeconds: 150,
            lesionCount,
            probeGauge: 17,
            activeTipMm: 4,
            imaging: "fluoroscopy",
          }
        : {
            targets,
            rfVariant: "conventional",
            lesionTempC: 80,
            lesionSeconds: 90,
            lesionCount,
            probeGauge: 18,
            activeTipMm: 10,
            imaging,
          };
    case "pulsed_radiofrequency":
      return {
        ...none,
        targets,
        lesionTempC: 42,
        lesionSeconds: 120,
        lesionCount,
        probeGauge: 20,
        activeTipMm: 5,
        imaging,
      };
    default:
      return { ...none, targets, lesionCount, activeTipMm: null, imaging };
  }
}

type Planned = {
  id: string;
  patientIndex: number;
  performedOn: string;
  modality: Modality;
  region: Region;
  baseline: number;
  profile: Profile;
  /** The day pain returns (relief profile). */
  returnsOn: number;
  /** The last diary day. */
  lastDay: number;
  repeatsId: string | null;
  /** The latest procedure of a demo provider's patient: no open flags, no overdue check-ins. */
  keepQuiet: boolean;
};

/** Days that close a 7-day window of three entries: the milestones, then about monthly. */
const BURSTS = [28, 42, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 365];

/**
 * The days a history patient wrote: every other day for three weeks, then three entries (every
 * other day) ending on each of BURSTS and every 30 days after a year, and every other day in the
 * last week when the diary runs to today. Fewer entries than a real diary (the seed stays fast),
 * but every 7-day window of the first weeks, every milestone and every month has three entries the
 * assessment can judge.
 */
function diaryDays(lastDay: number, toToday: boolean): number[] {
  const days = new Set<number>();
  for (let d = 0; d <= Math.min(22, lastDay); d += 2) days.add(d);
  const ends = [...BURSTS];
  for (let e = 395; e <= lastDay; e += 30) ends.push(e);
  if (!toToday) ends.push(lastDay);
  if (toToday) ends.push(lastDay, lastDay - 6);
  for (const e of ends)
    if (e <= lastDay) for (const d of [e - 4, e - 2, e]) if (d >= 0) days.add(d);
  return [...days].sort((a, b) => a - b);
}

export async function seedHistory(tx: Tx, options: HistorySeedOptions): Promise<void> {
  const { today } = options;
  const rand = random(20_261_128);
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <T>(weighted: Array<[T, number]>): T => {
    let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of weighted) {
      r -= w;
      if (r <= 0) return value;
    }
    return weighted[0]?.[0] as T;
  };
  const daysAgo = (date: string) => Math.round((Date.parse(today) - Date.parse(date)) / 86_400_000);

  const providerIds = HISTORY_PROVIDERS.map(() => randomUUID());
  await tx.insert(users).values(
    HISTORY_PROVIDERS.map((p, i) => ({
      id: providerIds[i],
      ...p,
      role: "provider" as const,
      passwordHash: options.passwordHash,
    })),
  );

  const patientCount = PER_PROVIDER * providerIds.length + DEMO_SHARE;
  const patients = Array.from({ length: patientCount }, (_, i) => {
    const demo = i >= PER_PROVIDER * providerIds.length;
    const firsts = demo ? LATE_FIRST_NAMES : FIRST_NAMES;
    const first = firsts[i % firsts.length] ?? "Alex";
    const last = LAST_NAMES[Math.floor(i / firsts.length) % LAST_NAMES.length] ?? "Smith";
    return {
      id: randomUUID(),
      providerId: demo ? options.demoProviderId : (providerIds[i % providerIds.length] ?? ""),
      demo,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}${HISTORY_EMAIL_DOMAIN}`.toLowerCase(),
      mrn: `H${String(100_001 + i)}`,
      dateOfBirth: addDays(today, -between(40 * 365, 82 * 365)),
    };
  });
  await tx.insert(users).values(
    patients.map((p) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      role: "patient" as const,
      passwordHash: options.passwordHash,
      mrn: p.mrn,
      dateOfBirth: p.dateOfBirth,
    })),
  );
  await tx
    .insert(careTeam)
    .values(patients.map((p) => ({ providerId: p.providerId, patientId: p.id })));

  // ---- Plan every procedure ----
  const planned: Planned[] = [];
  const plan = (
    patientIndex: number,
    performedOn: string,
    modality: Modality,
    region: Region,
    profile: Profile,
    repeatsId: string | null,
  ): Planned => {
    const since = daysAgo(performedOn);
    const [lo, hi] = MODALITY[modality].returns;
    const returnsOn = between(lo, hi);
    let lastDay: number;
    if (profile === "relief") {
      const returned = returnsOn + 21 <= since;
      lastDay = returned
        ? rand() < 0.7
          ? since // still keeping the diary: the recurrence shows today
          : returnsOn + between(7, 30)
        : rand() < 0.6
          ? since
          : between(Math.min(60, since), since);
    } else {
      lastDay = Math.min(since, between(50, 200));
    }
    const p: Planned = {
      id: randomUUID(),
      patientIndex,
      performedOn,
      modality,
      region,
      baseline: between(6, 8),
      profile,
      returnsOn,
      lastDay,
      repeatsId,
      keepQuiet: false,
    };
    planned.push(p);
    return p;
  };
  const modalityOf = () =>
    pick(Object.entries(MODALITY).map(([m, v]) => [m as Modality, v.weight] as [Modality, number]));
  const profileOf = (modality: Modality, quiet: boolean): Profile => {
    const relief = MODALITY[modality].relief;
    const r = rand();
    if (quiet) return r < 0.8 ? "relief" : "partial";
    return r < relief ? "relief" : r < relief + 0.15 ? "partial" : r < 0.95 ? "none" : "worse";
  };

  patients.forEach((patient, i) => {
    const modality = modalityOf();
    const region = pick(REGIONS);
    // The demo provider's patients are from the last year: their diaries run to today, so the
    // recurrences show (docs/decisions/017-outcome-statistics.md counts one only while the diary
    // shows it).
    const performedOn = addDays(today, -between(NEWEST_DAYS_AGO, patient.demo ? 372 : 730));
    // One patient in six had this procedure repeated after pain returned or relief fell short.
    const repeated = rand() < (patient.demo ? 0.12 : 0.17);
    const first = plan(
      i,
      performedOn,
      modality,
      region,
      repeated
        ? pick<Profile>([
            ["relief", 0.6],
            ["partial", 0.25],
            ["none", 0.15],
          ])
        : profileOf(modality, patient.demo),
      null,
    );
    const repeatAfter =
      first.profile === "relief" ? first.returnsOn + between(30, 90) : between(100, 200);
    const repeatOn = addDays(performedOn, repeatAfter);
    if (repeated && daysAgo(repeatOn) >= NEWEST_DAYS_AGO) {
      if (first.profile === "relief") first.returnsOn = Math.min(first.returnsOn, repeatAfter - 30);
      first.lastDay = Math.min(first.lastDay, repeatAfter - 1);
      const again = plan(
        i,
        repeatOn,
        modality,
        region,
        profileOf(modality, patient.demo),
        first.id,
      );
      again.keepQuiet = patient.demo;
    } else {
      first.keepQuiet = patient.demo;
    }
  });
  // A demo provider's patient's latest procedure: the diary runs to today, or past day 365.
  for (const p of planned) {
    if (p.keepQuiet) p.lastDay = Math.min(daysAgo(p.performedOn), 365 + between(3, 7));
  }

  // ---- Diaries ----
  type Entry = typeof diaryEntries.$inferInsert;
  const entries: Entry[] = [];
  const inputs = new Map<string, AssessmentInput>();
  for (const p of planned) {
    const patient = patients[p.patientIndex];
    if (!patient) continue;
    const b = p.baseline;
    const relief = p.profile === "relief" ? Math.round(b * (0.25 + rand() * 0.2)) : 0;
    const settled =
      p.profile === "relief"
        ? relief
        : p.profile === "partial"
          ? Math.round(b * 0.62)
          : p.profile === "none"
            ? b - between(0, 1)
            : b + 1;
    const painOn = (day: number) => {
      if (day < 10) return b - 1;
      if (day < 14) return Math.round((b - 1 + settled) / 2);
      if (p.profile !== "relief" || day < p.returnsOn) return settled;
      return Math.min(b, relief + Math.round(((day - p.returnsOn) / 14) * (b - relief)));
    };
    const answered = new Set<number>();
    const pgicOf = (day: number): Pgic | null => {
      const due = [...CHECK_IN_DAYS].reverse().find((c) => day >= c);
      if (due === undefined || answered.has(due)) return null;
      answered.add(due);
      const pain = painOn(day);
      return pain <= b * 0.5 ? "much_improved" : pain < b ? "minimally_improved" : "no_change";
    };
    const rows: Entry[] = [];
    for (const day of diaryDays(p.lastDay, p.lastDay === daysAgo(p.performedOn))) {
      const noise = rand();
      const pain = Math.max(
        0,
        Math.min(10, painOn(day) + (noise < 0.1 ? -1 : noise < 0.2 ? 1 : 0)),
      );
      const entryDate = addDays(p.performedOn, day);
      const pgic = pgicOf(day);
      rows.push({
        patientId: patient.id,
        procedureId: p.id,
        clientId: randomUUID(),
        entryDate,
        painAverage: pain,
        enjoyment: Math.max(0, Math.min(10, pain - 1 + between(0, 1))),
        activity: Math.max(0, Math.min(10, pain - between(0, 1))),
        locations: [p.region],
        qualities: ["aching"],
        siteSoreness: day < 8,
        pgic,
        checkInDay: pgic ? ([...CHECK_IN_DAYS].reverse().find((c) => day >= c) ?? null) : null,
        createdAt: new Date(`${entryDate}T19:30:00Z`),
        updatedAt: new Date(`${entryDate}T19:30:00Z`),
      });
    }
    entries.push(...rows);
    inputs.set(p.id, {
      procedure: {
        performedOn: p.performedOn,
        region: p.region,
        baselinePain: b,
        baselineInterference: b - 0.5,
        baselineLocations: [p.region],
        baselineQualities: ["aching"],
      },
      entries: rows.map((r) => ({
        entryDate: r.entryDate,
        painAverage: r.painAverage,
        interference: ((r.enjoyment ?? 0) + (r.activity ?? 0)) / 2,
        locations: [p.region],
        qualities: ["aching"],
        siteSoreness: r.siteSoreness ?? false,
      })),
      asOf: today,
    });
  }

  const techniqueRand = random(20_261_202);
  await tx.insert(procedures).values(
    planned.map((p) => {
      const patient = patients[p.patientIndex];
      const at = new Date(`${p.performedOn}T16:00:00Z`);
      return {
        id: p.id,
        patientId: patient?.id ?? "",
        recordedBy: patient?.providerId ?? "",
        performedBy: patient?.providerId ?? null,
        performedOn: p.performedOn,
        modality: p.modality,
        region: p.region,
        side:
          p.region === "knee" || p.region === "hip" || p.region === "shoulder"
            ? "right"
            : "bilateral",
        target: TARGETS[p.region],
        ...techniqueOf(p.modality, p.region, techniqueRand),
        baselinePain: p.baseline,
        baselineInterference: p.baseline - 0.5,
        baselineLocations: [p.region],
        baselineQualities: ["aching"],
        repeatsProcedureId: p.repeatsId,
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
  // One statement per 10,000 entries from a JSON parameter: several times faster than a VALUES
  // list on PGlite (decision 008 found the same for PostgreSQL).
  for (let i = 0; i < entries.length; i += 10_000) {
    const chunk = entries.slice(i, i + 10_000).map((e) => ({
      pa: e.patientId,
      pr: e.procedureId,
      d: e.entryDate,
      p: e.painAverage,
      en: e.enjoyment,
      ac: e.activity,
      l: e.locations,
      s: e.siteSoreness,
      g: e.pgic,
      c: e.checkInDay,
    }));
    await tx.execute(sql`
      insert into ${diaryEntries} (patient_id, procedure_id, client_id, entry_date, pain_average,
        enjoyment, activity, locations, qualities, site_soreness, pgic, check_in_day, created_at,
        updated_at)
      select pa, pr, gen_random_uuid(), d, p, en, ac, array(select jsonb_array_elements_text(l)),
        '{aching}', s, g, c, d + time '19:30' at time zone 'UTC', d + time '19:30' at time zone 'UTC'
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(pa uuid, pr uuid, d date,
        p smallint, en smallint, ac smallint, l jsonb, s boolean, g text, c smallint)`);
  }

  // ---- After failure: the decisions providers recorded; flags reviewed for the quiet ones ----
  const decisionRows: Array<typeof decisions.$inferInsert> = [];
  const acknowledgements: Array<typeof flagAcknowledgements.$inferInsert> = [];
  const repeated = new Map(planned.filter((p) => p.repeatsId).map((p) => [p.repeatsId, p]));
  for (const p of planned) {
    const patient = patients[p.patientIndex];
    const input = inputs.get(p.id);
    if (!patient || !input) continue;
    if (p.keepQuiet) {
      for (const flag of assessOutcome(input).flags) {
        acknowledgements.push({
          procedureId: p.id,
          patientId: patient.id,
          code: flag.code,
          asOf: today,
          note: "Reviewed at the outcome review.",
          acknowledgedBy: patient.providerId,
        });
      }
      continue;
    }
    const repeat = repeated.get(p.id);
    // Decided two weeks before the repeat, or at the last diary entry of a failure.
    const decidedDay = repeat
      ? daysAgo(p.performedOn) - daysAgo(repeat.performedOn) - 14
      : p.lastDay;
    const decidedOn = addDays(p.performedOn, decidedDay);
    if (decidedOn >= today || (!repeat && p.profile === "relief" && rand() < 0.4)) continue;
    const assessment = assessOutcome({ ...input, asOf: decidedOn });
    if (assessment.success || (!repeat && patient.demo)) continue;
    if (!repeat && rand() < 0.3) continue; // not every failure has a recorded decision
    // The injection that fits the joint (docs/clinical-rules.md#suggestions). Every spinal region
    // still draws once, so the rest of the history is generated as before.
    const spine = ["cervical", "thoracic", "lumbar", "sacroiliac"].includes(p.region);
    const injection = (): Strategy => {
      if (!spine) return "intra_articular_injection";
      const facet = rand() < 0.5;
      if (p.region === "sacroiliac") return "sacroiliac_joint_injection";
      return facet ? "facet_joint_injection" : "epidural_steroid_injection";
    };
    const choice: { strategies: Strategy[]; factors: SuspectedFactor[] } = repeat
      ? p.profile === "relief"
        ? {
            strategies: ["repeat_ablation", "medication_adjustment"],
            factors: ["nerve_regeneration"],
          }
        : { strategies: ["repeat_ablation", "physical_therapy"], factors: ["incomplete_ablation"] }
      : p.profile === "relief"
        ? { strategies: ["repeat_ablation", "physical_therapy"], factors: ["nerve_regeneration"] }
        : p.profile === "partial"
          ? {
              strategies: ["physical_therapy", "medication_adjustment"],
              factors: ["incomplete_ablation"],
            }
          : p.profile === "worse"
            ? {
                strategies: ["re_evaluation", "medication_adjustment"],
                factors: [rand() < 0.5 ? "disease_progression" : "new_pain_generator"],
              }
            : {
                strategies: [
                  "re_evaluation",
                  injection(),
                  ...(rand() < 0.3 ? (["psychological_support"] as const) : []),
                ],
                factors: [
                  rand() < 0.6
                    ? "inaccurate_diagnosis"
                    : rand() < 0.5
                      ? "non_neural_source"
                      : "individual_variability",
                ],
              };
    decisionRows.push({
      patientId: patient.id,
      procedureId: p.id,
      providerId: patient.providerId,
      suspectedFactors: choice.factors,
      strategies: choice.strategies.map((strategy) => ({ strategy, note: "" })),
      rationale: "",
      followUpOn: null,
      assessmentSnapshot: assessment as unknown as Record<string, unknown>,
      createdAt: new Date(`${decidedOn}T15:00:00Z`),
    });
  }
  if (decisionRows.length > 0) await tx.insert(decisions).values(decisionRows);
  if (acknowledgements.length > 0) await tx.insert(flagAcknowledgements).values(acknowledgements);
}
