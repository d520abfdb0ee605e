import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/shared/password-limits";
import { text } from "@/shared/text";

/**
 * The inputs of a link that lets a person choose a password (an invitation, or a reset), the link
 * named in its messages ("This invitation link is not valid.").
 */
export function passwordLinkInputs(link: string) {
  const notValid = `This ${link} link is not valid.`;
  const token = text({ max: 200, notText: notValid, required: notValid, tooLong: notValid });
  return {
    check: z.object({ token }),
    choose: z.object({
      token,
      password: text({
        max: PASSWORD_MAX_LENGTH,
        trim: false,
        notText: "Enter a new password.",
        required: "Enter a new password.",
        tooLong: "Use at most 1,024 characters.",
      }),
    }),
  };
}

const invitation = passwordLinkInputs("invitation");
export const CheckInvitationInput = invitation.check;
export const AcceptInvitationInput = invitation.choose;
