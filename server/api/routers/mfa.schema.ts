import { z } from "zod";
import { text } from "@/shared/text";

export const ConfirmEnrolmentInput = z.object({
  code: text({
    max: 6,
    notText: "Enter the 6-digit code from your app.",
    required: "Enter the 6-digit code from your app.",
    tooLong: "Enter the 6-digit code from your app.",
  }).regex(/^\d{6}$/, "Enter the 6-digit code from your app."),
});
