import { describe, expect, it } from "vitest";
import { formatDateTime, formatElapsed, zoneWords } from "./format";

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

describe("formatDateTime and zoneWords: a moment in the clinic's time zone, the zone named once", () => {
  const at = `${new Date().getUTCFullYear()}-07-02T05:30:00Z`;
  it.each([
    ["UTC", "2 Jul, 05:30", "UTC"],
    ["Europe/Berlin", "2 Jul, 07:30", "Berlin time"],
    ["America/New_York", "2 Jul, 01:30", "New York time"],
  ])("in %s: %s (%s)", (zone, shown, words) => {
    expect(formatDateTime(at, zone)).toBe(shown);
    expect(zoneWords(zone)).toBe(words);
  });
  it("gives the year of another year", () => {
    expect(formatDateTime("2024-12-31T23:30:00Z", "Europe/Berlin")).toBe("1 Jan 2025, 00:30");
  });
});
