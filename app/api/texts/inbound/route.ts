import { getAppDb } from "@/db/client";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { textWebhookRoute } from "@/server/http/text-webhook";

export const dynamic = "force-dynamic";

/** Texts patients send to the portal's number (STOP, HELP), from the text provider, signed. */
export async function POST(request: Request) {
  return textWebhookRoute({ db: getAppDb(), ip: clientIpFromHeaders(request.headers) }, request);
}
