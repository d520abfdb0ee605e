// The station's calls (docs/decisions/039-kiosk.md): one POST to the kiosk's own endpoint,
// /kiosk/api/trpc, which carries the station's cookie (path /kiosk) and nothing of the portal's
// session. Answers are read in tRPC's envelope; nothing is cached or stored.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import { MutationError } from "@/components/trpc/mutate";
import type { AppRouter } from "@/server/api/root";

type Inputs = inferRouterInputs<AppRouter>["kiosk"];
type Outputs = inferRouterOutputs<AppRouter>["kiosk"];
/** What the station's page may call (status is read by the page on the server). */
export type KioskMutation = Exclude<keyof Inputs, "status">;

export async function kioskCall<P extends KioskMutation>(
  procedure: P,
  input: Inputs[P],
): Promise<Outputs[P]> {
  let response: Response;
  try {
    response = await fetch(`/kiosk/api/trpc/kiosk.${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input ?? null }),
      cache: "no-store",
      credentials: "same-origin",
      // A grant let go of as the page is left (pagehide) still reaches the server.
      keepalive: true,
    });
  } catch {
    throw new MutationError("The portal could not be reached.", null);
  }
  const body = (await response.json().catch(() => null)) as {
    result?: { data?: { json: unknown; meta?: unknown } };
    error?: { json?: { message?: string; data?: MutationError["data"] } };
  } | null;
  if (response.ok && body?.result?.data) {
    return superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]);
  }
  const error = body?.error?.json;
  throw new MutationError(
    error?.message ?? "Something went wrong. Please try again.",
    error?.data ?? { httpStatus: response.status },
  );
}

/** Whether a failed call says the station is locked (or its day is over). */
export const stationLocked = (error: unknown) =>
  error instanceof MutationError && error.data?.code === "UNAUTHORIZED";
