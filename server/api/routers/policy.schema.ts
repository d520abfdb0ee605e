import { z } from "zod";
import { RepeatPolicy } from "@/server/outcomes/pathway-vocab";
import { text } from "@/shared/text";

const pct = (what: string) =>
  z
    .number({ error: `Enter ${what} as a number of percent.` })
    .min(1, "At least 1%.")
    .max(100, "At most 100%.");
const days = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${what} as a whole number of days.` })
    .int(`Enter ${what} as a whole number of days.`)
    .min(min, `At least ${min} days.`)
    .max(max, `At most ${max} days.`);

/** A policy as an admin enters it (name, block threshold and the evidence rule's numbers). */
export const PolicyInput = RepeatPolicy.extend({
  blockThreshold: pct("the block threshold"),
  reliefPct: pct("the pain relief"),
  functionPct: pct("the function improvement").nullable(),
  requiredDays: days("the days of relief", 7, 730),
  maxGapDays: days("the longest gap", 7, 365),
  minIntervalDays: days("the interval", 0, 730),
  maxPerYear: z
    .number({ error: "Enter the ablations a year as a whole number." })
    .int("Enter the ablations a year as a whole number.")
    .min(1, "At least 1.")
    .max(12, "At most 12."),
  name: text({
    max: 120,
    notText: "Give the policy a name.",
    required: "Give the policy a name.",
    tooLong: "A policy name has at most 120 characters.",
  }),
});

export const UpdatePolicyInput = PolicyInput.extend({
  id: z.uuid({ error: "That policy was not found." }),
  version: z.number({ error: "Reload the page and try again." }).int().min(1).max(1_000_000),
});

export const PatientPolicyInput = z.object({
  patientId: z.uuid({ error: "That patient was not found." }),
  /** null: no policy chosen. */
  policyId: z.uuid({ error: "Choose a policy from the list." }).nullable(),
});
