// The vocabularies a patient's phone needs (SPEC 2.6, 2.9), without zod: the diary form imports
// these, so that the schema library stays out of the patient pages' JavaScript. vocab.ts builds
// the zod enums from the same lists.

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

/** What changed, in a patient's "Report a change" (SPEC 7.3). */
export const CHANGES = [
  "pain_worse",
  "pain_returned",
  "new_location",
  "burning_or_tingling",
  "site_problem",
  "question",
  "other",
] as const;
export type Change = (typeof CHANGES)[number];

/** The patient's words for each change (the form's choices; the care team reads the same). */
export const changeLabels: Record<Change, string> = {
  pain_worse: "My pain is worse",
  pain_returned: "My pain has come back",
  new_location: "Pain in a new place",
  burning_or_tingling: "Burning, tingling or numbness",
  site_problem: "A problem where the procedure was done",
  question: "A question for my care team",
  other: "Something else",
};
