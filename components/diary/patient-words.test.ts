import { describe, expect, it } from "vitest";
import { adviceSentence, averageSentence, type SummaryNumbers } from "./patient-words";

const base: SummaryNumbers = {
  category: "substantial",
  baselinePain: 8,
  currentPain: 4,
  reductionPct: 50,
  entryCountInWindow: 5,
  reliefDurationDays: null,
};

describe("patient wording of an assessment", () => {
  it("says the week's average against the baseline, as in the issue", () => {
    expect(averageSentence(base)).toBe(
      "Your average pain this week is 4.0 — down 50% from 8 before your procedure.",
    );
  });
  it("rounds the percentage and says up when pain is higher", () => {
    expect(
      averageSentence({ ...base, category: "worse", currentPain: 7, reductionPct: -16.67 }),
    ).toBe("Your average pain this week is 7.0 — up 17% from 8 before your procedure.");
    expect(averageSentence({ ...base, baselinePain: 6.5, currentPain: 6.5, reductionPct: 0 })).toBe(
      "Your average pain this week is 6.5 — the same as the 6.5 before your procedure.",
    );
  });
  it("has no average sentence without a weekly average", () => {
    expect(averageSentence({ ...base, currentPain: null, reductionPct: null })).toBeNull();
  });
  it("tells the patient what to do when there are too few entries, or the pain came back", () => {
    expect(
      adviceSentence({ ...base, category: "insufficient_data", entryCountInWindow: 1 }),
    ).toContain("You have 1 entry in the last 7 days");
    expect(adviceSentence({ ...base, category: "recurrence", reliefDurationDays: 198 })).toContain(
      "about 198 days",
    );
  });
});
