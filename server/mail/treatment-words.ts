// Nothing in a message reveals the treatment (docs/decisions/014-invitations-reminders-notifications.md):
// whoever sees a patient's inbox, lock screen or text messages must not learn what was done to
// them. `treatmentWordsIn` finds the words of the clinical vocabularies (regions, qualities,
// modalities, strategies, suspected factors) and "ablation" in a message's text; every template of
// every channel is scanned with it in tests.
import {
  modalityLabels,
  qualityLabels,
  regionLabels,
  strategyLabels,
  suspectedFactorLabels,
} from "@/server/outcomes";

const words = (labels: Record<string, string>) =>
  Object.entries(labels).flatMap(([code, label]) => [code.replaceAll("_", " "), label]);

/** Lower-case words and phrases, longest first. "other" (a region) is left out: it is plain English. */
export const TREATMENT_WORDS: readonly string[] = [
  ...new Set(
    [
      "ablation",
      "ablate",
      "ablated",
      "radiofrequency",
      "nerve block",
      ...words(regionLabels),
      ...words(qualityLabels),
      ...words(modalityLabels),
      ...words(strategyLabels),
      ...words(suspectedFactorLabels),
    ]
      .map((w) => w.toLowerCase().trim())
      .filter((w) => w !== "other" && w.length > 0),
  ),
].sort((a, b) => b.length - a.length);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${TREATMENT_WORDS.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

/** The treatment words found in `text` (lower-case, each once), in the order they appear. */
export function treatmentWordsIn(text: string): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => (m[1] ?? "").toLowerCase()))];
}
