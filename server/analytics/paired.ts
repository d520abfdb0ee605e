import { studentQuantileTwoSided } from "./distributions";

export type MeanDifference = {
  n: number;
  /** Mean of (after - before). */
  mean: number;
  sd: number | null;
  /** 95% interval from Student's t with n - 1 degrees of freedom; null with fewer than 2 pairs. */
  lower: number | null;
  upper: number | null;
};

/** The mean of paired differences (after - before) with its 95% t interval; null without pairs. */
export function pairedMeanDifference(
  pairs: ReadonlyArray<{ before: number; after: number }>,
): MeanDifference | null {
  const n = pairs.length;
  if (n === 0) return null;
  const diffs = pairs.map((p) => p.after - p.before);
  const mean = diffs.reduce((s, d) => s + d, 0) / n;
  if (n < 2) return { n, mean, sd: null, lower: null, upper: null };
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1));
  const half = (studentQuantileTwoSided(0.05, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, lower: mean - half, upper: mean + half };
}
