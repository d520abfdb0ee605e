// Input schemas of the `decision` router, shared with the decision form. Pure zod: safe to import
// in the client.

import { z } from "zod";
import { Strategy, SuspectedFactor } from "@/server/outcomes";
import { formatCount } from "@/shared/format-count";
import { dateText, optionalText } from "@/shared/text";

export const STRATEGY_NOTE_MAX = 500;
export const RATIONALE_MAX = 4000;

export const decisionFieldsShape = {
  suspectedFactors: z
    .array(z.enum(SuspectedFactor.options, { error: "Choose the factors from the list." }), {
      error: "Choose the factors from the list.",
    })
    .max(SuspectedFactor.options.length, "Choose each factor only once.")
    .refine((xs) => new Set(xs).size === xs.length, "Choose each factor only once.")
    .default([]),
  strategies: z
    .array(
      z.object({
        strategy: z.enum(Strategy.options, { error: "Choose the strategy from the list." }),
        note: optionalText({
          max: STRATEGY_NOTE_MAX,
          notText: "Enter the note as text.",
          tooLong: `A note has at most ${STRATEGY_NOTE_MAX} characters.`,
        }),
      }),
      { error: "Choose at least one strategy." },
    )
    .min(1, "Choose at least one strategy.")
    .max(Strategy.options.length, "Choose each strategy only once.")
    .refine(
      (xs) => new Set(xs.map((x) => x.strategy)).size === xs.length,
      "Choose each strategy only once.",
    ),
  rationale: optionalText({
    max: RATIONALE_MAX,
    notText: "Enter the rationale as text.",
    tooLong: `The rationale has at most ${formatCount(RATIONALE_MAX)} characters.`,
  }),
  followUpOn: dateText("Enter the follow-up date (YYYY-MM-DD).", "Enter the follow-up date.")
    .nullable()
    .default(null),
} as const;

export const RecordDecisionInput = z.object({
  procedureId: z.uuid("That procedure was not found."),
  ...decisionFieldsShape,
});
export type RecordDecisionInput = z.infer<typeof RecordDecisionInput>;

export const AmendDecisionInput = z.object({
  decisionId: z.uuid("That decision was not found."),
  ...decisionFieldsShape,
});
export type AmendDecisionInput = z.infer<typeof AmendDecisionInput>;
