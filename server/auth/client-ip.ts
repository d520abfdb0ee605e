/**
 * The client address. The server (scripts/start.ts) overwrites X-Forwarded-For with the socket
 * address unless TRUST_PROXY is set, in which case the proxy appended the address it saw:
 * either way the right-most entry is the one to believe.
 */
export function clientIpFromHeaders(
  headers: Headers | Record<string, string | string[] | undefined>,
): string | null {
  const raw =
    headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").pop()?.trim();
  return last ? last.slice(0, 64) : null;
}
