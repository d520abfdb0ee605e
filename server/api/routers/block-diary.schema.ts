// Input schemas of the `blockDiary` router (the patient's answers after a diagnostic block,
// docs/clinical-rules.md#diagnostic-blocks). Pure zod: safe to import in the client.
import { z } from "zod";

export const AnswerBlockInput = z.object({
  blockId: z.uuid("That block was not found."),
  /** Made by the phone: an answer retried after being offline is stored once. */
  clientId: z.uuid("The form is out of date. Reload the page and try again."),
  /** When the patient answered (the phone's clock; an answer kept offline keeps its time). */
  answeredAt: z.iso.datetime({ offset: true, error: "The time of the answer is not valid." }),
  pain: z
    .number({ error: "Choose your pain now, from 0 to 10." })
    .int("Choose your pain now, from 0 to 10.")
    .min(0, "Choose your pain now, from 0 to 10.")
    .max(10, "Choose your pain now, from 0 to 10."),
  activityTried: z.boolean({ error: "Answer yes or no." }).nullable(),
});
export type AnswerBlockInput = z.infer<typeof AnswerBlockInput>;
