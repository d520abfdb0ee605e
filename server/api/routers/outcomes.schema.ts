import { z } from "zod";
import { Modality, Region } from "@/server/outcomes";
import { OUTCOME_GROUPS } from "@/shared/outcome-filters";
import { dateText, text } from "@/shared/text";

const outcomesShape = {
  from: dateText("Enter the first procedure date as YYYY-MM-DD.").optional(),
  to: dateText("Enter the last procedure date as YYYY-MM-DD.").optional(),
  modality: z.enum(Modality.options, { error: "Choose a modality from the list." }).optional(),
  region: z.enum(Region.options, { error: "Choose a region from the list." }).optional(),
  providerId: z.uuid("Choose a provider from the list.").optional(),
  groupBy: z
    .enum(OUTCOME_GROUPS, { error: "Choose how to group from the list." })
    .default("modality"),
};
const datesInOrder = (v: { from?: string | undefined; to?: string | undefined }) =>
  !v.from || !v.to || v.from <= v.to;
const DATES_IN_ORDER = {
  message: "The first date must be on or before the last.",
  path: ["to"],
};

export const OutcomesInput = z.object(outcomesShape).refine(datesInOrder, DATES_IN_ORDER);

/** One count of the after-failure table (its row's cell key and the group) or the repeats line. */
export const OutcomeMembersInput = z
  .object({
    ...outcomesShape,
    cell: z
      .string({ error: "Choose a count from the outcomes page." })
      .regex(/^(not_success|decided|repeats|(strategy|factor):[a-z_]{1,60})$/, {
        error: "Choose a count from the outcomes page.",
      }),
    group: text({ max: 300, notText: "Choose a group from the outcomes page." }).default(""),
  })
  .refine(datesInOrder, DATES_IN_ORDER);
