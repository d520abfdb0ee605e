/**
 * The web push adapter (docs/decisions/040-push-and-texts.md) over the `web-push` library: VAPID
 * signing and the RFC 8291 encryption of the payload are the library's. A 404 or 410 from the push
 * service means the subscription is gone (the browser dropped it): `SubscriptionGone`.
 */
import type { Agent } from "node:https";
import webpush from "web-push";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };
export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type SendPush = (target: PushTarget, payload: string) => Promise<void>;

export class SubscriptionGone extends Error {}

/** How long a push service keeps a message for a phone that is off: a day. */
const TTL_SECONDS = 86_400;

export const generateVapidKeys = () => webpush.generateVAPIDKeys();

/** `agent`: for tests, whose push service on 127.0.0.1 has its own certificate. */
export function webPushSender(keys: VapidKeys, agent?: Agent): SendPush {
  return async (target, payload) => {
    try {
      await webpush.sendNotification(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          TTL: TTL_SECONDS,
          urgency: "normal",
          vapidDetails: keys,
          contentEncoding: "aes128gcm",
          timeout: 10_000,
          ...(agent ? { agent } : {}),
        },
      );
    } catch (error) {
      if (
        error instanceof webpush.WebPushError &&
        (error.statusCode === 404 || error.statusCode === 410)
      )
        throw new SubscriptionGone(`push service answered ${error.statusCode}`);
      if (error instanceof webpush.WebPushError)
        throw new Error(`push service answered ${error.statusCode}`);
      throw error;
    }
  };
}
