// The diary's vocabularies (SPEC 2.6, 2.9) as plain lists, without zod: the diary form and its
// rules import these from here, so that the form's JavaScript carries only the words it shows
// (decision 019). vocab-lists.ts gathers them with the other lists.

export const REGIONS = [
  "cervical",
  "thoracic",
  "lumbar",
  "sacroiliac",
  "knee",
  "hip",
  "shoulder",
  "other",
] as const;
export type Region = (typeof REGIONS)[number];

export const regionLabels: Record<Region, string> = {
  cervical: "Cervical spine",
  thoracic: "Thoracic spine",
  lumbar: "Lumbar spine",
  sacroiliac: "Sacroiliac joint",
  knee: "Knee",
  hip: "Hip",
  shoulder: "Shoulder",
  other: "Other",
};

export const QUALITIES = [
  "aching",
  "sharp",
  "throbbing",
  "stabbing",
  "burning",
  "tingling",
  "pins_and_needles",
  "numbness",
  "electric_shocks",
  "painful_cold",
  "itching",
] as const;
export type Quality = (typeof QUALITIES)[number];

export const qualityLabels: Record<Quality, string> = {
  aching: "Aching",
  sharp: "Sharp",
  throbbing: "Throbbing",
  stabbing: "Stabbing",
  burning: "Burning",
  tingling: "Tingling",
  pins_and_needles: "Pins and needles",
  numbness: "Numbness",
  electric_shocks: "Electric shocks",
  painful_cold: "Painful cold",
  itching: "Itching",
};

// SPEC 2.9: Patient Global Impression of Change, 7 points.
export const PGIC_ANSWERS = [
  "very_much_improved",
  "much_improved",
  "minimally_improved",
  "no_change",
  "minimally_worse",
  "much_worse",
  "very_much_worse",
] as const;
export type Pgic = (typeof PGIC_ANSWERS)[number];

export const pgicLabels: Record<Pgic, string> = {
  very_much_improved: "Very much improved",
  much_improved: "Much improved",
  minimally_improved: "Minimally improved",
  no_change: "No change",
  minimally_worse: "Minimally worse",
  much_worse: "Much worse",
  very_much_worse: "Very much worse",
};
