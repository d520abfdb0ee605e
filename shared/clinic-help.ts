// What a patient is told about reaching the clinic (the help page, the messages pages, the home):
// the standard "when to call now" signs after a nerve ablation, which the clinic may replace in its
// settings, and the limits of those settings. Client-safe.

/** The signs after an ablation that need a call to the clinic now, unless the clinic set its own. */
export const DEFAULT_WARNING_SIGNS: readonly string[] = [
  "A fever (38 °C / 100.4 °F or higher) or chills",
  "The treated site is red, hot, swollen or leaking fluid",
  "New weakness or numbness in an arm or a leg",
  "Loss of control of your bladder or bowels",
];

export const WARNING_SIGNS_MAX = 10;
export const WARNING_SIGN_LENGTH = 200;
export const REPLY_TIME_LENGTH = 120;

/** The clinic's own list, or the standard one when it has none. */
export const warningSignsOrDefault = (signs: readonly string[] | null): readonly string[] =>
  signs && signs.length > 0 ? signs : DEFAULT_WARNING_SIGNS;

/** A phone number as a tel: link ("+1 (555) 010-2030" -> "tel:+15550102030"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;
