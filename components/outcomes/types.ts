import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type ClinicOutcomes = inferRouterOutputs<AppRouter>["outcomes"]["report"];
export type OutcomesReport = ClinicOutcomes["report"];
export type DurabilityGroup = OutcomesReport["durability"]["groups"][number];
