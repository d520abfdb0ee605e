import { z } from "zod";
import { dateText } from "@/server/api/text";
import { createTRPCRouter, staffProcedure } from "@/server/api/trpc";
import { Modality, Region } from "@/server/outcomes";
import { clinicOutcomes, GROUP_BY } from "@/server/services/outcomes";

/** The outcome filters, as the pages keep them in the address. */
export const OUTCOME_FILTER_KEYS = [
  "from",
  "to",
  "modality",
  "region",
  "providerId",
  "groupBy",
] as const;

/** The filters as given in an address: the known keys, single non-empty values only. */
export function outcomeFilters(
  params: Partial<Record<string, string | string[] | undefined>>,
): Partial<Record<(typeof OUTCOME_FILTER_KEYS)[number], string>> {
  return Object.fromEntries(
    OUTCOME_FILTER_KEYS.flatMap((k) => {
      const v = params[k];
      return typeof v === "string" && v ? [[k, v.slice(0, 100)]] : [];
    }),
  );
}

export const OutcomesInput = z
  .object({
    from: dateText("Enter the first procedure date as YYYY-MM-DD.").optional(),
    to: dateText("Enter the last procedure date as YYYY-MM-DD.").optional(),
    modality: z.enum(Modality.options, { error: "Choose a modality from the list." }).optional(),
    region: z.enum(Region.options, { error: "Choose a region from the list." }).optional(),
    providerId: z.uuid("Choose a provider from the list.").optional(),
    groupBy: z.enum(GROUP_BY, { error: "Choose how to group from the list." }).default("modality"),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: "The first date must be on or before the last.",
    path: ["to"],
  });

/** The clinic's outcomes (SPEC 9): providers see their care team's, admins the clinic's. */
export const outcomesRouter = createTRPCRouter({
  report: staffProcedure
    .input(OutcomesInput)
    .query(({ ctx, input }) => clinicOutcomes(ctx.db, ctx.actor, input, { ip: ctx.ip })),
});
