import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  EMPTY_STYLE_HASH,
  isCrossSiteRequest,
  staticSecurityHeaders,
  TOAST_STYLE_HASH,
} from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and never eval in production", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("allows style elements only with the nonce or a known hash; only attributes inline", () => {
    const csp = contentSecurityPolicy("abc123", false);
    const styleSrc = csp.split("; ").find((d) => d.startsWith("style-src "));
    expect(styleSrc).toBe(
      `style-src 'self' 'nonce-abc123' '${TOAST_STYLE_HASH}' '${EMPTY_STYLE_HASH}'`,
    );
    expect(EMPTY_STYLE_HASH).toBe(`sha256-${createHash("sha256").update("").digest("base64")}`);
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
  });

  it("knows the hash of the stylesheet the toast library inserts", () => {
    const file = createRequire(import.meta.url)
      .resolve("sonner")
      .replace(/index\.js$/, "index.mjs");
    const literal = readFileSync(file, "utf8").match(/__insertCSS\(("(?:[^"\\]|\\.)*")\)/)?.[1];
    expect(literal, "sonner no longer inserts its stylesheet this way").toBeDefined();
    const css = JSON.parse(literal ?? '""') as string;
    expect(`sha256-${createHash("sha256").update(css).digest("base64")}`).toBe(TOAST_STYLE_HASH);
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
