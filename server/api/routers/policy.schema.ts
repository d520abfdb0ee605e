import { z } from "zod";
import { RepeatPolicy } from "@/server/outcomes/pathway-vocab";
import { text } from "@/shared/text";

/** A policy as an admin enters it (name, block threshold and the evidence rule's numbers). */
export const PolicyInput = RepeatPolicy.extend({
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
