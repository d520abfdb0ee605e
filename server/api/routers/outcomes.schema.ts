import { z } from "zod";
import { Modality, Region } from "@/server/outcomes";
import { OUTCOME_GROUPS } from "@/shared/outcome-filters";
import { dateText } from "@/shared/text";

export const OutcomesInput = z
  .object({
    from: dateText("Enter the first procedure date as YYYY-MM-DD.").optional(),
    to: dateText("Enter the last procedure date as YYYY-MM-DD.").optional(),
    modality: z.enum(Modality.options, { error: "Choose a modality from the list." }).optional(),
    region: z.enum(Region.options, { error: "Choose a region from the list." }).optional(),
    providerId: z.uuid("Choose a provider from the list.").optional(),
    groupBy: z
      .enum(OUTCOME_GROUPS, { error: "Choose how to group from the list." })
      .default("modality"),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: "The first date must be on or before the last.",
    path: ["to"],
  });
