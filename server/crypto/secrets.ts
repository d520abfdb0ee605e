// Secrets at rest (docs/decisions/023-secrets-at-rest.md): AES-256-GCM under a key ring, each
// value carrying the id of its key, so that keys can rotate. Pure: the key ring is an argument.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export type Keyring = {
  /** The key new values are encrypted with. */
  current: string;
  /** Every key that may still be needed to read a value, by id. */
  keys: ReadonlyMap<string, Buffer>;
};

const PREFIX = "enc:v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class KeyringError extends Error {}

/**
 * A key ring from its text: `id:base64key` entries, separated by commas or new lines, the first
 * being the current key. Each key is 32 random bytes (`openssl rand -base64 32`).
 */
export function parseKeyring(text: string): Keyring {
  const entries = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(":");
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), "base64");
      if (at < 1 || !KEY_ID.test(id) || key.length !== 32) {
        throw new KeyringError(
          "DATA_ENCRYPTION_KEY must be id:key entries, each key 32 bytes in base64 (openssl rand -base64 32).",
        );
      }
      return [id, key] as const;
    });
  const first = entries[0];
  if (!first) throw new KeyringError("DATA_ENCRYPTION_KEY holds no key.");
  return { current: first[0], keys: new Map(entries) };
}

/** A new key ring entry: `id:base64key`. */
export function newKeyEntry(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/** `enc:v1:<key id>:<iv>:<ciphertext and tag>`, the parts in base64url. */
export function encryptSecret(ring: Keyring, plaintext: string): string {
  const key = ring.keys.get(ring.current);
  if (!key) throw new KeyringError("The current key is missing from the key ring.");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(ring.current));
  const body = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return [PREFIX, ring.current, iv.toString("base64url"), body.toString("base64url")].join(":");
}

/** Whether a stored value is encrypted, and under which key. */
export function keyIdOf(stored: string): string | null {
  if (!stored.startsWith(`${PREFIX}:`)) return null;
  return stored.split(":")[2] ?? null;
}

/**
 * The plaintext of a stored value. A value stored before encryption (no prefix) is returned as it
 * is, until the start-up pass encrypts it; a value whose key is not in the ring, or that was
 * altered, throws.
 */
export function decryptSecret(ring: Keyring, stored: string): string {
  const kid = keyIdOf(stored);
  if (kid === null) return stored;
  const [, , , iv, body] = stored.split(":");
  const key = ring.keys.get(kid);
  if (!key || !iv || !body) throw new KeyringError(`No key "${kid}" to read a stored secret.`);
  const data = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(kid));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([
    decipher.update(data.subarray(0, data.length - 16)),
    decipher.final(),
  ]).toString("utf8");
}
