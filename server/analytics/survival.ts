// Kaplan-Meier with Greenwood's variance, the median with its interval, the number at risk, and
// the log-rank test across k groups (Kalbfleisch & Prentice; Klein & Moeschberger, ch. 4 and 7).
// Pure. Ties as in the textbook: at a time with both, events happen before censorings, so a
// subject censored at t is still at risk at t.
import { chiSquareTail, Z95 } from "./distributions";

export type Observation = {
  /** Time to the event or to censoring (>= 0). */
  time: number;
  /** true: the event happened at `time`; false: censored at `time`. */
  event: boolean;
};

export type KmStep = {
  time: number;
  /** Subjects still at risk just before `time` (time >= this time). */
  atRisk: number;
  events: number;
  censored: number;
  /** S(t): the estimate from this time on. */
  survival: number;
  /** Greenwood's standard error of S(t). */
  stdErr: number;
  /** 95% interval of S(t), on the log(-log) scale (stays within 0..1). */
  lower: number;
  upper: number;
};

export type Median = {
  /** First time the curve is at or below 0.5; null if it never is. */
  estimate: number | null;
  /** First time the interval's lower limit is at or below 0.5. */
  lower: number | null;
  /**
   * First time the interval's upper limit is at or below 0.5; null: not reached. Never a time
   * where the curve reaches 0: the interval is not defined there (log(-log 0)), so an upper limit
   * that gets to 0.5 only by the last subject's event never crossed (R's survfit: NA).
   */
  upper: number | null;
};

export type KaplanMeier = {
  n: number;
  events: number;
  /** One step per distinct time (events or censorings), in time order. */
  steps: KmStep[];
  median: Median;
};

/** Distinct times in order, with the events and censorings at each. */
function tally(observations: readonly Observation[]) {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const o of observations) {
    if (!(Number.isFinite(o.time) && o.time >= 0)) throw new RangeError("time must be >= 0");
    const t = byTime.get(o.time) ?? { events: 0, censored: 0 };
    if (o.event) t.events++;
    else t.censored++;
    byTime.set(o.time, t);
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

/** The Kaplan-Meier estimate with Greenwood standard errors and log(-log) 95% intervals. */
export function kaplanMeier(observations: readonly Observation[], z = Z95): KaplanMeier {
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0; // sum of d / (n (n - d))
  let events = 0;
  const steps: KmStep[] = [];
  for (const [time, t] of tally(observations)) {
    if (t.events > 0) {
      survival *= 1 - t.events / atRisk;
      greenwood += atRisk > t.events ? t.events / (atRisk * (atRisk - t.events)) : 0;
      events += t.events;
    }
    const { lower, upper } = logLogInterval(survival, greenwood, z);
    steps.push({
      time,
      atRisk,
      events: t.events,
      censored: t.censored,
      survival,
      stdErr: survival * Math.sqrt(greenwood),
      lower,
      upper,
    });
    atRisk -= t.events + t.censored;
  }
  return { n: observations.length, events, steps, median: median(steps) };
}

/** S^exp(±z·se) with se the standard error of log(-log S) (Kalbfleisch & Prentice). */
function logLogInterval(survival: number, greenwood: number, z: number) {
  if (survival >= 1) return { lower: 1, upper: 1 };
  if (survival <= 0) return { lower: 0, upper: 0 };
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
  return { lower: survival ** Math.exp(z * se), upper: survival ** Math.exp(-z * se) };
}

function median(steps: readonly KmStep[]): Median {
  const first = (value: (s: KmStep) => number, defined = (_: KmStep) => true) =>
    steps.find((s) => s.events > 0 && defined(s) && value(s) <= 0.5 + 1e-12)?.time ?? null;
  return {
    estimate: first((s) => s.survival),
    lower: first((s) => s.lower),
    upper: first(
      (s) => s.upper,
      (s) => s.survival > 0,
    ),
  };
}

export type CensorMark = {
  time: number;
  /** Where the tick sits on the curve: S(t) after the events at `time` (events come first). */
  survival: number;
  censored: number;
};

/** The censorings as ticks on the curve: one per time with a censoring, on the step there. */
export function censorMarks(steps: readonly KmStep[]): CensorMark[] {
  return steps
    .filter((s) => s.censored > 0)
    .map((s) => ({ time: s.time, survival: s.survival, censored: s.censored }));
}

/** Subjects at risk at `time`: those whose time is at or after it. */
export function numberAtRisk(observations: readonly Observation[], time: number): number {
  let n = 0;
  for (const o of observations) if (o.time >= time) n++;
  return n;
}

export type LogRank = {
  chiSquare: number;
  df: number;
  p: number;
  /** Per group: observed and expected events. */
  observed: number[];
  expected: number[];
};

/**
 * The log-rank test that k >= 2 groups have the same survival: (O - E)' V⁻¹ (O - E) over the
 * first k - 1 groups, chi-square with k - 1 degrees of freedom. Null with fewer than two groups
 * that have subjects, or when no event happened.
 */
export function logRank(groups: ReadonlyArray<readonly Observation[]>): LogRank | null {
  const k = groups.length;
  if (k < 2 || groups.some((g) => g.length === 0)) return null;
  const times = tally(groups.flat());
  const perGroup = groups.map((g) => new Map(tally(g)));
  const atRisk = groups.map((g) => g.length);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k - 1 }, () => new Array<number>(k - 1).fill(0));
  for (const [time, all] of times) {
    const n = atRisk.reduce((s, x) => s + x, 0);
    const d = all.events;
    if (d > 0) {
      const spread = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let j = 0; j < k; j++) {
        const nj = atRisk[j] ?? 0;
        observed[j] = (observed[j] ?? 0) + (perGroup[j]?.get(time)?.events ?? 0);
        expected[j] = (expected[j] ?? 0) + (d * nj) / n;
        if (j < k - 1) {
          for (let l = 0; l < k - 1; l++) {
            const nl = atRisk[l] ?? 0;
            const row = v[j] as number[];
            row[l] = (row[l] ?? 0) + (spread * nj * ((j === l ? 1 : 0) - nl / n)) / n;
          }
        }
      }
    }
    for (let j = 0; j < k; j++) {
      const t = perGroup[j]?.get(time);
      if (t) atRisk[j] = (atRisk[j] ?? 0) - t.events - t.censored;
    }
  }
  if (observed.every((o) => o === 0)) return null;
  const diff = observed.slice(0, k - 1).map((o, j) => o - (expected[j] ?? 0));
  const solved = solve(v, diff);
  if (!solved) return null;
  const chiSquare = diff.reduce((s, x, j) => s + x * (solved[j] ?? 0), 0);
  const df = k - 1;
  return { chiSquare, df, p: chiSquareTail(chiSquare, df), observed, expected };
}

/** x with A x = b (Gaussian elimination with partial pivoting); null when A is singular. */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    }
    if (Math.abs(m[pivot]?.[c] ?? 0) < 1e-12) return null;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] as number[];
      const f = (other[c] ?? 0) / (row[c] ?? 1);
      for (let j = c; j <= n; j++) other[j] = (other[j] ?? 0) - f * (row[j] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}
