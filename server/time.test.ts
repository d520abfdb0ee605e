import { describe, expect, it } from "vitest";
import { todayInZone, zonedInstant } from "./time";

describe("zonedInstant: a wall-clock date and time in a zone", () => {
  it.each([
    ["2026-07-01", "09:30", "Europe/Paris", "2026-07-01T07:30:00.000Z"],
    ["2026-01-15", "09:30", "Europe/Paris", "2026-01-15T08:30:00.000Z"],
    ["2026-01-15", "23:45", "America/New_York", "2026-01-16T04:45:00.000Z"],
    ["2026-03-29", "03:30", "Europe/Paris", "2026-03-29T01:30:00.000Z"],
    ["2026-10-25", "01:30", "Europe/Paris", "2026-10-24T23:30:00.000Z"],
    ["2026-06-01", "00:00", "UTC", "2026-06-01T00:00:00.000Z"],
    ["2026-06-01", "10:00", "Asia/Kolkata", "2026-06-01T04:30:00.000Z"],
  ])("%s %s in %s is %s", (date, time, zone, iso) => {
    expect(zonedInstant(date, time, zone).toISOString()).toBe(iso);
  });

  it("round-trips with todayInZone on the date", () => {
    for (const zone of ["Pacific/Auckland", "America/Los_Angeles", "Europe/London"]) {
      expect(todayInZone(zone, zonedInstant("2026-12-31", "23:59", zone))).toBe("2026-12-31");
      expect(todayInZone(zone, zonedInstant("2026-12-31", "00:00", zone))).toBe("2026-12-31");
    }
  });
});
