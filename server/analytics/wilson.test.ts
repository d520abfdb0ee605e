import { describe, expect, it } from "vitest";
import { wilson } from "./wilson";

describe("Wilson score interval", () => {
  // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score, no continuity
  // correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i: %f to %f", (successes, n, lower, upper) => {
    const p = wilson(successes, n);
    expect(p?.estimate).toBeCloseTo(successes / n, 12);
    expect(p?.lower).toBeCloseTo(lower, 4);
    expect(p?.upper).toBeCloseTo(upper, 4);
  });

  it("is symmetric, ends at 1 for all successes, and has no interval without trials", () => {
    const all = wilson(20, 20);
    expect(all?.upper).toBe(1);
    expect(all?.lower).toBeCloseTo(1 - 0.1611, 4);
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
  });
});
