import type { IncomingMessage, ServerResponse } from "node:http";
import { staticSecurityHeaders } from "./security-headers";

/** The methods the portal answers: pages and files (GET, HEAD), forms, tRPC and next-auth (POST). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** The headers of an answer the portal writes itself (no page, so nothing may load). */
export function bareResponseHeaders(production: boolean): Record<string, string> {
  return {
    ...staticSecurityHeaders(production),
    "Content-Security-Policy":
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
  };
}

/**
 * Answers a request with another method (TRACE, PUT, OPTIONS …) with 405 and the security headers,
 * before it reaches Next.js. True when it answered.
 */
export function answeredUnsupportedMethod(
  req: IncomingMessage,
  res: ServerResponse,
  production: boolean,
): boolean {
  if ((ALLOWED_METHODS as readonly string[]).includes(req.method ?? "")) return false;
  res.writeHead(405, {
    ...bareResponseHeaders(production),
    Allow: ALLOWED_METHODS.join(", "),
    "Content-Type": "text/plain; charset=utf-8",
  });
  res.end("Method not allowed\n");
  return true;
}
