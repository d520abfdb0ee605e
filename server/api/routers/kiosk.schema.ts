// Input schemas of the `kiosk` router (docs/decisions/039-kiosk.md): the station's unlock, a
// patient's identity at the station, and the two things a patient may do there.
import { z } from "zod";
import { type EntryAnswers, entryProblems } from "@/shared/diary-rules";
import { dateText, text } from "@/shared/text";
import { CheckInInput, entryFieldsShape } from "./diary.schema";

/** A staff member's sign-in, and their authentication code once it is asked. */
export const UnlockStationInput = z.object({
  email: text({ max: 254, required: "Enter your email address." }).toLowerCase(),
  password: text({ max: 1024, trim: false, required: "Enter your password." }),
  code: text({ max: 40, notText: "Enter the code." }).optional(),
});

const GRANT_ENDED = "This has timed out on the station. Please start again.";
/** The grant the station's page holds in memory (never typed). */
const token = text({ max: 200, notText: GRANT_ENDED, required: GRANT_ENDED, tooLong: GRANT_ENDED });

/** Who the patient at the station is: their name and date of birth, the MRN's last 4 if asked. */
export const IdentifyAtStationInput = z.object({
  firstName: text({
    max: 100,
    required: "Enter your first name.",
    tooLong: "Enter at most 100 characters.",
  }),
  lastName: text({
    max: 100,
    required: "Enter your last name.",
    tooLong: "Enter at most 100 characters.",
  }),
  dateOfBirth: dateText("Enter your date of birth."),
  mrnLastFour: text({ max: 4, notText: "Enter the last 4 characters of your record number." })
    .regex(/^[A-Za-z0-9]{4}$/, "Enter the last 4 characters of your record number.")
    .optional(),
});

/** The grant the page let go of when it returned to its start. */
export const ReleaseGrantInput = z.object({ token });

/** The due check-in at the station: the short check-in's fields (the channel is the kiosk). */
export const AnswerAtStationInput = CheckInInput.omit({ via: true }).extend({ token });

/**
 * Today's entry at the station: pain, its interference with enjoyment and activity, where it hurts
 * (when in pain) and the treated site; the rest of the diary can be added in the portal.
 */
export const AddEntryAtStationInput = z
  .object({
    token,
    clientId: z.uuid("The form is out of date. Please start again."),
    painAverage: entryFieldsShape.painAverage,
    enjoyment: entryFieldsShape.enjoyment,
    activity: entryFieldsShape.activity,
    locations: entryFieldsShape.locations,
    siteSoreness: entryFieldsShape.siteSoreness,
  })
  .superRefine((value, ctx) => {
    const answers: EntryAnswers = { ...value, qualities: [], medication: "", note: "" };
    for (const [field, message] of Object.entries(entryProblems(answers))) {
      ctx.addIssue({ code: "custom", path: [field], message });
    }
  });
