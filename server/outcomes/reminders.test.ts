import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { hourInZone, isQuietHour, type ReminderInput, reminderFor, sendingHour } from "./reminders";

const all = { check_in_due: true, diary_lapsed: true, daily_diary: true };
const base = (over: Partial<ReminderInput>): ReminderInput => ({
  today: "2026-03-01",
  performedOn: null,
  lastEntryDate: null,
  answeredDates: [],
  wants: { ...all, daily_diary: false },
  ...over,
});
const today = "2026-03-01";

describe("reminderFor (docs/decisions/014-invitations-reminders-notifications.md)", () => {
  it("a due check-in comes first, and not once it is answered or turned off", () => {
    const performedOn = addDays(today, -14); // day 14: the first check-in is due
    expect(reminderFor(base({ performedOn, lastEntryDate: today }))).toBe("check_in_due");
    expect(
      reminderFor(base({ performedOn, lastEntryDate: today, answeredDates: [today] })),
    ).toBeNull();
    expect(
      reminderFor(
        base({ performedOn, lastEntryDate: today, wants: { ...all, check_in_due: false } }),
      ),
    ).toBeNull();
  });

  it("the diary lapses after 3 days without an entry in the first 42 days, 7 later on", () => {
    const early = addDays(today, -25); // day 25: the day-14 check-in is no longer due
    expect(reminderFor(base({ performedOn: early, lastEntryDate: addDays(today, -2) }))).toBeNull();
    expect(reminderFor(base({ performedOn: early, lastEntryDate: addDays(today, -3) }))).toBe(
      "diary_lapsed",
    );
    const later = addDays(today, -60);
    expect(reminderFor(base({ performedOn: later, lastEntryDate: addDays(today, -6) }))).toBeNull();
    expect(reminderFor(base({ performedOn: later, lastEntryDate: addDays(today, -7) }))).toBe(
      "diary_lapsed",
    );
    // counted from the procedure when there is no entry since
    expect(reminderFor(base({ performedOn: addDays(today, -3), lastEntryDate: null }))).toBe(
      "diary_lapsed",
    );
    // not after the last check-in (day 365)
    expect(reminderFor(base({ performedOn: addDays(today, -400), lastEntryDate: null }))).toBe(
      null,
    );
    expect(
      reminderFor(
        base({
          performedOn: early,
          lastEntryDate: null,
          wants: { ...all, diary_lapsed: false, daily_diary: false },
        }),
      ),
    ).toBeNull();
  });

  it("the daily reminder is optional and skipped once today's entry is in", () => {
    expect(reminderFor(base({ wants: all }))).toBe("daily_diary");
    expect(reminderFor(base({ wants: all, lastEntryDate: today }))).toBeNull();
    expect(reminderFor(base({}))).toBeNull();
    // a planned procedure (in the future) brings no lapse reminder
    expect(reminderFor(base({ performedOn: addDays(today, 5) }))).toBeNull();
  });
});

describe("hourInZone", () => {
  it("18:00 in New York is 23:00 UTC in winter and 22:00 UTC in summer", () => {
    expect(hourInZone("America/New_York", new Date("2026-01-15T23:00:00Z"))).toBe(18);
    expect(hourInZone("America/New_York", new Date("2026-07-15T22:00:00Z"))).toBe(18);
    expect(hourInZone("America/New_York", new Date("2026-01-15T22:59:00Z"))).toBe(17);
    expect(hourInZone("UTC", new Date("2026-01-15T00:30:00Z"))).toBe(0);
  });
});

describe("documentation weeks (docs/clinical-rules.md#documentation-weeks)", () => {
  const dates = (...ago: number[]) => ago.map((n) => addDays(today, -n));
  // Not lapsed (an entry 2 days ago), two entries a week: never 3 in 7 days.
  const sparse = dates(2, 5, 9, 12, 16, 19, 23, 26);
  it.each([
    // [day, recent entries, expected]
    [59, sparse, null],
    [60, sparse, "documentation_week"],
    [66, sparse, "documentation_week"],
    [67, sparse, null],
    [88, sparse, "documentation_week"],
    [94, sparse, "documentation_week"],
    [95, sparse, null],
    [368, sparse, null],
    // Three entries within 7 days, ending 27 days ago: documented; 28 days ago: not.
    [60, [...dates(2), ...dates(27, 29, 33)], null],
    [60, [...dates(2), ...dates(28, 30, 34)], "documentation_week"],
    // Three this week: done.
    [62, dates(0, 1, 2), null],
  ] as const)("day %i with entries %j: %s", (day, recent, expected) => {
    const performedOn = addDays(today, -day);
    const input = base({
      performedOn,
      lastEntryDate: [...recent].sort().at(-1) ?? null,
      recentEntryDates: recent,
      // The check-ins answered, so that none is due.
      answeredDates: [
        addDays(performedOn, 90),
        addDays(performedOn, 180),
        addDays(performedOn, 365),
      ],
    });
    expect(reminderFor(input)).toBe(expected);
  });

  it("goes with the diary reminders: off when they are off; a lapsed diary is said first", () => {
    const performedOn = addDays(today, -60);
    const recentEntryDates = dates(2, 9);
    expect(
      reminderFor(
        base({
          performedOn,
          lastEntryDate: dates(2)[0] ?? null,
          recentEntryDates,
          wants: { ...all, diary_lapsed: false, daily_diary: false },
        }),
      ),
    ).toBeNull();
    expect(
      reminderFor(
        base({ performedOn, lastEntryDate: dates(8)[0] ?? null, recentEntryDates: dates(8) }),
      ),
    ).toBe("diary_lapsed");
  });
});

describe("quiet hours (SPEC 12: 21:00-08:00)", () => {
  it.each([
    [20, false, 20],
    [21, true, 8],
    [23, true, 8],
    [0, true, 8],
    [7, true, 8],
    [8, false, 8],
    [18, false, 18],
  ])("hour %i: quiet %s, a reminder chosen for it goes at %i", (hour, quiet, goes) => {
    expect(isQuietHour(hour)).toBe(quiet);
    expect(sendingHour(hour)).toBe(goes);
  });
});
