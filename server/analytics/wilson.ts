import { Z95 } from "./distributions";

export type Proportion = {
  successes: number;
  n: number;
  /** successes / n */
  estimate: number;
  lower: number;
  upper: number;
};

/**
 * A proportion with its Wilson score interval (Wilson 1927; Newcombe 1998, method 3, without
 * continuity correction), which stays within 0..1 and behaves at 0 and n. Null when n is 0.
 */
export function wilson(successes: number, n: number, z = Z95): Proportion | null {
  if (!Number.isInteger(n) || n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    successes,
    n,
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}
