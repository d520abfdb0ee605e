// The vocabularies a patient's phone needs (docs/clinical-rules.md#vocabularies,
// docs/clinical-rules.md#check-ins, docs/decisions/020-messages.md), without zod, so that the
// schema library stays out of the patient pages' JavaScript. vocab.ts builds the zod enums from the
// same lists. The diary's own lists live in diary-lists.ts (the diary form imports only those).

export * from "./diary-lists";

/** What changed, in a patient's "Report a change" (docs/decisions/020-messages.md). */
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
