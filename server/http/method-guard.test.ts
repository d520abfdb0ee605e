import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answeredUnsupportedMethod } from "./method-guard";

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (answeredUnsupportedMethod(req, res, true)) return;
    res.end("page");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method, path: "/signin" }, (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("methods the portal does not answer", () => {
  it.each(["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"])(
    "%s is 405 with Allow and the security headers",
    async (method) => {
      const res = await send(method);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD, POST");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=/);
      expect(res.body).not.toContain("page");
    },
  );

  it.each(["GET", "POST"])("%s goes on to the portal", async (method) => {
    const res = await send(method);
    expect(res.status).toBe(200);
    expect(res.body).toBe("page");
  });
});
