// The session cookie's token, as next-auth v4 writes it (an encrypted JWT: JWE compact, "dir" key
// management, A256GCM, the key derived from the secret with HKDF-SHA256), with the key derived once
// per process and secret instead of on every encode and decode (next-auth derives it each time;
// a request decodes in the proxy and again in the page or route, and next-auth re-encodes the
// session cookie on every read). Tokens are interchangeable with next-auth's own encode/decode:
// `jwt.test.ts` checks both directions.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/** next-auth's default when no maxAge is given: 30 days. */
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
/** Seconds of clock difference allowed on `exp` and `nbf`, as next-auth allows. */
const CLOCK_TOLERANCE = 15;
const HEADER = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");

const keys = new Map<string, Buffer>();

/** The encryption key of a secret (and salt), derived as next-auth derives it, once. */
function keyOf(secret: JWTEncodeParams["secret"], salt = ""): Buffer {
  const material = typeof secret === "string" ? secret : Buffer.from(secret).toString("latin1");
  const id = `${salt}\u0000${material}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = Buffer.from(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const now = () => Math.floor(Date.now() / 1000);

export async function encode({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE,
  salt = "",
}: JWTEncodeParams): Promise<string> {
  const iat = now();
  const payload = JSON.stringify({ ...token, iat, exp: iat + maxAge, jti: randomUUID() });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, salt), iv);
  cipher.setAAD(Buffer.from(HEADER, "ascii"));
  const encrypted = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  return `${HEADER}..${iv.toString("base64url")}.${encrypted.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
}

/** The token's claims; throws when it is not one of ours, was tampered with, or has expired. */
export async function decode({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const parts = token.split(".");
  const [header = "", key = "", iv = "", ciphertext = "", tag = ""] = parts;
  if (parts.length !== 5 || key !== "") throw new Error("Not an encrypted session token");
  const protectedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  if (protectedHeader?.alg !== "dir" || protectedHeader?.enc !== "A256GCM") {
    throw new Error("Unexpected token algorithm");
  }
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== 16) throw new Error("Invalid token");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    keyOf(secret, salt),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAAD(Buffer.from(header, "ascii"));
  decipher.setAuthTag(authTag);
  const text = Buffer.concat([
    decipher.update(Buffer.from(ciphertext, "base64url")),
    decipher.final(),
  ]).toString("utf8");
  const claims = JSON.parse(text) as JWT & { exp?: unknown; nbf?: unknown; iat?: unknown };
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
    throw new Error("Invalid token claims");
  }
  const at = now();
  if (
    claims.exp !== undefined &&
    (typeof claims.exp !== "number" || claims.exp <= at - CLOCK_TOLERANCE)
  ) {
    throw new Error("Session token expired");
  }
  if (
    claims.nbf !== undefined &&
    (typeof claims.nbf !== "number" || claims.nbf > at + CLOCK_TOLERANCE)
  ) {
    throw new Error("Session token not yet valid");
  }
  if (claims.iat !== undefined && typeof claims.iat !== "number") throw new Error("Invalid token");
  return claims;
}
