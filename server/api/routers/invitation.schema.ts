import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/shared/password-limits";
import { text } from "@/shared/text";

const Token = text({
  max: 200,
  notText: "This invitation link is not valid.",
  required: "This invitation link is not valid.",
  tooLong: "This invitation link is not valid.",
});

export const CheckInvitationInput = z.object({ token: Token });

export const AcceptInvitationInput = z.object({
  token: Token,
  password: text({
    max: PASSWORD_MAX_LENGTH,
    trim: false,
    notText: "Enter a new password.",
    required: "Enter a new password.",
    tooLong: "Use at most 1,024 characters.",
  }),
});
