import { expect } from "vitest";
import { ZodError, z } from "zod";

/** The messages per field a call fails with: zod's at the router boundary, or the service's. */
export async function fieldErrors(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: "BAD_REQUEST" });
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof ZodError
    ? z.flattenError(cause).fieldErrors
    : (cause as { fieldErrors?: unknown }).fieldErrors;
}
