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

/** The largest Bundle an admin may send, in characters of JSON (decades of a daily diary). */
export const FHIR_BUNDLE_MAX_CHARS = 8_000_000;

export const ImportFhirBundleInput = z.object({
  /** The Bundle as JSON text; the service parses and checks it, resource by resource. */
  bundle: text({
    max: FHIR_BUNDLE_MAX_CHARS,
    trim: false,
    notText: "Send the Bundle as JSON text.",
    required: "Choose a Bundle file or paste one.",
    tooLong: "The Bundle is larger than 8 MB: export one patient at a time.",
  }),
  /** Only check: list the problems, store nothing. */
  checkOnly: z.boolean({ error: "Say whether to check only or to import." }),
});
