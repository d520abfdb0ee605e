// How long relief lasted, in words (docs/clinical-rules.md#relief). Relief has ended only in a
// recurrence; otherwise the diary documents relief so far (it may simply have stopped), which is
// never said as "lasted". Pure: the caller formats the date its own way (page, PDF).
import type { Assessment } from "./assess";

type ReliefFacts = Pick<Assessment, "category" | "reliefDurationDays" | "reliefUntil">;

/** Has relief ended (a recurrence), or is it documented so far (censored, as in the statistics)? */
export const reliefEnded = (a: Pick<Assessment, "category">): boolean =>
  a.category === "recurrence";

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/**
 * "Relief lasted 200 days (until 3 Jun 2026)" for a recurrence; otherwise "Relief through 16 Nov
 * 2026 (at least 44 days so far)"; null when no window showed relief.
 */
export function reliefSentence(
  a: ReliefFacts,
  formatDate: (date: string) => string,
): string | null {
  if (a.reliefDurationDays === null || a.reliefUntil === null) return null;
  const date = formatDate(a.reliefUntil);
  return reliefEnded(a)
    ? `Relief lasted ${days(a.reliefDurationDays)} (until ${date})`
    : `Relief through ${date} (at least ${days(a.reliefDurationDays)} so far)`;
}
