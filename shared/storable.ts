// What text the database can store, without zod: used by the shared text schema (text.ts) and by
// forms on the patient's phone that check their answers before sending (no schema library there).

/**
 * A NUL character (PostgreSQL text cannot hold it) or half of a surrogate pair with no other
 * half (not text at all: it cannot be encoded as UTF-8).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE =
  "This text contains an invisible or broken character (such as a null character or half an emoji). Remove it and try again.";

export const isStorableText = (value: string) =>
  !value.includes("\u0000") && !LONE_SURROGATE.test(value);
