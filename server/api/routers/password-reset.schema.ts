import { z } from "zod";
import { EmailSchema } from "@/shared/identity";
import { PASSWORD_MAX_LENGTH } from "@/shared/password-limits";
import { text } from "@/shared/text";

const Token = text({
  max: 200,
  notText: "This reset link is not valid.",
  required: "This reset link is not valid.",
  tooLong: "This reset link is not valid.",
});

export const RequestResetInput = z.object({ email: EmailSchema });

export const CheckResetInput = z.object({ token: Token });

export const CompleteResetInput = z.object({
  token: Token,
  password: text({
    max: PASSWORD_MAX_LENGTH,
    trim: false,
    notText: "Enter a new password.",
    required: "Enter a new password.",
    tooLong: "Use at most 1,024 characters.",
  }),
});
