/**
 * A web push service in the test process (HTTPS on 127.0.0.1, a certificate made with openssl for
 * the test): it receives what web-push sends, and a subscription made here decrypts the payload
 * with its own keys as a browser would (RFC 8291, aes128gcm), so a test reads exactly what a
 * phone would show. `answer(status)` makes it answer the next requests with that status (410: the
 * subscription is gone).
 */
import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type ReceivedPush = { path: string; headers: Record<string, string>; body: Buffer };

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "push-service-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(join(dir, "key.pem")),
      cert: readFileSync(join(dir, "cert.pem")),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startTestPushService() {
  const { key, cert } = selfSignedCertificate();
  const received: ReceivedPush[] = [];
  let status = 201;
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(",") : (v ?? ""),
          ]),
        ),
        body: Buffer.concat(chunks),
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    /** Trusts this service's certificate only. */
    agent: new Agent({ ca: cert }),
    answer: (s: number) => {
      status = s;
    },
    /** A browser's subscription to this service: what the portal stores, and how to read a push. */
    subscription() {
      const ecdh = createECDH("prime256v1");
      const uaPublic = ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const id = randomBytes(8).toString("hex");
      return {
        endpoint: `${origin}/push/${id}`,
        p256dh: uaPublic.toString("base64url"),
        auth: authSecret.toString("base64url"),
        path: `/push/${id}`,
        decrypt: (body: Buffer) => decryptAes128gcm(body, ecdh, uaPublic, authSecret),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync("sha256", ikm, salt, info, length));

/** RFC 8291 / RFC 8188: one record, as web-push sends it. */
function decryptAes128gcm(
  body: Buffer,
  ecdh: ReturnType<typeof createECDH>,
  uaPublic: Buffer,
  authSecret: Buffer,
): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
  const nonce = hkdf(salt, ikm, Buffer.from("Content-Encoding: nonce\0"), 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("not the last record of an aes128gcm payload");
  return padded.subarray(0, end).toString("utf8");
}
