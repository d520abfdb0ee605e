// Demo clinical data: procedures and realistic pain diaries, dated relative to the clinic's today.
// The demo patient is about five weeks after a lumbar ablation and doing well; the other demo
// patients (all on the demo provider's care team) land in every category and raise every flag of
// docs/clinical-rules.md#categories and #flags, so that the provider screens have real material.
// Deterministic: the same `today` gives the same data (a seeded pseudo-random generator adds
// day-to-day variation).
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { assessOutcome } from "@/server/outcomes/assess";
import type { Imaging } from "@/server/outcomes/pathway-vocab";
import type { Location, Pgic, Quality, Region, Strategy } from "@/server/outcomes/vocab";
import { NO_TECHNIQUE, type Technique } from "@/shared/technique";
import type { Tx } from "./client";
import {
  blockRecords,
  careTeam,
  decisions,
  diagnosticBlocks,
  diaryEntries,
  diaryEntryRevisions,
  messageReads,
  messages,
  messageThreads,
  notificationPreferences,
  procedures,
  pushSubscriptions,
  repeatPolicies,
  users,
} from "./schema";

export type ClinicalSeedOptions = {
  today: string;
  providerId: string;
  /** The demo patient (patient@example.com). */
  patientId: string;
  /** The demo password's hash, computed once by the caller. */
  passwordHash: string;
};

const MS_PER_DAY = 86_400_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);

/** mulberry32: a small deterministic generator, so demo data is the same on every seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A number from a text (FNV-1a), so each procedure's diary has its own fixed variation. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

const clamp = (n: number) => Math.max(0, Math.min(10, Math.round(n)));

/** Straight line through (day, value) points; flat beyond the ends. */
function curve(points: Array<[number, number]>) {
  return (day: number): number => {
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) return 0;
    if (day <= first[0]) return first[1];
    if (day >= last[0]) return last[1];
    for (let i = 1; i < points.length; i++) {
      const [d1, v1] = points[i] as [number, number];
      const [d0, v0] = points[i - 1] as [number, number];
      if (day <= d1) return v0 + ((v1 - v0) * (day - d0)) / (d1 - d0);
    }
    return last[1];
  };
}

const MEDICATIONS = [
  "Ibuprofen 400 mg",
  "Paracetamol 1 g",
  "Naproxen 250 mg twice",
  "Paracetamol 500 mg",
  "Ibuprofen gel",
];
const NOTES = [
  "Slept badly, woke up stiff.",
  "Long walk today and felt fine.",
  "Gardening made it worse by the evening.",
  "Good day overall.",
  "Worked a full shift without stopping.",
  "Sitting in the car for two hours was hard.",
  "Did my physio exercises.",
  "Rainy and cold, more aching than usual.",
  "Played with the grandchildren in the park.",
  "Needed to lie down in the afternoon.",
];

type Diary = {
  /** Days after the procedure that have an entry (before today only where asked). */
  days: number[];
  pain: (day: number) => number;
  /** Added noise: the share of days that are one point better or worse than the curve. */
  wobble?: number;
  locations?: (day: number) => Location[];
  qualities?: (day: number) => Quality[];
  soreness?: (day: number) => boolean;
  /** PGIC answers by the day they were given. */
  pgic?: Record<number, Pgic>;
  /** Pain that eases how much enjoyment and activity suffer (PEG items track pain loosely). */
  interferenceOffset?: number;
};

type ProcedureSeed = {
  key: string;
  daysAgo: number;
  modality: "radiofrequency" | "pulsed_radiofrequency" | "cryoablation" | "chemical";
  region: Region;
  side: "left" | "right" | "bilateral" | null;
  target: string;
  /** The technique (docs/clinical-rules.md#technique); none recorded when left out. */
  technique?: Partial<Technique>;
  baselinePain: number;
  baselineInterference: number | null;
  baselineLocations?: Location[];
  baselineQualities?: Quality[];
  blockReliefPct?: number;
  notes?: string;
  repeats?: string;
  diary: Diary;
};

/** A decision recorded `daysAfter` the procedure (about a procedure of this patient). */
type DecisionSeed = {
  procedure: string;
  daysAfter: number;
  strategies: Array<{ strategy: Strategy; note: string }>;
  rationale: string;
  /** Days after the decision; null: no follow-up date. */
  followUpAfter: number | null;
};

/**
 * A diagnostic block (docs/clinical-rules.md#diagnostic-blocks) `daysAgo` at 09:00 UTC, with the
 * patient's answers: [minutes after the injection, pain now].
 */
type BlockSeed = {
  daysAgo: number;
  region: Region;
  side: "left" | "right" | "bilateral" | null;
  targets: string[];
  anesthetic: "lidocaine" | "bupivacaine" | "ropivacaine" | "other";
  prePain: number;
  answers: Array<[number, number]>;
};

/** Relief through `until` minutes, then pain back (answers at the diary's prompt minutes). */
const blockAnswers = (relieved: number, back: number, until: number): Array<[number, number]> =>
  [15, 30, 60, 120, 180, 240, 360, 480].map((m) => [m, m <= until ? relieved : back]);

type PatientSeed = {
  name: string;
  email: string | null;
  /**
   * Identity (docs/decisions/012-patient-identity-and-presentation.md): every demo patient has a
   * date of birth and an MRN.
   */
  dateOfBirth: string;
  mrn: string;
  phone?: string;
  /** The repeat-ablation policy the care team chose (a name of the migration's examples). */
  policy?: string;
  procedures: ProcedureSeed[];
  decisions?: DecisionSeed[];
  /** Diagnostic blocks before the ablation. */
  blocks?: BlockSeed[];
};

/** Every day from `from` to `to` (inclusive), leaving out `skip`. */
function daily(from: number, to: number, skip: number[] = []): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) if (!skip.includes(d)) out.push(d);
  return out;
}
/**
 * Days from `from` to `to` on the given weekdays of the procedure's week (0 = procedure weekday).
 */
function weekly(from: number, to: number, weekdays: number[]): number[] {
  return daily(from, to).filter((d) => weekdays.includes(d % 7));
}

const early = (until: number) => (d: number) => d <= until;

// Techniques of the demo ablations: conventional RF at 80 °C for 90 s with an 18 G, 10 mm tip;
// cooled RF at 60 °C for 150 s with a 17 G, 4 mm tip; cryoablation under ultrasound.
const mb = (...levels: string[]) => levels.map((l) => `medial_branch:${l}`);
const conventional = (
  targets: string[],
  lesionCount = targets.length,
  imaging: Imaging = "fluoroscopy",
): Partial<Technique> => ({
  targets,
  rfVariant: "conventional",
  lesionTempC: 80,
  lesionSeconds: 90,
  lesionCount,
  probeGauge: 18,
  activeTipMm: 10,
  imaging,
});
const cooled = (targets: string[], lesionCount = targets.length): Partial<Technique> => ({
  targets,
  rfVariant: "cooled",
  lesionTempC: 60,
  lesionSeconds: 150,
  lesionCount,
  probeGauge: 17,
  activeTipMm: 4,
  imaging: "fluoroscopy",
});
const cryo = (targets: string[], lesionCount: number): Partial<Technique> => ({
  targets,
  lesionCount,
  imaging: "ultrasound",
});

function patients(): PatientSeed[] {
  return [
    {
      // The demo patient: day 35 after a lumbar radiofrequency ablation, substantial relief.
      name: "Pat Patient",
      dateOfBirth: "1961-05-14",
      mrn: "MRN-100231",
      phone: "+44 7700 900123",
      email: null,
      procedures: [
        {
          key: "pat",
          daysAgo: 35,
          modality: "radiofrequency",
          region: "lumbar",
          side: "bilateral",
          target: "L4-L5 and L5-S1 medial branches",
          technique: conventional(mb("L3", "L4", "L5"), 6),
          baselinePain: 7,
          baselineInterference: 6.5,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching", "sharp"],
          blockReliefPct: 80,
          notes: "Two diagnostic medial branch blocks with 80% relief.",
          diary: {
            // Today, two days ago and five days ago are still open (the patient can fill them in).
            days: daily(0, 34, [6, 13, 19, 24, 27, 28, 29, 30, 33]),
            pain: curve([
              [0, 7],
              [3, 6],
              [9, 5],
              [16, 3.5],
              [22, 3],
              [35, 2.3],
            ]),
            wobble: 0.5,
            locations: () => ["lumbar"],
            qualities: (d) => (d < 14 ? ["aching", "sharp"] : ["aching"]),
            soreness: early(8),
            pgic: { 15: "much_improved" },
          },
        },
      ],
      // Plan recorded: reviewed at three weeks, follow-up in three weeks' time.
      decisions: [
        {
          procedure: "pat",
          daysAfter: 21,
          strategies: [
            { strategy: "continue_monitoring", note: "Keep the diary going; review at 8 weeks." },
            { strategy: "physical_therapy", note: "Core strengthening, 6 sessions." },
          ],
          rationale: "Substantial relief at three weeks; function improving.",
          followUpAfter: 35,
        },
      ],
    },
    {
      // Follow-up due: a knee ablation that worked; the planned follow-up was two days ago.
      name: "Helen Ward",
      dateOfBirth: "1955-08-09",
      mrn: "MRN-101348",
      email: "helen.ward@example.com",
      procedures: [
        {
          key: "helen",
          daysAgo: 95,
          modality: "cryoablation",
          region: "knee",
          side: "left",
          target: "Infrapatellar branch of the saphenous nerve",
          technique: cryo(["genicular:infrapatellar_saphenous"], 2),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["knee:left"],
          baselineQualities: ["aching"],
          diary: {
            days: [...daily(0, 30, [6, 13, 20, 27]), ...weekly(31, 95, [0, 2, 4, 6])],
            pain: curve([
              [0, 7],
              [12, 4],
              [30, 2.5],
              [95, 2],
            ]),
            wobble: 0.2,
            locations: () => ["knee:left"],
            qualities: () => ["aching"],
            soreness: early(8),
            pgic: { 14: "much_improved", 44: "much_improved", 93: "very_much_improved" },
          },
        },
      ],
      decisions: [
        {
          procedure: "helen",
          daysAfter: 60,
          strategies: [{ strategy: "continue_monitoring", note: "Check again at three months." }],
          rationale: "Substantial, lasting relief; walking without a stick.",
          followUpAfter: 33,
        },
      ],
    },
    {
      name: "Maria Gomez",
      dateOfBirth: "1958-09-02",
      mrn: "MRN-100457",
      email: "maria.gomez@example.com",
      procedures: [
        {
          key: "maria",
          daysAgo: 5,
          modality: "cryoablation",
          region: "knee",
          side: "right",
          target: "Superior lateral, superior medial and inferior medial genicular nerves",
          technique: cryo(
            ["genicular:superolateral", "genicular:superomedial", "genicular:inferomedial"],
            3,
          ),
          baselinePain: 6,
          baselineInterference: 6,
          baselineLocations: ["knee:right"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 4),
            pain: curve([
              [0, 7],
              [4, 5],
            ]),
            locations: () => ["knee:right"],
            qualities: () => ["aching", "throbbing"],
            soreness: () => true,
          },
        },
      ],
    },
    {
      // Only two entries in the last week: too few to judge. The 2-week check-in is due.
      name: "James Carter",
      dateOfBirth: "1975-01-23",
      mrn: "MRN-100512",
      email: "james.carter@example.com",
      procedures: [
        {
          key: "james",
          daysAgo: 16,
          modality: "radiofrequency",
          region: "cervical",
          side: "left",
          target: "C5-C6 medial branches",
          technique: { ...conventional(mb("C5", "C6")), activeTipMm: 5 },
          baselinePain: 6,
          baselineInterference: 5,
          baselineLocations: ["cervical"],
          baselineQualities: ["aching", "stabbing"],
          diary: {
            days: [...daily(0, 9, [4]), 12, 15],
            pain: curve([
              [0, 6],
              [10, 4],
              [16, 3.5],
            ]),
            wobble: 0.2,
            locations: () => ["cervical"],
            qualities: () => ["aching"],
            soreness: early(6),
          },
        },
      ],
    },
    {
      // Kept the diary for six weeks, then stopped: too few entries, and the diary has lapsed.
      name: "Linda Nguyen",
      dateOfBirth: "1969-11-30",
      mrn: "MRN-100618",
      phone: "+44 7700 900456",
      email: "linda.nguyen@example.com",
      procedures: [
        {
          key: "linda",
          daysAgo: 60,
          modality: "radiofrequency",
          region: "hip",
          side: "right",
          target: "Articular branches of the femoral and obturator nerves",
          technique: cooled(["articular_branch:femoral", "articular_branch:obturator"]),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["hip"],
          baselineQualities: ["aching"],
          diary: {
            days: [...daily(0, 21, [5, 12, 17]), ...weekly(22, 45, [0, 2, 4])],
            pain: curve([
              [0, 7],
              [14, 4],
              [45, 4],
            ]),
            wobble: 0.2,
            locations: () => ["hip"],
            qualities: () => ["aching"],
            soreness: early(7),
            pgic: { 14: "much_improved", 42: "much_improved" },
          },
        },
      ],
    },
    {
      // Seven months of relief after a lumbar ablation, then the pain came back.
      name: "Robert Okafor",
      dateOfBirth: "1953-07-08",
      mrn: "MRN-100733",
      email: "robert.okafor@example.com",
      procedures: [
        {
          key: "robert",
          daysAgo: 210,
          modality: "radiofrequency",
          region: "lumbar",
          side: "bilateral",
          target: "L3-L4 and L4-L5 medial branches",
          technique: cooled(mb("L3", "L4", "L5")),
          baselinePain: 8,
          baselineInterference: 7,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching", "sharp"],
          blockReliefPct: 90,
          diary: {
            days: [
              ...daily(0, 30, [9, 20, 26]),
              ...weekly(31, 180, [0, 3, 5]),
              ...weekly(181, 195, [0, 2, 4, 6]),
              ...daily(196, 210, [199, 203]),
            ],
            pain: curve([
              [0, 8],
              [12, 4],
              [25, 3],
              [150, 3],
              [175, 4],
              [195, 6],
              [205, 7],
            ]),
            wobble: 0.2,
            locations: () => ["lumbar"],
            qualities: (d) => (d > 170 ? ["aching", "sharp"] : ["aching"]),
            soreness: early(7),
            pgic: {
              14: "much_improved",
              42: "very_much_improved",
              91: "much_improved",
              182: "minimally_improved",
            },
          },
        },
      ],
    },
    {
      // Worse than before, with new burning pain.
      name: "Susan Patel",
      dateOfBirth: "1980-03-17",
      mrn: "MRN-100845",
      email: "susan.patel@example.com",
      procedures: [
        {
          key: "susan",
          daysAgo: 24,
          modality: "radiofrequency",
          region: "sacroiliac",
          side: "left",
          target: "L5 dorsal ramus and S1-S3 lateral branches",
          technique: cooled([
            "dorsal_ramus:L5",
            "lateral_branch:S1",
            "lateral_branch:S2",
            "lateral_branch:S3",
          ]),
          baselinePain: 6,
          baselineInterference: 6,
          baselineLocations: ["sacroiliac:left"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 24, [7, 11, 19]),
            pain: curve([
              [0, 7],
              [8, 6],
              [14, 7],
              [24, 8],
            ]),
            wobble: 0.15,
            locations: () => ["sacroiliac:left"],
            qualities: (d) => (d >= 13 ? ["aching", "burning"] : ["aching"]),
            soreness: early(9),
            pgic: { 14: "much_worse" },
            interferenceOffset: 1,
          },
        },
      ],
    },
    {
      // Partial relief of the knee; pain has started in the hip.
      name: "David Kim",
      dateOfBirth: "1966-12-05",
      mrn: "MRN-100902",
      email: "david.kim@example.com",
      procedures: [
        {
          key: "david",
          daysAgo: 40,
          modality: "radiofrequency",
          region: "knee",
          side: "left",
          target: "Genicular nerves (superolateral, superomedial, inferomedial)",
          technique: cooled([
            "genicular:superolateral",
            "genicular:superomedial",
            "genicular:inferomedial",
          ]),
          baselinePain: 8,
          baselineInterference: 7,
          baselineLocations: ["knee"],
          baselineQualities: ["aching", "sharp"],
          diary: {
            days: daily(0, 40, [3, 8, 16, 22, 29, 35, 38]),
            pain: curve([
              [0, 8],
              [14, 5.5],
              [40, 5],
            ]),
            wobble: 0.2,
            locations: (d) => (d >= 30 && d % 2 === 0 ? ["knee:left", "hip:left"] : ["knee:left"]),
            qualities: () => ["aching"],
            soreness: early(7),
            pgic: { 15: "minimally_improved" },
          },
        },
      ],
    },
    {
      // Little relief, and the treated site is still sore weeks later; missed the day-42 check-in.
      name: "Emily Johnson",
      dateOfBirth: "1988-06-21",
      mrn: "MRN-101014",
      email: "emily.johnson@example.com",
      procedures: [
        {
          key: "emily",
          daysAgo: 50,
          modality: "radiofrequency",
          region: "lumbar",
          side: "right",
          target: "L5-S1 medial branch",
          technique: conventional(mb("L4", "L5")),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 50, [5, 10, 18, 25, 33, 40, 46]),
            pain: curve([
              [0, 7],
              [10, 6.5],
              [50, 6.3],
            ]),
            wobble: 0.25,
            locations: () => ["lumbar"],
            qualities: () => ["aching"],
            soreness: (d) => d <= 30,
            pgic: { 14: "minimally_improved" },
          },
        },
      ],
    },
    {
      // No change at all after a thoracic ablation.
      name: "Michael Brown",
      dateOfBirth: "1971-02-11",
      mrn: "MRN-101127",
      email: "michael.brown@example.com",
      procedures: [
        {
          key: "michael",
          daysAgo: 30,
          modality: "pulsed_radiofrequency",
          region: "thoracic",
          side: "bilateral",
          target: "T7-T8 medial branches",
          baselinePain: 5,
          baselineInterference: 5,
          baselineLocations: ["thoracic"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 30, [4, 12, 21, 27]),
            pain: () => 5,
            wobble: 0.2,
            locations: () => ["thoracic"],
            qualities: () => ["aching"],
            soreness: early(5),
            pgic: { 16: "no_change" },
          },
        },
      ],
    },
    {
      // A repeat ablation: the first one gave eight months of relief; the repeat is working again.
      name: "Grace Lee",
      dateOfBirth: "1959-10-29",
      mrn: "MRN-101236",
      phone: "+44 7700 900789",
      email: "grace.lee@example.com",
      procedures: [
        {
          key: "grace-first",
          daysAgo: 420,
          modality: "radiofrequency",
          region: "lumbar",
          side: "bilateral",
          target: "L4-L5 and L5-S1 medial branches",
          technique: conventional(mb("L3", "L4", "L5"), 6),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching"],
          blockReliefPct: 85,
          diary: {
            days: [...daily(0, 21, [6, 13]), ...weekly(22, 394, [1, 4])],
            pain: curve([
              [0, 7],
              [14, 3],
              [240, 3],
              [300, 6],
              [394, 7],
            ]),
            wobble: 0.2,
            locations: () => ["lumbar"],
            qualities: () => ["aching"],
            soreness: early(7),
            pgic: { 15: "much_improved", 43: "very_much_improved", 91: "much_improved" },
          },
        },
        {
          key: "grace-repeat",
          daysAgo: 25,
          modality: "radiofrequency",
          region: "lumbar",
          side: "bilateral",
          target: "L4-L5 and L5-S1 medial branches",
          technique: cooled(mb("L3", "L4", "L5"), 6),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching"],
          repeats: "grace-first",
          notes: "Repeat after recurrence at about 8 months.",
          diary: {
            days: daily(0, 25, [3, 9, 14, 15, 16, 17, 18, 19, 20]),
            pain: curve([
              [0, 7],
              [12, 5],
              [25, 4.5],
            ]),
            wobble: 0.15,
            locations: () => ["lumbar"],
            qualities: () => ["aching"],
            soreness: early(6),
          },
        },
      ],
    },
    {
      // A right knee ablation with partial relief; since day 30 the other (left) knee hurts too:
      // "Pain in a new location" (docs/clinical-rules.md#locations-and-sides).
      name: "Thomas Reed",
      dateOfBirth: "1962-04-11",
      mrn: "MRN-101502",
      email: "thomas.reed@example.com",
      // A first block he answered only twice (inconclusive), then a positive one.
      blocks: [
        {
          daysAgo: 60,
          region: "knee",
          side: "right",
          targets: ["genicular:superolateral", "genicular:superomedial", "genicular:inferomedial"],
          anesthetic: "lidocaine",
          prePain: 7,
          answers: [
            [15, 1],
            [30, 1],
          ],
        },
        {
          daysAgo: 52,
          region: "knee",
          side: "right",
          targets: ["genicular:superolateral", "genicular:superomedial", "genicular:inferomedial"],
          anesthetic: "lidocaine",
          prePain: 7,
          answers: blockAnswers(1, 6, 180),
        },
      ],
      procedures: [
        {
          key: "thomas",
          daysAgo: 38,
          modality: "radiofrequency",
          region: "knee",
          side: "right",
          target: "Superior lateral, superior medial and inferior medial genicular nerves",
          technique: conventional(
            ["genicular:superolateral", "genicular:superomedial", "genicular:inferomedial"],
            3,
            "ultrasound",
          ),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["knee:right"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 37, [5, 12, 19, 26, 33]),
            pain: curve([
              [0, 7],
              [12, 4.5],
              [38, 4.5],
            ]),
            wobble: 0.15,
            locations: (d) => (d >= 30 ? ["knee:right", "knee:left"] : ["knee:right"]),
            qualities: () => ["aching"],
            soreness: early(6),
            pgic: { 14: "minimally_improved" },
          },
        },
      ],
    },
    {
      // A right sacroiliac ablation that changed nothing: a sacroiliac joint injection is among
      // the suggestions (docs/clinical-rules.md#suggestions).
      name: "Anna Schultz",
      dateOfBirth: "1971-10-30",
      mrn: "MRN-101617",
      email: "anna.schultz@example.com",
      procedures: [
        {
          key: "anna",
          daysAgo: 28,
          modality: "radiofrequency",
          region: "sacroiliac",
          side: "right",
          target: "L5 dorsal ramus and S1-S3 lateral branches",
          technique: conventional([
            "dorsal_ramus:L5",
            "lateral_branch:S1",
            "lateral_branch:S2",
            "lateral_branch:S3",
          ]),
          baselinePain: 6,
          baselineInterference: 5.5,
          baselineLocations: ["sacroiliac:right"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 27, [4, 9, 16, 23]),
            pain: () => 6,
            locations: () => ["sacroiliac:right"],
            qualities: () => ["aching"],
            soreness: early(5),
            pgic: { 14: "no_change" },
          },
        },
      ],
    },
    {
      // Relief from day 10, then the diary stopped at day 44: relief through that day (at least
      // 44 days so far), not "lasted 44 days" (docs/clinical-rules.md#relief).
      name: "Paul Fischer",
      dateOfBirth: "1968-06-21",
      mrn: "MRN-101733",
      email: "paul.fischer@example.com",
      procedures: [
        {
          key: "paul",
          daysAgo: 66,
          modality: "radiofrequency",
          region: "lumbar",
          side: "bilateral",
          target: "L4-L5 and L5-S1 medial branches",
          technique: conventional(mb("L3", "L4", "L5"), 6, "ct"),
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching"],
          diary: {
            days: daily(0, 44, [6, 13, 20, 27, 34, 41]),
            pain: curve([
              [0, 7],
              [10, 4],
              [44, 4],
            ]),
            wobble: 0.1,
            locations: () => ["lumbar"],
            qualities: () => ["aching"],
            soreness: early(6),
            pgic: { 14: "much_improved", 42: "much_improved" },
          },
        },
      ],
    },
    {
      // Repeat-ablation evidence (docs/decisions/030): seven months of documented relief, daily,
      // then the pain came back. The run meets the Medicare example (50% for 182 days).
      name: "Margaret Hill",
      dateOfBirth: "1957-09-30",
      mrn: "MRN-101845",
      email: "margaret.hill@example.com",
      policy: "Medicare LCD (facet joint)",
      // Two concordant positive blocks confirmed the target before the ablation.
      blocks: [
        {
          daysAgo: 290,
          region: "lumbar",
          side: "bilateral",
          targets: mb("L3", "L4", "L5"),
          anesthetic: "lidocaine",
          prePain: 8,
          answers: blockAnswers(1, 7, 120),
        },
        {
          daysAgo: 276,
          region: "lumbar",
          side: "bilateral",
          targets: mb("L3", "L4", "L5"),
          anesthetic: "bupivacaine",
          prePain: 8,
          answers: blockAnswers(1, 7, 240),
        },
      ],
      procedures: [
        {
          key: "margaret",
          daysAgo: 262,
          modality: "radiofrequency",
          region: "lumbar",
          side: "bilateral",
          target: "L3-L5 medial branches",
          technique: conventional(mb("L3", "L4", "L5"), 6),
          baselinePain: 8,
          baselineInterference: 7,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching"],
          blockReliefPct: 85,
          diary: {
            days: daily(0, 262, [17, 48, 90, 133, 171, 205, 240]),
            pain: curve([
              [0, 8],
              [9, 3],
              [218, 3],
              [236, 7],
            ]),
            wobble: 0.15,
            interferenceOffset: -1,
            locations: () => ["lumbar"],
            qualities: (d) => (d > 225 ? ["aching", "sharp"] : ["aching"]),
            soreness: early(6),
            pgic: {
              14: "much_improved",
              42: "much_improved",
              91: "much_improved",
              182: "much_improved",
            },
          },
        },
      ],
    },
    {
      // About 14 weeks of relief, then the pain came back: it meets the 12-week rule but not
      // Medicare's 6 months (docs/decisions/030), so both answers can be seen.
      name: "Daniel Ortiz",
      dateOfBirth: "1966-02-11",
      mrn: "MRN-101962",
      email: "daniel.ortiz@example.com",
      policy: "12 weeks at 50% (common commercial rule)",
      // Two positive blocks, but discordant: lidocaine relieved longer than bupivacaine.
      blocks: [
        {
          daysAgo: 228,
          region: "lumbar",
          side: "right",
          targets: mb("L4", "L5"),
          anesthetic: "lidocaine",
          prePain: 8,
          answers: blockAnswers(1, 7, 360),
        },
        {
          daysAgo: 214,
          region: "lumbar",
          side: "right",
          targets: mb("L4", "L5"),
          anesthetic: "bupivacaine",
          prePain: 8,
          answers: blockAnswers(1, 7, 180),
        },
      ],
      procedures: [
        {
          key: "daniel",
          daysAgo: 200,
          modality: "radiofrequency",
          region: "lumbar",
          side: "right",
          target: "L4-L5 medial branches",
          technique: cooled(mb("L4", "L5")),
          baselinePain: 8,
          baselineInterference: 7,
          baselineLocations: ["lumbar"],
          baselineQualities: ["aching"],
          blockReliefPct: 80,
          diary: {
            days: [...daily(0, 130, [23, 61]), ...weekly(131, 200, [0, 2, 4, 6])],
            pain: curve([
              [0, 8],
              [9, 3],
              [96, 3],
              [110, 7],
            ]),
            wobble: 0.15,
            interferenceOffset: 1,
            locations: () => ["lumbar"],
            qualities: () => ["aching"],
            soreness: early(6),
            pgic: { 14: "much_improved", 42: "much_improved", 91: "much_improved" },
          },
        },
      ],
    },
  ];
}

/**
 * Creates the demo procedures, diaries and extra demo patients. Runs inside seedDemo's transaction.
 */
export async function seedClinical(tx: Tx, options: ClinicalSeedOptions): Promise<void> {
  const { today, providerId } = options;
  const seeds = patients();
  const extra = seeds.filter((p) => p.email !== null);
  const created = await tx
    .insert(users)
    .values(
      extra.map((p) => ({
        role: "patient" as const,
        name: p.name,
        email: p.email ?? "",
        dateOfBirth: p.dateOfBirth,
        mrn: p.mrn,
        phone: p.phone ?? null,
        passwordHash: options.passwordHash,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const demo = seeds.find((p) => p.email === null);
  if (demo) {
    await tx
      .update(users)
      .set({ dateOfBirth: demo.dateOfBirth, mrn: demo.mrn, phone: demo.phone ?? null })
      .where(eq(users.id, options.patientId));
  }
  await tx.insert(careTeam).values(created.map((u) => ({ providerId, patientId: u.id })));
  const policyRows = await tx
    .select({ id: repeatPolicies.id, name: repeatPolicies.name })
    .from(repeatPolicies);
  for (const p of extra.filter((x) => x.policy)) {
    const policyId = policyRows.find((r) => r.name === p.policy)?.id;
    const userId = created.find((u) => u.email === p.email)?.id;
    if (policyId && userId)
      await tx.update(users).set({ repeatPolicyId: policyId }).where(eq(users.id, userId));
  }
  const idOf = (p: PatientSeed) =>
    p.email === null ? options.patientId : (created.find((u) => u.email === p.email)?.id ?? "");

  const procedureIds = new Map<string, string>();
  const seeded = new Map<
    string,
    { procedure: ProcedureSeed; performedOn: string; rows: DiaryRow[] }
  >();
  for (const patient of seeds) {
    const patientId = idOf(patient);
    for (const p of patient.procedures) {
      const performedOn = addDays(today, -p.daysAgo);
      const [row] = await tx
        .insert(procedures)
        .values({
          patientId,
          recordedBy: providerId,
          performedBy: providerId,
          performedOn,
          modality: p.modality,
          region: p.region,
          side: p.side,
          target: p.target,
          ...NO_TECHNIQUE,
          ...p.technique,
          targets: [...(p.technique?.targets ?? [])],
          baselinePain: p.baselinePain,
          baselineInterference: p.baselineInterference,
          baselineLocations: p.baselineLocations ?? [],
          baselineQualities: p.baselineQualities ?? [],
          blockReliefPct: p.blockReliefPct ?? null,
          notes: p.notes ?? "",
          repeatsProcedureId: p.repeats ? (procedureIds.get(p.repeats) ?? null) : null,
          createdAt: new Date(`${performedOn}T16:00:00Z`),
          updatedAt: new Date(`${performedOn}T16:00:00Z`),
        })
        .returning({ id: procedures.id });
      if (!row) throw new Error("demo seed: procedure not inserted");
      procedureIds.set(p.key, row.id);
      const rows = diaryRows(p, performedOn, today, random(seedOf(p.key)));
      seeded.set(p.key, { procedure: p, performedOn, rows });
      if (rows.length > 0) {
        await tx
          .insert(diaryEntries)
          .values(rows.map((r) => ({ ...r, patientId, procedureId: row.id })));
      }
    }
  }
  for (const patient of seeds) {
    for (const b of patient.blocks ?? []) {
      const [block] = await tx
        .insert(diagnosticBlocks)
        .values({
          patientId: idOf(patient),
          givenAt: new Date(`${addDays(today, -b.daysAgo)}T09:00:00Z`),
          region: b.region,
          side: b.side,
          targets: b.targets,
          anesthetic: b.anesthetic,
          prePain: b.prePain,
          recordedBy: providerId,
        })
        .returning({ id: diagnosticBlocks.id, givenAt: diagnosticBlocks.givenAt });
      if (!block) throw new Error("demo seed: block not inserted");
      await tx.insert(blockRecords).values(
        b.answers.map(([minutesAfter, pain]) => ({
          blockId: block.id,
          clientId: randomUUID(),
          minutesAfter,
          pain,
          activityTried: minutesAfter >= 60 ? true : null,
          recordedAt: new Date(block.givenAt.getTime() + minutesAfter * 60_000),
        })),
      );
    }
  }
  await correctOneDemoEntry(tx, options, procedureIds.get("pat") ?? "");
  await seedDemoConversation(tx, options);
  await seedDemoReach(tx, options, (name) => {
    const p = seeds.find((x) => x.name === name);
    return p ? idOf(p) : null;
  });

  // Decisions, each with the assessment it was made on (the diary up to that day).
  for (const patient of seeds) {
    for (const d of patient.decisions ?? []) {
      const made = seeded.get(d.procedure);
      const procedureId = procedureIds.get(d.procedure);
      if (!made || !procedureId) throw new Error(`demo seed: no procedure ${d.procedure}`);
      const decidedOn = addDays(made.performedOn, d.daysAfter);
      const p = made.procedure;
      const snapshot = assessOutcome({
        procedure: {
          performedOn: made.performedOn,
          region: p.region,
          baselinePain: p.baselinePain,
          baselineInterference: p.baselineInterference,
          baselineLocations: p.baselineLocations ?? [],
          baselineQualities: p.baselineQualities ?? [],
        },
        entries: made.rows
          .filter((r) => r.entryDate <= decidedOn)
          .map((r) => ({
            entryDate: r.entryDate,
            painAverage: r.painAverage,
            interference: (r.enjoyment + r.activity) / 2,
            locations: r.locations,
            qualities: r.qualities,
            siteSoreness: r.siteSoreness,
            pgic: r.pgic,
          })),
        asOf: decidedOn,
      });
      await tx.insert(decisions).values({
        patientId: idOf(patient),
        procedureId,
        providerId,
        strategies: d.strategies,
        rationale: d.rationale,
        followUpOn: d.followUpAfter === null ? null : addDays(decidedOn, d.followUpAfter),
        assessmentSnapshot: snapshot as unknown as Record<string, unknown>,
        createdAt: new Date(`${decidedOn}T15:30:00Z`),
      });
    }
  }
}

type DiaryRow = ReturnType<typeof diaryRows>[number];

function diaryRows(p: ProcedureSeed, performedOn: string, today: string, rand: () => number) {
  const d = p.diary;
  const wobble = d.wobble ?? 0;
  return d.days
    .map((day) => ({ day, date: addDays(performedOn, day) }))
    .filter(({ date }) => date <= today)
    .map(({ day, date }) => {
      const r = rand();
      const noise = r < wobble / 2 ? -1 : r < wobble ? 1 : 0;
      const pain = clamp(d.pain(day) + noise);
      const offset = d.interferenceOffset ?? 0;
      const pgic = d.pgic?.[day] ?? null;
      const recordedAt = new Date(
        `${date}T${String(18 + Math.floor(rand() * 4)).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}:00Z`,
      );
      return {
        clientId: randomUUID(),
        entryDate: date,
        painAverage: pain,
        enjoyment: clamp(pain + offset - 1 + Math.floor(rand() * 2)),
        activity: clamp(pain + offset - Math.floor(rand() * 2)),
        locations: d.locations?.(day) ?? [p.region],
        qualities: d.qualities?.(day) ?? ["aching"],
        siteSoreness: d.soreness?.(day) ?? false,
        medication:
          rand() < 0.35 ? (MEDICATIONS[Math.floor(rand() * MEDICATIONS.length)] ?? "") : "",
        note: rand() < 0.18 ? (NOTES[Math.floor(rand() * NOTES.length)] ?? "") : "",
        pgic,
        checkInDay: pgic ? checkInDayOf(day) : null,
        // What brought the patient to answer (the engagement figures), the same on every seeding.
        checkInChannel: pgic
          ? (DEMO_CHANNELS[seedOf(`${p.key}:${day}`) % DEMO_CHANNELS.length] ?? "portal")
          : null,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      };
    });
}

/** Demo check-ins' channels, email and the portal the most common (as in a real clinic). */
const DEMO_CHANNELS = ["portal", "email", "push", "email", "text", "link", "portal", "kiosk"];

function checkInDayOf(day: number): number {
  return [365, 180, 90, 42, 14].find((c) => day >= c) ?? 14;
}

/** The demo patient once corrected an entry: version 2, with version 1 kept in the history. */
async function correctOneDemoEntry(tx: Tx, options: ClinicalSeedOptions, procedureId: string) {
  const date = addDays(options.today, -4);
  const [entry] = await tx
    .select()
    .from(diaryEntries)
    .where(and(eq(diaryEntries.procedureId, procedureId), eq(diaryEntries.entryDate, date)));
  if (!entry) return;
  const correctedAt = new Date(entry.createdAt.getTime() + 14 * 3_600_000);
  await tx.insert(diaryEntryRevisions).values({
    entryId: entry.id,
    version: 1,
    data: {
      entryDate: entry.entryDate,
      painAverage: Math.min(10, entry.painAverage + 2),
      enjoyment: entry.enjoyment,
      activity: entry.activity,
      locations: entry.locations,
      qualities: entry.qualities,
      siteSoreness: entry.siteSoreness,
      medication: entry.medication,
      note: "",
      pgic: entry.pgic,
      checkInDay: entry.checkInDay,
    },
    recordedBy: options.patientId,
    recordedAt: entry.createdAt,
  });
  await tx
    .update(diaryEntries)
    .set({
      version: 2,
      note: "Corrected: I had entered yesterday's pain by mistake.",
      updatedAt: correctedAt,
    })
    .where(eq(diaryEntries.id, entry.id));
}

/**
 * The demo patient's thread with the care team (docs/decisions/020-messages.md): a question at day
 * 12 and its answer the same afternoon, both read. Answered, so it leaves the review state as it
 * is.
 */
/**
 * How the demo patients are reached (docs/decisions/040-push-and-texts.md): Pat by text and on a
 * phone, Linda replied STOP to texts, Grace on her iPhone; everyone else by email (the default).
 * The demo devices' push service (.invalid) never answers: a push to them fails in the outbox.
 */
async function seedDemoReach(
  tx: Tx,
  options: ClinicalSeedOptions,
  idOf: (name: string) => string | null,
) {
  const at = (daysAgo: number) => new Date(`${addDays(options.today, -daysAgo)}T10:00:00Z`);
  const texts = [
    { name: "Pat Patient", phone: "+447700900123", consentAt: at(30), stoppedAt: null },
    { name: "Linda Nguyen", phone: "+447700900456", consentAt: at(80), stoppedAt: at(12) },
  ];
  for (const t of texts) {
    const userId = idOf(t.name);
    if (!userId) throw new Error(`demo seed: no patient ${t.name}`);
    await tx.insert(notificationPreferences).values({
      userId,
      textPhone: t.phone,
      textConsentAt: t.consentAt,
      textStoppedAt: t.stoppedAt,
    });
  }
  const devices = [
    { name: "Pat Patient", device: "Chrome on Android", createdAt: at(30) },
    { name: "Grace Lee", device: "Safari on iPhone", createdAt: at(60) },
  ];
  for (const d of devices) {
    const userId = idOf(d.name);
    if (!userId) throw new Error(`demo seed: no patient ${d.name}`);
    await tx.insert(pushSubscriptions).values({
      userId,
      endpoint: `https://push.invalid/demo/${randomUUID()}`,
      p256dh:
        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
      auth: "tBHItJI5svbpez7KI4CCXg",
      device: d.device,
      createdAt: d.createdAt,
    });
  }
}

async function seedDemoConversation(tx: Tx, options: ClinicalSeedOptions) {
  const day = addDays(options.today, -23);
  const asked = new Date(`${day}T09:12:00Z`);
  const answered = new Date(`${day}T14:40:00Z`);
  await tx.insert(messages).values([
    {
      patientId: options.patientId,
      authorId: options.patientId,
      authorRole: "patient",
      clientId: randomUUID(),
      change: "question",
      painNow: 4,
      locations: ["lumbar"],
      body: "Is it normal that my lower back still feels sore where the needles went in? It is worse after sitting for an hour.",
      createdAt: asked,
    },
    {
      patientId: options.patientId,
      authorId: options.providerId,
      authorRole: "provider",
      clientId: randomUUID(),
      body: "Yes, soreness at the treatment site is common for two to three weeks. Ice for 15 minutes and short walks between sitting help. If it gets worse, or you have a fever or redness, call the clinic.",
      createdAt: answered,
    },
  ]);
  await tx.insert(messageThreads).values({
    patientId: options.patientId,
    lastMessageAt: answered,
    awaitingSince: null,
    awaitingLatest: null,
    createdAt: asked,
  });
  await tx.insert(messageReads).values([
    { patientId: options.patientId, readerId: options.providerId, readUpTo: answered },
    { patientId: options.patientId, readerId: options.patientId, readUpTo: answered },
  ]);
}
