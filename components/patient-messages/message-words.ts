// The patient's words for a message in their thread (docs/decisions/020-messages.md), pure so that
// they are tested once.
import {
  type Change,
  changeLabels,
  type Location,
  locationLabel,
} from "@/server/outcomes/vocab-lists";

/** Who wrote it, as the patient reads it: "You", or "Your care team: Dr. Priya Provider". */
export const authorWords = (m: { mine: boolean; authorName: string }) =>
  m.mine ? "You" : `Your care team: ${m.authorName}`;

/** The changes reported, in the form's words ("My pain is worse; Pain in a new place"). */
export const changeWords = (changes: readonly Change[]) =>
  changes.map((c) => changeLabels[c]).join("; ");

/** "Pain now: 6 out of 10". */
export const painNowWords = (pain: number) => `Pain now: ${pain} out of 10`;

/** "Where: Lumbar spine, Left knee" (each location once, in the order given). */
export const whereWords = (locations: readonly Location[]) =>
  `Where: ${[...new Set(locations)].map(locationLabel).join(", ")}`;

/** The read receipt of the patient's own message: "Read by Dr. A and Dr. B", or "Not read yet". */
export function readWords(readBy: readonly string[]): string {
  if (readBy.length === 0) return "Not read yet";
  const names =
    readBy.length === 1
      ? readBy[0]
      : `${readBy.slice(0, -1).join(", ")} and ${readBy[readBy.length - 1]}`;
  return `Read by ${names}`;
}
