import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatElapsed,
  formatNumber,
  plural,
  zoneWords,
} from "./format";

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

// Calendar days and numbers are written out without Intl (a browser's first Intl use is a long
// task while the page starts); they must read exactly as Intl's en-GB and en-US did.
describe("formatDate, formatNumber, formatCount and plural read as Intl does", () => {
  const intlDate = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", ...options }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const days = Array.from({ length: 800 }, (_, i) =>
    new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  );

  it("every day of two years, in every style, this year and another", () => {
    const today = "2026-06-01";
    for (const iso of days) {
      const year = iso.slice(0, 4) !== "2026" ? { year: "numeric" as const } : {};
      expect(formatDate(iso, { today })).toBe(
        intlDate(iso, { day: "numeric", month: "short", ...year }),
      );
      expect(formatDate(iso, { today, weekday: "short" })).toBe(
        intlDate(iso, { weekday: "short", day: "numeric", month: "short", ...year }),
      );
      expect(formatDate(iso, { today, weekday: "long" })).toBe(
        intlDate(iso, { weekday: "long", day: "numeric", month: "long", ...year }),
      );
      expect(formatDate(iso, { today, year: true, weekday: "short" })).toBe(
        intlDate(iso, { weekday: "short", day: "numeric", month: "short", year: "numeric" }),
      );
    }
  });

  it.each([
    [0, "0"],
    [7, "7"],
    [7.25, "7.3"],
    [7.04, "7"],
    [-0.04, "0"],
    [-3.46, "-3.5"],
    [1234.56, "1,234.6"],
    [1_000_000, "1,000,000"],
  ])("formatNumber(%s) is %s", (n, shown) => {
    expect(formatNumber(n)).toBe(shown);
  });

  it("numbers from -1e7 to 1e7 as Intl wrote them", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 5000; i++) {
      const n = (next() - 0.5) * 2 * 10 ** Math.floor(next() * 8);
      const r = Math.round(n * 10) / 10 + 0;
      expect(formatNumber(n)).toBe(r.toLocaleString("en-US", { maximumFractionDigits: 1 }));
      const whole = Math.round(n) + 0;
      expect(formatCount(whole)).toBe(whole.toLocaleString("en-US"));
      expect(plural(Math.abs(whole), "entry", "entries")).toBe(
        `${Math.abs(whole).toLocaleString("en-US")} ${Math.abs(whole) === 1 ? "entry" : "entries"}`,
      );
    }
  });
});
