import { z } from "zod";
import { EmailSchema } from "@/shared/identity";
import { passwordLinkInputs } from "./invitation.schema";

export const RequestResetInput = z.object({ email: EmailSchema });

const reset = passwordLinkInputs("reset");
export const CheckResetInput = reset.check;
export const CompleteResetInput = reset.choose;
