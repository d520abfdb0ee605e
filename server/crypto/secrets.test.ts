import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  KeyringError,
  keyIdOf,
  newKeyEntry,
  parseKeyring,
} from "./secrets";

const one = newKeyEntry("one");
const two = newKeyEntry("two");

describe("secrets at rest", () => {
  it("encrypts with the current key and reads it back; the value names its key", () => {
    const ring = parseKeyring(one);
    const stored = encryptSecret(ring, "JBSWY3DPEHPK3PXP");
    expect(stored).not.toContain("JBSWY3DPEHPK3PXP");
    expect(keyIdOf(stored)).toBe("one");
    expect(decryptSecret(ring, stored)).toBe("JBSWY3DPEHPK3PXP");
    // a fresh IV each time
    expect(encryptSecret(ring, "JBSWY3DPEHPK3PXP")).not.toBe(stored);
  });

  it("reads values under an older key after rotation, and writes under the new one", () => {
    const old = encryptSecret(parseKeyring(one), "secret");
    const rotated = parseKeyring(`${two},${one}`);
    expect(decryptSecret(rotated, old)).toBe("secret");
    expect(keyIdOf(encryptSecret(rotated, "secret"))).toBe("two");
  });

  it("refuses a value whose key is gone or that was altered", () => {
    const stored = encryptSecret(parseKeyring(one), "secret");
    expect(() => decryptSecret(parseKeyring(two), stored)).toThrow(KeyringError);
    // flip one bit of the ciphertext (the character replaced is always a different one)
    const parts = stored.split(":");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 4), body.toString("base64url")].join(":");
    expect(tampered).not.toBe(stored);
    expect(() => decryptSecret(parseKeyring(one), tampered)).toThrow();
    // the key id is authenticated too: moving a value to another id fails
    const ring = parseKeyring(`${two},${one.replace("one:", "two2:")}`);
    expect(() => decryptSecret(ring, stored.replace(":one:", ":two2:"))).toThrow();
  });

  it("passes a value stored before encryption through, for the start-up pass to encrypt", () => {
    expect(keyIdOf("JBSWY3DPEHPK3PXP")).toBeNull();
    expect(decryptSecret(parseKeyring(one), "JBSWY3DPEHPK3PXP")).toBe("JBSWY3DPEHPK3PXP");
  });

  it.each(["", "nokey", "a:short", "bad id!:AAAA", `x:${Buffer.alloc(16).toString("base64")}`])(
    "refuses a malformed key ring %j",
    (text) => {
      expect(() => parseKeyring(text)).toThrow(KeyringError);
    },
  );
});
