import { describe, expect, it } from "vitest";
import { formatElapsed } from "./format";

describe("formatElapsed", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  it.each([
    ["2026-11-29T11:59:30Z", "less than a minute"],
    ["2026-11-29T12:00:30Z", "less than a minute"],
    ["2026-11-29T11:59:00Z", "1 minute"],
    ["2026-11-29T11:15:00Z", "45 minutes"],
    ["2026-11-29T11:00:00Z", "1 hour"],
    ["2026-11-28T12:00:01Z", "23 hours"],
    ["2026-11-28T12:00:00Z", "1 day"],
    ["2026-11-19T09:00:00Z", "10 days"],
  ])("%s is %s ago", (since, words) => {
    expect(formatElapsed(since, now)).toBe(words);
  });
});
