// What happened when the care team called a patient (docs/decisions/035-outreach.md): the
// vocabulary of a call task's outcome, for the form, the schema and the pages.
export const CALL_OUTCOMES = ["reached", "left_message", "no_answer"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const callOutcomeLabels: Record<CallOutcome, string> = {
  reached: "Reached the patient",
  left_message: "Left a message",
  no_answer: "No answer",
};
