import { describe, expect, it } from "vitest";
import { checkInEngagement } from "./engagement";

const asOf = "2026-06-30";
const byDay = (rows: ReturnType<typeof checkInEngagement>, day: number) =>
  rows.find((r) => r.day === day);

describe("checkInEngagement (docs/clinical-rules.md#engagement)", () => {
  it.each([
    // [performedOn, answers, day, expected due, done]
    ["2026-06-01", [], 14, 1, 0], // day 14 = 15 Jun, its week ended 21 Jun
    ["2026-06-10", [], 14, 0, 0], // day 14 = 24 Jun: still open on 30 Jun
    ["2026-06-10", [], 14, 0, 0],
    ["2026-06-01", [{ checkInDay: 14, entryDate: "2026-06-15", channel: "email" }], 14, 1, 1],
    ["2026-06-01", [{ checkInDay: 14, entryDate: "2026-06-21", channel: "push" }], 14, 1, 1],
    // Answered on the 8th day: late, not within the week.
    ["2026-06-01", [{ checkInDay: 14, entryDate: "2026-06-22", channel: "push" }], 14, 1, 0],
    // Answering the 42-day check-in does not count for day 14.
    ["2026-04-01", [{ checkInDay: 42, entryDate: "2026-05-13", channel: null }], 14, 1, 0],
    ["2026-04-01", [{ checkInDay: 42, entryDate: "2026-05-13", channel: null }], 42, 1, 1],
  ] as const)(
    "performed %s, answers %j: day %i due %i done %i",
    (performedOn, checkIns, day, due, done) => {
      const row = byDay(checkInEngagement([{ performedOn, checkIns }], asOf), day);
      expect(row?.due).toBe(due);
      expect(row?.done).toBe(done);
    },
  );

  it("counts the channels of the answers within the week; none recorded is the portal", () => {
    const rows = checkInEngagement(
      [
        {
          performedOn: "2026-01-01",
          checkIns: [{ checkInDay: 14, entryDate: "2026-01-15", channel: "text" }],
        },
        {
          performedOn: "2026-01-02",
          checkIns: [{ checkInDay: 14, entryDate: "2026-01-16", channel: null }],
        },
        {
          performedOn: "2026-01-03",
          checkIns: [{ checkInDay: 14, entryDate: "2026-01-20", channel: "kiosk" }],
        },
        { performedOn: "2026-01-04", checkIns: [] },
      ],
      asOf,
    );
    const row = byDay(rows, 14);
    expect(row).toMatchObject({ due: 4, done: 3, pct: 75 });
    expect(row?.byChannel).toEqual({ portal: 1, push: 0, text: 1, email: 0, link: 0, kiosk: 1 });
    expect(byDay(rows, 365)).toMatchObject({ due: 0, done: 0, pct: null });
  });
});
