import { describe, expect, test } from "vitest";
import { isRetryable, retryDelayMs } from "./send-policy";

describe("diary send policy", () => {
  test.each([
    [undefined, true],
    [null, true],
    [503, true],
    [502, true],
    [504, true],
    [500, false],
    [400, false],
    [401, false],
    [403, false],
    [409, false],
  ])("status %s retryable: %s", (status, expected) => {
    expect(isRetryable(status)).toBe(expected);
  });

  test("back-off doubles from 1 s and stops growing at 30 s, with ±20% jitter", () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => retryDelayMs(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(retryDelayMs(0, () => 0)).toBe(800);
    expect(retryDelayMs(0, () => 1)).toBe(1200);
  });
});
