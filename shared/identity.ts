import { z } from "zod";
import { isIsoDate } from "@/server/outcomes/dates";
import { text } from "@/shared/text";

export const MRN_MAX = 32;
export const PHONE_MAX = 32;

const MRN = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;
const PHONE = /^\+?[0-9][0-9 ().-]*$/;

/** YYYY-MM-DD from 1900 on; "" is none. (Not in the future: checked against the clinic's today.) */
export const DateOfBirthSchema = text({ max: 10, notText: "Enter the date of birth." })
  .refine(
    (v) => v === "" || (isIsoDate(v) && v >= "1900-01-01"),
    "Enter the date of birth as YYYY-MM-DD (from 1900 on).",
  )
  .transform((v) => v || null);

/** The medical record number: letters, digits and - / . or spaces; "" is none. */
export const MrnSchema = text({
  max: MRN_MAX,
  tooLong: `An MRN has at most ${MRN_MAX} characters.`,
})
  .refine((v) => v === "" || MRN.test(v), "Use letters, digits and - / . only for the MRN.")
  .transform((v) => v || null);

/** A phone number: digits with an optional leading +, spaces, ( ) - .; "" is none. */
export const PhoneSchema = text({
  max: PHONE_MAX,
  tooLong: `A phone number has at most ${PHONE_MAX} characters.`,
})
  .refine(
    (v) => v === "" || (PHONE.test(v) && v.replace(/\D/g, "").length >= 6),
    "Enter a phone number like +44 20 7946 0000.",
  )
  .transform((v) => v || null);

export const identityShape = {
  dateOfBirth: DateOfBirthSchema.optional(),
  mrn: MrnSchema.optional(),
  phone: PhoneSchema.optional(),
} as const;

export type PatientIdentity = {
  dateOfBirth: string | null;
  mrn: string | null;
  phone: string | null;
};

/** An account's email: trimmed and lower-cased, as stored. */
export const EmailSchema = text({
  max: 254,
  notText: "Enter an email address.",
  required: "Enter an email address.",
  tooLong: "An email address has at most 254 characters.",
})
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com."));

export const NameSchema = text({
  max: 200,
  notText: "Enter the person's name.",
  required: "Enter the person's name.",
  tooLong: "A name has at most 200 characters.",
});
