import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isCrossSiteRequest,
  staticSecurityHeaders,
} from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and never eval in production", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe("staticSecurityHeaders", () => {
  it("adds HSTS in production only", () => {
    expect(staticSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
  });
});

describe("isCrossSiteRequest", () => {
  const host = "portal.example.org";
  it.each([
    [{}, false],
    [{ "sec-fetch-site": "same-origin" }, false],
    [{ "sec-fetch-site": "none" }, false],
    [{ "sec-fetch-site": "same-site" }, true],
    [{ "sec-fetch-site": "cross-site" }, true],
    [{ origin: "https://portal.example.org" }, false],
    [{ origin: "https://evil.example" }, true],
    [{ origin: "https://portal.example.org.evil.example" }, true],
    [{ origin: "null" }, true],
    [{ origin: "not a url" }, true],
  ])("%j -> %s", (headers, expected) => {
    expect(isCrossSiteRequest(new Headers(headers), host)).toBe(expected);
  });
});
