/**
 * The text message adapter (docs/decisions/040-push-and-texts.md) over Twilio's official SDK:
 * sending, and checking the signature of Twilio's inbound webhook (X-Twilio-Signature).
 */
import twilio from "twilio";

export type SendText = (to: string, body: string) => Promise<void>;
export type TwilioConfig = { accountSid: string; authToken: string; from: string };
/** The SDK's HTTP client, replaced in tests by one that answers as Twilio would. */
export type TwilioHttpClient = NonNullable<Parameters<typeof twilio>[2]>["httpClient"];

export function twilioSender(config: TwilioConfig, httpClient?: TwilioHttpClient): SendText {
  const client = twilio(config.accountSid, config.authToken, httpClient ? { httpClient } : {});
  return async (to, body) => {
    await client.messages.create({ to, from: config.from, body });
  };
}

/** Whether an inbound webhook was signed by Twilio with this account's auth token. */
export const signedByTwilio = (
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string>,
) => twilio.validateRequest(authToken, signature, url, params);
