import { z } from "zod";
import { text } from "@/shared/text";

const NOT_A_PASSKEY = "Your browser's passkey answer could not be read. Please try again.";

/** A base64url field of a WebAuthn response (the browser fills it, never the user). */
const b64url = (max: number) =>
  text({ max, notText: NOT_A_PASSKEY, required: NOT_A_PASSKEY, tooLong: NOT_A_PASSKEY }).regex(
    /^[A-Za-z0-9_-]+$/,
    NOT_A_PASSKEY,
  );
const optionalB64url = (max: number) =>
  text({ max, notText: NOT_A_PASSKEY, tooLong: NOT_A_PASSKEY })
    .regex(/^[A-Za-z0-9_-]*$/, NOT_A_PASSKEY)
    .optional();

// Kept as strings: browsers add transports over time; the service keeps the ones it knows.
const Transports = z
  .array(text({ max: 20, notText: NOT_A_PASSKEY, tooLong: NOT_A_PASSKEY }), {
    error: NOT_A_PASSKEY,
  })
  .max(8, NOT_A_PASSKEY)
  .optional();

const credentialFields = {
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal("public-key", { error: NOT_A_PASSKEY }),
  authenticatorAttachment: z
    .enum(["platform", "cross-platform"], { error: NOT_A_PASSKEY })
    .optional(),
  clientExtensionResults: z.record(z.string(), z.unknown(), { error: NOT_A_PASSKEY }),
};

/** `startRegistration()`'s answer (RegistrationResponseJSON). */
export const RegistrationResponse = z.object(
  {
    ...credentialFields,
    response: z.object(
      {
        clientDataJSON: b64url(4000),
        attestationObject: b64url(20000),
        authenticatorData: optionalB64url(20000),
        publicKey: optionalB64url(4000),
        publicKeyAlgorithm: z.number({ error: NOT_A_PASSKEY }).int(NOT_A_PASSKEY).optional(),
        transports: Transports,
      },
      { error: NOT_A_PASSKEY },
    ),
  },
  { error: NOT_A_PASSKEY },
);

/** `startAuthentication()`'s answer (AuthenticationResponseJSON). */
export const AuthenticationResponse = z.object(
  {
    ...credentialFields,
    response: z.object(
      {
        clientDataJSON: b64url(4000),
        authenticatorData: b64url(20000),
        signature: b64url(4000),
        userHandle: optionalB64url(200),
      },
      { error: NOT_A_PASSKEY },
    ),
  },
  { error: NOT_A_PASSKEY },
);

export const PasskeyName = text({
  max: 60,
  required: "Give the passkey a name, like “My phone”.",
  notText: "Give the passkey a name, like “My phone”.",
  tooLong: "Use at most 60 characters for the name.",
});

export const RegisterPasskeyInput = z.object({
  name: PasskeyName,
  response: RegistrationResponse,
});

export const PasskeyIdInput = z.object({ id: z.uuid({ error: "That passkey was not found." }) });
