/**
 * When a diary submission that did not reach the server is sent again: pure, shared by the form
 * (components/diary/pending-entries.ts) and the fault test (server/services/outage.fault.test.ts).
 * A retry always carries the same client id, so the server stores the entry once.
 */

/** Back-off between automatic retries: 1 s, 2 s, 4 s … at most 30 s, with ±20% jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt), 30_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Whether a failed submission is worth sending again unchanged: the network failed (no HTTP
 * status) or the server said it is temporarily unavailable. A 4xx is an answer: retrying the
 * same input cannot change it.
 */
export function isRetryable(httpStatus: number | undefined | null): boolean {
  return httpStatus == null || httpStatus === 502 || httpStatus === 503 || httpStatus === 504;
}
