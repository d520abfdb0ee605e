// What happened when the care team called a patient (docs/decisions/035-outreach.md): the
// vocabulary of a call task's outcome, for the form, the schema and the pages.
export const CALL_OUTCOMES = ["reached", "left_message", "no_answer"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const callOutcomeLabels: Record<CallOutcome, string> = {
  reached: "Reached the patient",
  left_message: "Left a message",
  no_answer: "No answer",
};

/**
 * How a patient came to answer a check-in (SPEC 12, the engagement figures): the portal itself,
 * a push, a text or an email reminder (their links carry `?via=`), a one-tap link, or the clinic's
 * kiosk. Stored on the diary entry (`check_in_channel`); an entry that answered a check-in with no
 * channel recorded counts as `portal`.
 */
export const CHECK_IN_CHANNELS = ["portal", "push", "text", "email", "link", "kiosk"] as const;
export type CheckInChannel = (typeof CHECK_IN_CHANNELS)[number];
/** The channels a patient's own portal page may report (`link` and `kiosk` are set by the server). */
export const VIA_CHANNELS = ["portal", "push", "text", "email"] as const;

export const checkInChannelLabels: Record<CheckInChannel, string> = {
  portal: "In the portal",
  push: "Push notification",
  text: "Text message",
  email: "Email",
  link: "One-tap link",
  kiosk: "Clinic kiosk",
};
