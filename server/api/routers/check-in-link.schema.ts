import { z } from "zod";
import { dateText, text } from "@/shared/text";
import { CheckInInput } from "./diary.schema";

const NOT_VALID = "This link is not valid. Open the whole link from the message you received.";
const token = text({ max: 200, notText: NOT_VALID, required: NOT_VALID, tooLong: NOT_VALID });
const dateOfBirth = dateText("Enter your date of birth.");

/** A one-tap check-in link, as its page opens it. */
export const OpenCheckInLinkInput = z.object({ token });

/** A one-tap check-in link and the date of birth that opens it. */
export const ConfirmCheckInLinkInput = z.object({ token, dateOfBirth });

/** The answer through the link: the short check-in's fields (the channel is the link's). */
export const AnswerCheckInLinkInput = CheckInInput.omit({ via: true }).extend({
  token,
  dateOfBirth,
});
