// What to tell a user about a failed call, whichever client made it (the tRPC React client on staff
// pages, the small `mutate` on the patient's phone): both errors carry the server's `data`.

type ErrorData = {
  code?: string;
  httpStatus?: number;
  fieldErrors?: Record<string, string[] | undefined> | null;
};

const dataOf = (error: unknown): ErrorData | null | undefined =>
  error instanceof Error ? (error as Error & { data?: ErrorData | null }).data : undefined;

/** The HTTP status the server answered with; undefined when there was no answer (offline). */
export const httpStatusOf = (error: unknown): number | undefined => dataOf(error)?.httpStatus;

/** The message to show a user for a failed call: the server's human message, or a generic one. */
export function errorMessage(error: unknown): string {
  const data = dataOf(error);
  // No answer at all (offline, or the connection dropped): not the server's words.
  if (!data) return "The portal could not be reached. Please check your connection and try again.";
  if (data.code === "UNAUTHORIZED") return "Your session has ended. Please sign in again.";
  return (error as Error).message || "Something went wrong. Please try again.";
}

/** Field messages from a failed call, keyed by input field name. */
export function fieldErrors(error: unknown): Record<string, string | undefined> {
  const fields = dataOf(error)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.[0]]));
}
