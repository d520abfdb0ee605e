// How the outcome engine's result reads to a patient: plain words, no clinical jargon.
// Wording only; every number comes from assessOutcome (server/outcomes).

import { formatMean, formatNumber, plural } from "@/components/format";
import type { Tone } from "@/components/ui/badge";
import type { Category } from "@/server/outcomes/vocab";

export const categoryWords: Record<Category, { headline: string; tone: Tone }> = {
  too_early: { headline: "Too early to judge", tone: "neutral" },
  insufficient_data: { headline: "Not enough entries this week", tone: "neutral" },
  substantial: { headline: "Much less pain than before", tone: "success" },
  moderate: { headline: "Less pain than before", tone: "success" },
  minimal: { headline: "A little less pain than before", tone: "warning" },
  no_change: { headline: "About the same as before", tone: "warning" },
  worse: { headline: "More pain than before", tone: "danger" },
  recurrence: { headline: "Your pain has come back", tone: "danger" },
};

export type SummaryNumbers = {
  category: Category;
  baselinePain: number;
  currentPain: number | null;
  reductionPct: number | null;
  entryCountInWindow: number;
  reliefDurationDays: number | null;
};

/** "Your average pain this week is 4.0 — down 50% from 8 before your procedure." */
export function averageSentence(a: SummaryNumbers): string | null {
  if (a.currentPain === null || a.reductionPct === null) return null;
  const before = `${formatNumber(a.baselinePain)} before your procedure`;
  const pct = Math.round(Math.abs(a.reductionPct));
  const change =
    pct === 0
      ? `the same as the ${before}`
      : a.reductionPct > 0
        ? `down ${pct}% from ${before}`
        : `up ${pct}% from ${before}`;
  return `Your average pain this week is ${formatMean(a.currentPain)} — ${change}.`;
}

/** A second sentence: what the result means for the patient, and what to do. */
export function adviceSentence(a: SummaryNumbers): string {
  switch (a.category) {
    case "too_early":
      return "Relief usually shows between 10 days and 3 weeks after the procedure. Keep recording your pain every day.";
    case "insufficient_data":
      return `You have ${plural(a.entryCountInWindow, "entry", "entries")} in the last 7 days. Record at least 3 a week to see your weekly average.`;
    case "substantial":
    case "moderate":
      return "Keep recording your pain: your care team follows how long the relief lasts.";
    case "minimal":
    case "no_change":
      return "Your care team can see your diary and will talk with you about next steps. Keep recording your pain.";
    case "worse":
      return "Your care team can see your diary. If your pain is getting worse, contact your clinic.";
    case "recurrence":
      return `Your relief lasted about ${a.reliefDurationDays ?? "?"} days. This can happen when treated nerves regrow; your care team can see it and will discuss next steps with you.`;
  }
}
