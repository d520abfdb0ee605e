import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import { appRouter } from "@/server/api/root";
import type { Actor } from "@/server/authz/policy";

export type HttpAnswer = {
  status: number;
  message?: string;
  fieldErrors?: Record<string, string[]> | null;
};

/**
 * Calls a procedure through the tRPC HTTP handler (as app/api/trpc does), as `actor`: what a
 * browser or a script sees, status code and JSON body, without starting a server.
 */
export async function httpCall(
  db: Db,
  actor: Actor | null,
  path: string,
  input: unknown,
  type: "query" | "mutation",
): Promise<HttpAnswer> {
  const url = new URL(`http://portal.test/api/trpc/${path}`);
  const body = JSON.stringify({ json: input });
  if (type === "query") url.searchParams.set("input", body);
  const req = new Request(url, {
    method: type === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: type === "mutation" ? body : undefined,
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db, actor, ip: "203.0.113.9" }),
  });
  const json = (await res.json()) as {
    error?: { json?: { message?: string; data?: { fieldErrors?: Record<string, string[]> } } };
  };
  return {
    status: res.status,
    message: json.error?.json?.message,
    fieldErrors: json.error?.json?.data?.fieldErrors,
  };
}
