import { z } from "zod";
import { IMPORT_MAX_CHUNK } from "@/shared/patient-import";
import { text } from "@/shared/text";

// Each row's content is checked by the service, so that one bad row is reported, not fatal.
const Cell = text({
  max: 1000,
  trim: false,
  notText: "Each cell must be text.",
  tooLong: "A cell has at most 1,000 characters.",
});

export const ImportPatientsInput = z.object({
  rows: z
    .array(
      z.object({
        row: z.number().int().min(2).max(1_000_000),
        name: Cell,
        email: Cell,
        providerEmail: Cell,
        dateOfBirth: Cell.optional(),
        mrn: Cell.optional(),
        phone: Cell.optional(),
      }),
      { error: "Send the rows to import." },
    )
    .min(1, "Send at least one row.")
    .max(IMPORT_MAX_CHUNK, `Send at most ${IMPORT_MAX_CHUNK} rows at a time.`),
});
