import { z } from "zod";

export const CareTeamInput = z.object({
  patientId: z.uuid({ error: "Choose a patient." }),
  providerId: z.uuid({ error: "Choose a provider." }),
});
