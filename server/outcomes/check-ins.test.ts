import { describe, expect, it } from "vitest";
import {
  CHECK_IN_DAYS,
  type CheckInStatus,
  checkInDayFor,
  checkInSchedule,
  dueCheckIn,
  overdueCheckIns,
} from "./check-ins";
import { addDays } from "./dates";

const P = "2024-01-01";
const at = (day: number) => addDays(P, day);
const statuses = (asOf: number, answered: number[] = []) =>
  checkInSchedule(P, at(asOf), answered.map(at)).map((c) => c.status);

describe("checkInSchedule (docs/clinical-rules.md#check-ins)", () => {
  it("has check-ins on days 14, 42, 90, 180 and 365 with their dates", () => {
    expect(CHECK_IN_DAYS).toEqual([14, 42, 90, 180, 365]);
    expect(checkInSchedule(P, P, [])).toEqual([
      { day: 14, date: "2024-01-15", dueUntil: "2024-01-21", status: "upcoming" },
      { day: 42, date: "2024-02-12", dueUntil: "2024-02-18", status: "upcoming" },
      { day: 90, date: "2024-03-31", dueUntil: "2024-04-06", status: "upcoming" },
      { day: 180, date: "2024-06-29", dueUntil: "2024-07-05", status: "upcoming" },
      { day: 365, date: "2024-12-31", dueUntil: "2025-01-06", status: "upcoming" },
    ]);
  });

  const u: CheckInStatus = "upcoming";
  it.each<[string, number, number[], CheckInStatus[]]>([
    ["before the procedure", -5, [], [u, u, u, u, u]],
    ["day 13", 13, [], [u, u, u, u, u]],
    ["day 14: due from its day", 14, [], ["due", u, u, u, u]],
    ["day 20: last day due", 20, [], ["due", u, u, u, u]],
    ["day 21: overdue", 21, [], ["overdue", u, u, u, u]],
    ["answered on its day", 21, [14], ["answered", u, u, u, u]],
    ["answered on day 20", 20, [20], ["answered", u, u, u, u]],
    ["an answer before the check-in day does not count", 21, [13], ["overdue", u, u, u, u]],
    ["a late answer (day 41) still closes it", 41, [41], ["answered", u, u, u, u]],
    ["an answer on day 42 answers check-in 42, not 14", 42, [42], ["overdue", "answered", u, u, u]],
    ["an answer after asOf does not count", 20, [30], ["due", u, u, u, u]],
    ["day 48 due, 49 overdue", 48, [14], ["answered", "due", u, u, u]],
    [
      "day 400: all unanswered are overdue",
      400,
      [],
      ["overdue", "overdue", "overdue", "overdue", "overdue"],
    ],
    [
      "day 400: the 365 check-in answered late",
      400,
      [14, 42, 90, 180, 399],
      ["answered", "answered", "answered", "answered", "answered"],
    ],
    ["duplicate answers are harmless", 95, [50, 50, 91], ["overdue", "answered", "answered", u, u]],
    [
      "day 96 due, day 97 overdue (check-in 90)",
      97,
      [50],
      ["overdue", "answered", "overdue", u, u],
    ],
  ])("%s", (_name, asOf, answered, expected) => {
    expect(statuses(asOf, answered)).toEqual(expected);
  });

  it("dueCheckIn returns the one due now, or null", () => {
    expect(dueCheckIn(P, at(13), [])).toBeNull();
    expect(dueCheckIn(P, at(14), [])?.day).toBe(14);
    expect(dueCheckIn(P, at(45), [at(44)])).toBeNull();
    expect(dueCheckIn(P, at(45), [])?.day).toBe(42);
    expect(dueCheckIn(P, at(49), [])).toBeNull();
  });

  it("overdueCheckIns lists the unanswered ones past their due week", () => {
    expect(overdueCheckIns(P, at(20), [])).toEqual([]);
    expect(overdueCheckIns(P, at(96), [at(50)]).map((c) => c.day)).toEqual([14]);
    expect(overdueCheckIns(P, at(97), [at(50)]).map((c) => c.day)).toEqual([14, 90]);
    expect(overdueCheckIns(P, at(97), [at(20), at(50), at(95)])).toEqual([]);
  });

  it("checkInDayFor names the check-in an answer on that date would answer", () => {
    expect(checkInDayFor(P, at(13))).toBeNull();
    expect(checkInDayFor(P, at(14))).toBe(14);
    expect(checkInDayFor(P, at(41))).toBe(14);
    expect(checkInDayFor(P, at(42))).toBe(42);
    expect(checkInDayFor(P, at(500))).toBe(365);
  });
});
