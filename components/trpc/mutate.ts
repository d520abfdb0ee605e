// A tRPC mutation from a patient page without the tRPC React client: one POST in tRPC's own
// HTTP format ({"json": input}, the superjson envelope of plain JSON). The patient's phone loads
// no query cache or client library for the two writes it makes (decision 019).
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Inputs = inferRouterInputs<AppRouter>;

/** Thrown on failure; `data` is the server's error data, null when no answer came (offline). */
export class MutationError extends Error {
  constructor(
    message: string,
    readonly data: { code?: string; httpStatus?: number; fieldErrors?: unknown } | null,
  ) {
    super(message);
    this.name = "MutationError";
  }
}

export async function mutate<R extends keyof Inputs, P extends keyof Inputs[R] & string>(
  router: R & string,
  procedure: P,
  input: Inputs[R][P],
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/trpc/${router}.${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  } catch {
    throw new MutationError("The portal could not be reached.", null);
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => null)) as {
    error?: { json?: { message?: string; data?: MutationError["data"] } };
  } | null;
  const error = body?.error?.json;
  throw new MutationError(
    error?.message ?? "Something went wrong. Please try again.",
    error?.data ?? { httpStatus: response.status },
  );
}
