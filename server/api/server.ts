import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./root";

/** The tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const serverApi = cache(async () => createCaller(await createContext(await headers())));

/** Turns a caller's auth and not-found errors into the matching page. */
export async function orPage<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "UNAUTHORIZED") redirect("/signin");
    }
    throw error;
  }
}
