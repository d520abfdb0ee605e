// Diagnostic nerve blocks (docs/clinical-rules.md#diagnostic-blocks).
// Pure: no clock, no I/O. `assessBlock` judges one block from the patient's pain records after
// the injection; `confirmTarget` says whether two positive blocks confirm a target for ablation.
import type { Anesthetic } from "./pathway-vocab";
import { gte } from "./thresholds";

/** Records are read up to 24 hours after the injection. */
export const BLOCK_RECORD_LIMIT_MINUTES = 1440;
/** At least this many records within the first 8 hours, else the block is inconclusive. */
export const BLOCK_MIN_EARLY_RECORDS = 3;
export const BLOCK_EARLY_MINUTES = 480;

export type BlockRecord = {
  /** Minutes after the injection that the record describes. */
  minutesAfter: number;
  /** Pain now, 0-10. */
  pain: number;
  /** Whether the patient tried something that usually hurts. */
  activityTried?: boolean | null;
};

export type BlockInput = {
  /** Pain just before the injection, 0-10, >= 1. */
  prePain: number;
  /** Relief consistent with the agent lasts at least this many hours (a clinic setting). */
  agentMinHours: number;
  /** Relief percentage a record must reach (the policy's block threshold, e.g. 80). */
  threshold: number;
  /** In the order they were given: of two at the same minute, the later given wins. */
  records: readonly BlockRecord[];
};

export type BlockResult = "positive" | "negative" | "inconclusive";

export type BlockAssessment = {
  result: BlockResult;
  /** The highest relief percentage of any record (negative when worse); null without records. */
  peakReliefPct: number | null;
  /** The last minute of the unbroken run of relief from the first record that reached the threshold. */
  reliefUntilMinutes: number | null;
};

/** 100 * (prePain - pain) / prePain: the relief of one record, negative when pain is worse. */
export function reliefPct(prePain: number, pain: number): number {
  return (100 * (prePain - pain)) / prePain;
}

/** The records that count, one per minute (the later given wins), in order of minutes. */
export function blockRecords(records: readonly BlockRecord[]): BlockRecord[] {
  const byMinute = new Map<number, BlockRecord>();
  for (const r of records) {
    if (r.minutesAfter > 0 && r.minutesAfter <= BLOCK_RECORD_LIMIT_MINUTES) {
      byMinute.delete(r.minutesAfter); // re-insert: the later given wins
      byMinute.set(r.minutesAfter, r);
    }
  }
  return [...byMinute.values()].sort((a, b) => a.minutesAfter - b.minutesAfter);
}

export function assessBlock(input: BlockInput): BlockAssessment {
  const R = blockRecords(input.records);
  const pcts = R.map((r) => reliefPct(input.prePain, r.pain));
  const peakReliefPct = pcts.length ? Math.max(...pcts) : null;

  const early = R.filter((r) => r.minutesAfter <= BLOCK_EARLY_MINUTES).length;
  if (early < BLOCK_MIN_EARLY_RECORDS) {
    return { result: "inconclusive", peakReliefPct, reliefUntilMinutes: null };
  }

  const meets = (k: number) => gte(pcts[k] ?? Number.NEGATIVE_INFINITY, input.threshold);
  const i = pcts.findIndex((_, k) => meets(k));
  if (i < 0) return { result: "negative", peakReliefPct, reliefUntilMinutes: null };
  let j = i;
  while (j + 1 < R.length && meets(j + 1)) j++;
  const reliefUntilMinutes = R[j]?.minutesAfter ?? null;
  if (reliefUntilMinutes !== null && gte(reliefUntilMinutes, input.agentMinHours * 60)) {
    return { result: "positive", peakReliefPct, reliefUntilMinutes };
  }
  // Relief still held at the last answer: the patient stopped answering, nothing says it ended.
  const result: BlockResult = j === R.length - 1 ? "inconclusive" : "negative";
  return { result, peakReliefPct, reliefUntilMinutes };
}

// ---- Confirmation of a target for ablation ----

/** A block as the confirmation needs it: where, when (clinic-zone date), which agent, its result. */
export type JudgedBlock = {
  id: string;
  /** The clinic-zone date the block was given, "YYYY-MM-DD". */
  givenOn: string;
  region: string;
  side: string | null;
  targets: readonly string[];
  anesthetic: Anesthetic;
  /** The agent's expected minimum relief, in hours (clinic setting). */
  agentMinHours: number;
  assessment: BlockAssessment;
};

/** "Same target": same region, same side, and target sets that overlap (or are both unrecorded). */
export function sameTarget(
  a: Pick<JudgedBlock, "region" | "side" | "targets">,
  b: Pick<JudgedBlock, "region" | "side" | "targets">,
): boolean {
  if (a.region !== b.region || (a.side ?? null) !== (b.side ?? null)) return false;
  if (a.targets.length === 0 && b.targets.length === 0) return true;
  return a.targets.some((t) => b.targets.includes(t));
}

export type TargetConfirmation = {
  confirmed: boolean;
  /** The two positive blocks on different days that confirm it (the earliest such pair). */
  pair: [JudgedBlock, JudgedBlock] | null;
  /** Two agents whose relief order is reversed: the shorter-acting agent relieved longer. */
  discordant: boolean;
};

/**
 * Whether `target` (a region, side and target set, e.g. a planned or performed ablation) is
 * confirmed for ablation: two blocks at that target, on different days, each positive (their
 * assessments made at the policy's block threshold).
 */
export function confirmTarget(
  target: Pick<JudgedBlock, "region" | "side" | "targets">,
  blocks: readonly JudgedBlock[],
): TargetConfirmation {
  const positive = blocks
    .filter((b) => b.assessment.result === "positive" && sameTarget(target, b))
    .sort((a, b) => (a.givenOn < b.givenOn ? -1 : a.givenOn > b.givenOn ? 1 : 0));
  for (let x = 0; x < positive.length; x++) {
    for (let y = x + 1; y < positive.length; y++) {
      const a = positive[x] as JudgedBlock;
      const b = positive[y] as JudgedBlock;
      if (a.givenOn !== b.givenOn)
        return { confirmed: true, pair: [a, b], discordant: discordant(a, b) };
    }
  }
  return { confirmed: false, pair: null, discordant: false };
}

/** Different agents, and the one expected to act shorter gave the longer relief. */
export function discordant(a: JudgedBlock, b: JudgedBlock): boolean {
  if (a.anesthetic === b.anesthetic || a.agentMinHours === b.agentMinHours) return false;
  const [short, long] = a.agentMinHours < b.agentMinHours ? [a, b] : [b, a];
  const s = short.assessment.reliefUntilMinutes ?? 0;
  const l = long.assessment.reliefUntilMinutes ?? 0;
  return s > l;
}

// ---- In words ----

/** 15 -> "15 min", 60 -> "1 h", 90 -> "1 h 30 min". */
export function minutesWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Why a block got its result, in a sentence the review page and the PDF show. */
export function blockWhy(
  input: Omit<BlockInput, "records">,
  a: BlockAssessment,
  records: readonly BlockRecord[],
): string {
  const R = blockRecords(records);
  const early = R.filter((r) => r.minutesAfter <= BLOCK_EARLY_MINUTES).length;
  const t = `${input.threshold}%`;
  const expected = `the ${minutesWords(input.agentMinHours * 60)} the anesthetic's relief should last`;
  if (early < BLOCK_MIN_EARLY_RECORDS) {
    return `${early === 0 ? "No answers" : early === 1 ? "Only 1 answer" : `Only ${early} answers`} in the first 8 hours; at least ${BLOCK_MIN_EARLY_RECORDS} are needed.`;
  }
  if (a.reliefUntilMinutes === null) {
    return `No answer reached ${t} relief (best ${Math.round(a.peakReliefPct ?? 0)}%).`;
  }
  const until = minutesWords(a.reliefUntilMinutes);
  if (a.result === "positive")
    return `Relief of at least ${t} held until ${until}, at least ${expected}.`;
  if (a.result === "inconclusive") {
    return `Relief of at least ${t} still held at the last answer (${until}), before ${expected}.`;
  }
  return `Relief of at least ${t} ended after ${until}, before ${expected}.`;
}
