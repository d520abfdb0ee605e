// The text provider's inbound webhook (docs/decisions/040-push-and-texts.md): Twilio posts each
// text a patient sends to the portal's number, signed with the account's auth token
// (X-Twilio-Signature over the public address and the form's fields). Unsigned or wrongly signed
// requests are refused and audited; a signed one goes to receiveText (STOP, HELP), whose answer
// is sent back as TwiML.
import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { recordDenial } from "@/server/services/audit";
import { getClinicSettings } from "@/server/services/settings";
import { receiveText } from "@/server/services/texts";
import { signedByTwilio } from "@/server/texts/twilio";

export const TEXT_WEBHOOK_PATH = "/api/texts/inbound";

const xml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function textWebhookRoute(
  ctx: { db: Db; ip: string | null },
  request: Request,
  authToken: string | undefined = env.TWILIO_AUTH_TOKEN,
): Promise<Response> {
  if (!authToken) return plain(404, "Not found.");
  const form = await request.formData().catch(() => null);
  const params: Record<string, string> = {};
  for (const [key, value] of form?.entries() ?? [])
    if (typeof value === "string") params[key] = value;
  const signature = request.headers.get("x-twilio-signature") ?? "";
  // Twilio signs the address it was given: the portal's public one (clinic settings).
  const url = `${(await getClinicSettings(ctx.db)).publicUrl}${TEXT_WEBHOOK_PATH}`;
  if (!form || !signature || !signedByTwilio(authToken, signature, url, params)) {
    await recordDenial(ctx.db, null, ctx.ip, { route: "texts.inbound", code: "FORBIDDEN" });
    return plain(403, "The request is not signed.");
  }
  const from = params.From ?? "";
  const { reply } = await receiveText(ctx.db, { from, body: params.Body ?? "" }, ctx.ip);
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${xml(reply)}</Message></Response>`,
    { headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" } },
  );
}
