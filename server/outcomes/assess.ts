// The clinical outcome engine (docs/clinical-rules.md). Pure: no clock, no I/O; plain JSON in,
// plain JSON out. Everything that shows an outcome calls assessOutcome; nothing else
// re-implements a threshold.
import { type CheckIn, checkInSchedule } from "./check-ins";
import { addDays, dayCounter, daysBetween } from "./dates";
import { FIRST_JUDGED_DAY, gt, gte, MIN_WINDOW_ENTRIES, WINDOW_DAYS } from "./thresholds";
import {
  type Category,
  type Criteria,
  type FlagCode,
  type Location,
  locationLabel,
  type Pgic,
  type Phase,
  type ProcedureSide,
  parseLocation,
  type Quality,
  qualityLabels,
  type Region,
  type Severity,
  type Strategy,
  treatedSiteLabel,
} from "./vocab";

// ---- Input (docs/clinical-rules.md#input) ----

export type AssessmentEntry = {
  /** The day the entry describes, "YYYY-MM-DD". */
  entryDate: string;
  /** 0-10 NRS, average pain in the last 24 h. */
  painAverage: number;
  /** 0-10, mean of the PEG enjoyment and activity items. */
  interference?: number | null;
  /** Where it hurts: regions, optionally sided (`knee:left`). */
  locations: readonly Location[];
  qualities: readonly Quality[];
  siteSoreness?: boolean;
  /** PGIC answer given at a check-in (docs/clinical-rules.md#check-ins); only used for `checkIns`. */
  pgic?: Pgic | null;
};

export type AssessmentInput = {
  procedure: {
    performedOn: string;
    region: Region;
    /** The side treated; null or absent: midline or not recorded. */
    side?: ProcedureSide | null;
    /** 0-10 NRS, average over the week before; >= 1. */
    baselinePain: number;
    baselineInterference?: number | null;
    /** Where it hurt before the procedure (the treated region is implied). */
    baselineLocations?: readonly Location[];
    baselineQualities?: readonly Quality[];
  };
  entries: readonly AssessmentEntry[];
  asOf: string;
  /** Default "strict" (docs/clinical-rules.md#categories). */
  criteria?: Criteria;
};

// ---- Output ----

export type Flag = { code: FlagCode; severity: Severity; sentence: string };
export type Suggestion = { strategy: Strategy; reason: string };

/**
 * A 7-day window of history (docs/clinical-rules.md#derived-numbers): ends on a day with an entry,
 * day >= 10, >= 3 entries.
 */
export type AssessmentWindow = {
  endDate: string;
  endDay: number;
  entryCount: number;
  meanPain: number;
  reductionPoints: number;
  reductionPct: number;
  showsRelief: boolean;
};

export type Assessment = {
  performedOn: string;
  asOf: string;
  criteria: Criteria;
  /** Days from performedOn to asOf (performedOn is day 0; negative when asOf is before it). */
  day: number;
  phase: Phase;
  /** What the patient is told in this phase (docs/clinical-rules.md#phases). */
  phaseMessage: string;
  category: Category;
  success: boolean;
  baselinePain: number;
  /** Mean pain of the entries in asOf-6..asOf; null with fewer than 3 entries. */
  currentPain: number | null;
  reductionPoints: number | null;
  reductionPct: number | null;
  baselineInterference: number | null;
  currentInterference: number | null;
  functionImproved: boolean | null;
  /** Whether the current window shows relief; null when currentPain is null. */
  currentShowsRelief: boolean | null;
  peakReductionPct: number | null;
  /** End date of the last window that showed relief (the current one included from day 10). */
  reliefUntil: string | null;
  /**
   * reliefUntil - performedOn, in days. How long relief lasted only in a recurrence; otherwise how
   * long it is documented so far (docs/clinical-rules.md#relief).
   */
  reliefDurationDays: number | null;
  /** History windows, oldest first. */
  windows: AssessmentWindow[];
  /** Entries dated within asOf-6..asOf. */
  entryCountInWindow: number;
  /** Latest entry date in performedOn..asOf, or null. */
  lastEntryDate: string | null;
  flags: Flag[];
  suggestions: Suggestion[];
  /** PGIC check-ins (docs/clinical-rules.md#check-ins), answered by entries that carry `pgic`. */
  checkIns: CheckIn[];
};

// ---- Phase (docs/clinical-rules.md#phases) ----

export const phaseMessages: Record<Phase, string> = {
  early:
    "Soreness, bruising or a sunburn-like feeling at the site for 1-2 weeks is normal. Too early to judge.",
  evaluation:
    "Relief usually shows between 10 days and 3 weeks. If pain has not improved by 2 weeks, or is worse, tell your provider.",
  established: "The result of the procedure is now clear.",
  regeneration_window:
    "Treated nerves can regrow; pain may return 6-12 months after the procedure.",
  late: "Beyond the usual window of relief.",
};

/** Phase by day; a day before the procedure (negative) counts as early. */
export function phaseForDay(day: number): Phase {
  if (day <= 9) return "early";
  if (day <= 21) return "evaluation";
  if (day <= 179) return "established";
  if (day <= 365) return "regeneration_window";
  return "late";
}

// ---- Numbers in sentences (comparisons and window sizes: ./thresholds.ts) ----

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** One decimal for sentences: 29.1666 -> "29.2", 7 -> "7". */
const fmt = (n: number) => String(Math.round(n * 10) / 10 + 0);
const points = (n: number) => `${fmt(n)} point${fmt(n) === "1" ? "" : "s"}`;

/**
 * What of an entry the assessment reads beyond its date, pain, interference, site soreness and PGIC
 * answer: its locations only when it is dated within the LOCATION_WINDOW_DAYS days ending at asOf
 * (PAIN_SHIFT), and its qualities only when they include one of NEUROPATHIC_QUALITIES. A caller
 * that loads many diaries at once (the caseload) may leave the rest out (empty arrays): the
 * assessment is the same, and a test holds the engine to that.
 */
export const LOCATION_WINDOW_DAYS = 14;
export const NEUROPATHIC_QUALITIES = ["burning", "tingling"] as const satisfies readonly Quality[];

// Multiple entries on the same date each count as an entry (in window counts, means and flag
// counts). The app stores one current entry per date, so this only matters for raw input; it
// keeps the function simple and deterministic.

function showsRelief(baselinePain: number, meanPain: number): boolean {
  const points = baselinePain - meanPain;
  return gte((100 * points) / baselinePain, 30) || gte(points, 2);
}

/** Index of the first day after `day` in ascending `days`. */
function firstAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? Number.POSITIVE_INFINITY) > day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A 7-day window made of the entries `from..to` (exclusive) of the entries sorted by day; null
 * with fewer than 3 entries. The mean adds the entries in that order, as `mean` would.
 */
function windowStats(
  baselinePain: number,
  entries: readonly AssessmentEntry[],
  from: number,
  to: number,
) {
  const count = to - from;
  if (count < MIN_WINDOW_ENTRIES) return null;
  let sum = 0;
  for (let i = from; i < to; i++) sum += entries[i]?.painAverage ?? 0;
  const meanPain = sum / count;
  const reductionPoints = baselinePain - meanPain;
  return {
    meanPain,
    reductionPoints,
    reductionPct: (100 * reductionPoints) / baselinePain,
    showsRelief: showsRelief(baselinePain, meanPain),
  };
}

/**
 * The entries dated day 0..a last day, sorted by day, with their days (`days[i]` is the day of
 * `entries[i]`) and their history windows.
 */
type Prepared = {
  entries: readonly AssessmentEntry[];
  days: readonly number[];
  windows: AssessmentWindow[];
};

/**
 * Dates and sorts the entries dated day 0..`lastDay` and computes their history windows (end on a
 * day with an entry, >= 10, with >= 3 entries). A window only looks back 7 days, so the windows
 * for an earlier asOf are a prefix of these. Performance matters here (the caseload assesses every
 * patient at once): entries that are all in range and in date order are used as they are, with no
 * copy and no sort.
 */
function prepare(input: AssessmentInput, lastDay: number): Prepared {
  const { performedOn, baselinePain } = input.procedure;
  const dayOf = dayCounter(performedOn);
  const all = input.entries;
  const allDays = all.map((e) => dayOf(e.entryDate));
  let inRange = true;
  let sorted = true;
  allDays.forEach((d, i) => {
    if (d < 0 || d > lastDay) inRange = false;
    if (i > 0 && d < (allDays[i - 1] ?? d)) sorted = false;
  });
  let entries: readonly AssessmentEntry[] = all;
  let days: readonly number[] = allDays;
  if (!inRange || !sorted) {
    const kept = allDays.flatMap((d, i) => (d >= 0 && d <= lastDay ? [i] : []));
    // stable: entries of the same day keep their order
    if (!sorted) kept.sort((a, b) => (allDays[a] ?? 0) - (allDays[b] ?? 0));
    entries = kept.map((i) => all[i] as AssessmentEntry);
    days = kept.map((i) => allDays[i] ?? 0);
  }

  const windows: AssessmentWindow[] = [];
  // Each day with an entry once, in order: at the last entry of that day. The window's first
  // entry only moves forward as its end does.
  let from = 0;
  days.forEach((day, i) => {
    if (day < FIRST_JUDGED_DAY || days[i + 1] === day) return;
    while ((days[from] ?? day) <= day - WINDOW_DAYS) from++;
    const stats = windowStats(baselinePain, entries, from, i + 1);
    if (stats) {
      windows.push({
        endDate: entries[i]?.entryDate ?? "",
        endDay: day,
        entryCount: i + 1 - from,
        meanPain: stats.meanPain,
        reductionPoints: stats.reductionPoints,
        reductionPct: stats.reductionPct,
        showsRelief: stats.showsRelief,
      });
    }
  });
  return { entries, days, windows };
}

export function assessOutcome(input: AssessmentInput): Assessment {
  const day = daysBetween(input.procedure.performedOn, input.asOf);
  return assessPrepared(input, prepare(input, day), input.asOf, day);
}

/**
 * The flags raised as of each of `dates`: the same as assessOutcome's flags with that asOf, for the
 * cost of preparing the entries once and without the rest of the assessment. Used to tell whether
 * a flag was raised on every day of a period (flag acknowledgements).
 */
export function flagsOnDates(
  input: Omit<AssessmentInput, "asOf">,
  dates: readonly string[],
): Flag[][] {
  const dayOf = dayCounter(input.procedure.performedOn);
  const days = dates.map(dayOf);
  const prepared = prepare({ ...input, asOf: "" }, Math.max(...days));
  return dates.map((asOf, i) => evaluate({ ...input, asOf }, prepared, days[i] ?? 0).flags);
}

function assessPrepared(
  input: AssessmentInput,
  prepared: Prepared,
  asOf: string,
  day: number,
): Assessment {
  const c = evaluate(input, prepared, day);
  const answered: string[] = [];
  for (let i = 0; i < c.upTo; i++) {
    const e = prepared.entries[i];
    if (e && e.pgic != null) answered.push(e.entryDate);
  }
  return {
    performedOn: c.performedOn,
    asOf,
    criteria: c.criteria,
    day,
    phase: c.phase,
    phaseMessage: phaseMessages[c.phase],
    category: c.category,
    success: c.success,
    baselinePain: c.baselinePain,
    currentPain: c.currentPain,
    reductionPoints: c.reductionPoints,
    reductionPct: c.reductionPct,
    baselineInterference: c.baselineInterference,
    currentInterference: c.currentInterference,
    functionImproved: c.functionImproved,
    currentShowsRelief: c.currentShowsRelief,
    peakReductionPct: c.peakReductionPct,
    reliefUntil: c.reliefUntil,
    reliefDurationDays: c.reliefDurationDays,
    windows: prepared.windows.slice(0, c.windowCount),
    entryCountInWindow: c.entryCountInWindow,
    lastEntryDate: c.lastEntryDate,
    flags: c.flags,
    suggestions: suggest(c, input.procedure.region),
    checkIns: checkInSchedule(c.performedOn, asOf, answered),
  };
}

/** Everything of the assessment up to the flags, as of `day` (the entries up to index `upTo`). */
function evaluate(input: AssessmentInput, prepared: Prepared, day: number) {
  const { procedure } = input;
  const { performedOn, baselinePain, region } = procedure;
  const criteria: Criteria = input.criteria ?? "strict";
  const baselineInterference = procedure.baselineInterference ?? null;

  // Entries before performedOn or after asOf are ignored.
  // The entries up to asOf are entries[0..upTo), without a copy; days[i] is the day of entries[i].
  const upTo = firstAfter(prepared.days, day);
  const { entries, days } = prepared;
  const last = upTo > 0 ? entries[upTo - 1] : undefined;
  const lastEntryDate = last ? last.entryDate : null;

  // Current window: asOf-6 .. asOf.
  const currentEntries = entries.slice(firstAfter(days, day - WINDOW_DAYS), upTo);
  const currentStats = windowStats(baselinePain, currentEntries, 0, currentEntries.length);
  const currentPain = currentStats?.meanPain ?? null;
  const reductionPoints = currentStats?.reductionPoints ?? null;
  const reductionPct = currentStats?.reductionPct ?? null;
  const currentShowsRelief = currentStats?.showsRelief ?? null;
  const interferences = currentEntries
    .map((e) => e.interference)
    .filter((x): x is number => typeof x === "number");
  const currentInterference = interferences.length > 0 ? mean(interferences) : null;
  const functionImproved =
    baselineInterference === null || currentInterference === null
      ? null
      : gte(baselineInterference - currentInterference, 1);

  // History windows ending on or before asOf.
  let windowCount = prepared.windows.length;
  while (windowCount > 0 && (prepared.windows[windowCount - 1]?.endDay ?? 0) > day) windowCount--;
  const windows =
    windowCount === prepared.windows.length
      ? prepared.windows
      : prepared.windows.slice(0, windowCount);
  // The current window joins peak and relief-until from day 10 (docs/clinical-rules.md#relief).
  const judged =
    day >= FIRST_JUDGED_DAY && currentStats
      ? [
          {
            endDay: day,
            reductionPct: currentStats.reductionPct,
            showsRelief: currentStats.showsRelief,
          },
        ]
      : [];
  let peakReductionPct: number | null = null;
  let reliefDurationDays: number | null = null;
  for (const list of [windows, judged]) {
    for (const w of list) {
      peakReductionPct = Math.max(peakReductionPct ?? Number.NEGATIVE_INFINITY, w.reductionPct);
      if (w.showsRelief) reliefDurationDays = Math.max(reliefDurationDays ?? 0, w.endDay);
    }
  }
  const reliefUntil = reliefDurationDays === null ? null : addDays(performedOn, reliefDurationDays);

  // docs/clinical-rules.md#categories: first rule that matches wins. "Earlier" windows are history
  // windows ending before asOf.
  const earlierRelief = windows.some((w) => w.endDay < day && w.showsRelief);
  let category: Category;
  if (day < FIRST_JUDGED_DAY) category = "too_early";
  else if (currentPain === null || reductionPoints === null || reductionPct === null)
    category = "insufficient_data";
  else if (earlierRelief && !currentShowsRelief) category = "recurrence";
  else if (gte(currentPain - baselinePain, 1)) category = "worse";
  else if (gte(reductionPct, 50)) category = "substantial";
  else if (gte(reductionPct, 30) || gte(reductionPoints, 2)) category = "moderate";
  else if (gt(reductionPoints, 0)) category = "minimal";
  else category = "no_change";

  const functionOk = functionImproved !== false;
  const success =
    criteria === "strict"
      ? category === "substantial" && functionOk
      : (category === "substantial" || category === "moderate") && functionOk;

  // ---- Flags (docs/clinical-rules.md#flags), in the table's order ----
  const flags: Flag[] = [];
  const painNow = currentPain === null ? "" : `${fmt(currentPain)}/10`;

  if (day >= 14 && currentPain !== null && gte(currentPain - baselinePain, 1)) {
    flags.push({
      code: "WORSE_THAN_BASELINE",
      severity: "high",
      sentence: `At day ${day}, pain averages ${painNow} over the last 7 days, ${points(currentPain - baselinePain)} above the baseline of ${fmt(baselinePain)}/10.`,
    });
  }
  // One fact, one flag: a patient who is worse gets WORSE_THAN_BASELINE alone.
  if (day >= 14 && (category === "minimal" || category === "no_change")) {
    const change =
      reductionPct !== null && gt(reductionPct, 0)
        ? `a reduction of only ${fmt(reductionPct)}%`
        : "no reduction";
    flags.push({
      code: "NO_IMPROVEMENT",
      severity: "warning",
      sentence: `At day ${day}, pain averages ${painNow} against a baseline of ${fmt(baselinePain)}/10 (${change}); the expected relief has not appeared.`,
    });
  }
  if (category === "recurrence") {
    flags.push({
      code: "RECURRENCE",
      severity: "warning",
      sentence: `Relief lasted ${reliefDurationDays} days (until ${reliefUntil}, peak reduction ${fmt(peakReductionPct ?? 0)}%); at day ${day} pain averages ${painNow} against a baseline of ${fmt(baselinePain)}/10.`,
    });
  }

  const isNew = newLocationTest(procedure);
  const shiftEntries = entries.filter(
    (e, i) =>
      i < upTo &&
      (days[i] ?? 0) >= FIRST_JUDGED_DAY &&
      (days[i] ?? 0) > day - LOCATION_WINDOW_DAYS &&
      e.locations.some(isNew),
  );
  if (shiftEntries.length >= 2) {
    const newLocations = [...new Set(shiftEntries.flatMap((e) => e.locations.filter(isNew)))];
    const treated = treatedSiteLabel(region, procedure.side ?? null);
    flags.push({
      code: "PAIN_SHIFT",
      severity: "warning",
      sentence: `${shiftEntries.length} entries in the last 14 days report pain in a new location (${newLocations.map(locationLabel).join(", ")}), outside the treated region (${treated}) and the baseline locations.`,
    });
  }

  const baselineQualities = new Set<Quality>(procedure.baselineQualities ?? []);
  const newNeuropathic = NEUROPATHIC_QUALITIES.filter((q) => !baselineQualities.has(q));
  const neuroEntries = entries.filter(
    (e, i) =>
      i < upTo &&
      (days[i] ?? 0) >= 14 &&
      e.qualities.some((q) => (newNeuropathic as readonly Quality[]).includes(q)),
  );
  if (neuroEntries.length >= 2) {
    const reported = newNeuropathic.filter((q) =>
      neuroEntries.some((e) => e.qualities.includes(q)),
    );
    flags.push({
      code: "NEW_NEUROPATHIC_SYMPTOMS",
      severity: "warning",
      sentence: `${neuroEntries.length} entries from day 14 on report ${reported.map((q) => qualityLabels[q].toLowerCase()).join(" and ")}, not present at baseline.`,
    });
  }

  const soreEntries = entries.filter(
    (e, i) => i < upTo && (days[i] ?? 0) >= 15 && e.siteSoreness === true,
  );
  if (soreEntries.length >= 2) {
    flags.push({
      code: "PROLONGED_SITE_SORENESS",
      severity: "info",
      sentence: `${soreEntries.length} entries from day 15 on report soreness at the treated site, beyond the usual 1-2 weeks.`,
    });
  }

  const entryCountInWindow = currentEntries.length;
  if (day >= 7 && day <= 365 && entryCountInWindow === 0) {
    flags.push({
      code: "DIARY_LAPSED",
      severity: "info",
      sentence:
        lastEntryDate === null
          ? `No diary entries since the procedure (day ${day}).`
          : `No diary entry in the last 7 days (day ${day}); the last entry is dated ${lastEntryDate}.`,
    });
  }

  return {
    performedOn,
    criteria,
    phase: phaseForDay(day),
    category,
    success,
    baselinePain,
    currentPain,
    reductionPoints,
    reductionPct,
    baselineInterference,
    currentInterference,
    functionImproved,
    currentShowsRelief,
    peakReductionPct,
    reliefUntil,
    reliefDurationDays,
    windowCount,
    upTo,
    entryCountInWindow,
    lastEntryDate,
    flags,
    day,
  };
}

/**
 * Whether a location is new: neither treated nor in the baseline
 * (docs/clinical-rules.md#locations-and-sides). A location is treated when its region is the
 * treated one and either side is missing, the procedure is bilateral, or the sides are equal; it is
 * in the baseline when a baseline location has its region and either side is missing or the sides
 * are equal. Remembers each answer: a diary repeats the same few locations.
 */
function newLocationTest(procedure: AssessmentInput["procedure"]): (l: Location) => boolean {
  const side = procedure.side ?? null;
  const baseline = (procedure.baselineLocations ?? []).map(parseLocation);
  const known = new Map<Location, boolean>();
  return (location) => {
    let answer = known.get(location);
    if (answer === undefined) {
      const l = parseLocation(location);
      const treated =
        l.region === procedure.region &&
        (l.side === null || side === null || side === "bilateral" || l.side === side);
      const inBaseline = baseline.some(
        (b) => b.region === l.region && (b.side === null || l.side === null || b.side === l.side),
      );
      answer = !treated && !inBaseline;
      known.set(location, answer);
    }
    return answer;
  };
}

type Evaluation = ReturnType<typeof evaluate>;

/**
 * The joint-specific options after an ablation that did not help, by treated region
 * (docs/clinical-rules.md#suggestions).
 */
const regionSuggestions: Record<Region, Array<{ strategy: Strategy; reason: string }>> = {
  cervical: spinal("Neck"),
  thoracic: spinal("Mid-back"),
  lumbar: spinal("Low back"),
  sacroiliac: [
    {
      strategy: "sacroiliac_joint_injection",
      reason: "Sacroiliac pain: a sacroiliac joint injection, diagnostic and therapeutic.",
    },
  ],
  knee: joint("Knee"),
  hip: joint("Hip"),
  shoulder: joint("Shoulder"),
  other: [],
};

function spinal(pain: string) {
  return [
    {
      strategy: "facet_joint_injection" as const,
      reason: `${pain} pain: facet joint injection, diagnostic and therapeutic.`,
    },
    {
      strategy: "epidural_steroid_injection" as const,
      reason: `${pain} pain: epidural steroid injection, especially for radiating pain.`,
    },
  ];
}

function joint(name: string) {
  return [
    {
      strategy: "intra_articular_injection" as const,
      reason: `${name} pain: an injection into the joint itself, for pain from inside the joint.`,
    },
    {
      strategy: "peripheral_nerve_stimulation" as const,
      reason: `${name} pain: peripheral nerve stimulation is an option when ablation fails.`,
    },
  ];
}

/** docs/clinical-rules.md#suggestions: the suggestions for an evaluation, in order. */
function suggest(c: Evaluation, region: Region): Suggestion[] {
  const {
    category,
    day,
    success,
    criteria,
    reductionPct,
    reductionPoints,
    reliefDurationDays,
    flags,
    entryCountInWindow,
  } = c;
  const suggestions: Suggestion[] = [];
  const add = (strategy: Strategy, reason: string) => {
    if (!suggestions.some((s) => s.strategy === strategy)) suggestions.push({ strategy, reason });
  };
  const pctText = reductionPct === null ? "" : `${fmt(reductionPct)}%`;

  if (category === "too_early") {
    add(
      "continue_monitoring",
      `Day ${day}: too early to judge; relief usually shows between 10 days and 3 weeks.`,
    );
  } else if (category === "insufficient_data") {
    add(
      "continue_monitoring",
      `Fewer than 3 diary entries in the last 7 days (${entryCountInWindow}); encourage the patient to keep the diary.`,
    );
  } else if (success) {
    add(
      "continue_monitoring",
      `Meets the ${criteria} success criteria (pain reduced by ${pctText}); keep monitoring for recurrence.`,
    );
  } else if (category === "substantial") {
    add(
      "physical_therapy",
      `Pain is reduced by ${pctText} but function has not improved by at least 1 point; rehabilitation can turn relief into function.`,
    );
    add(
      "continue_monitoring",
      "Relief is substantial; review function again at the next check-in.",
    );
  } else if (category === "moderate") {
    add(
      "repeat_ablation",
      `Partial relief (${pctText}, ${points(reductionPoints ?? 0)}); a repeat ablation may give a more complete lesion.`,
    );
    add("physical_therapy", "Rehabilitation to build on the partial relief.");
    add("medication_adjustment", "Adjust medication to cover the remaining pain.");
  } else if (category === "recurrence") {
    add(
      "repeat_ablation",
      day >= 180
        ? `Relief lasted ${reliefDurationDays} days and pain returned by day ${day}, within the usual 6-12 month interval in which treated nerves regrow; a repeat ablation often works again.`
        : `Relief lasted ${reliefDurationDays} days and pain returned by day ${day}, earlier than the usual 6-12 month interval of nerve regrowth; consider incomplete ablation or another pain source before repeating.`,
    );
    add("physical_therapy", "Rehabilitation while the pain has returned.");
    add("medication_adjustment", "Cover the returned pain while the next step is planned.");
  } else {
    const state =
      category === "worse"
        ? "worse than baseline"
        : category === "minimal"
          ? `reduced by only ${pctText}`
          : "unchanged from baseline";
    add(
      "re_evaluation",
      `Pain is ${state} at day ${day}; review the diagnosis (imaging, diagnostic blocks) before further procedures.`,
    );
    add("physical_therapy", "Rehabilitation for pain the ablation did not relieve.");
    add("medication_adjustment", "Review pain medication, including nerve-specific medications.");
    for (const s of regionSuggestions[region]) add(s.strategy, s.reason);
    add("psychological_support", "Persistent pain: pain psychology helps coping and function.");
  }
  if (flags.some((f) => f.code === "PAIN_SHIFT")) {
    add(
      "re_evaluation",
      "Pain is reported in a new location, which suggests a new pain generator; re-evaluate.",
    );
  }
  if (flags.some((f) => f.code === "NEW_NEUROPATHIC_SYMPTOMS")) {
    add(
      "medication_adjustment",
      "New burning or tingling suggests neuropathic pain; consider nerve-specific medication.",
    );
  }

  return suggestions;
}
