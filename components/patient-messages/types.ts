import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type ThreadMessage = inferRouterOutputs<AppRouter>["message"]["mine"]["messages"][number];
export type ClinicContact = inferRouterOutputs<AppRouter>["settings"]["contact"];
