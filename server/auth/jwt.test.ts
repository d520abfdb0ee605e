import * as nextAuth from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decode, encode } from "./jwt";

const secret = "a-test-secret-of-enough-length-0123456789";
const claims = { sub: "user-1", sv: 3, sid: "session-1", at: 1_800_000_000, lat: 1_800_000_100 };

describe("session tokens with the key derived once", () => {
  it("reads the tokens next-auth wrote, and next-auth reads ours", async () => {
    const theirs = await nextAuth.encode({ token: claims, secret, maxAge: 600 });
    expect(await decode({ token: theirs, secret })).toMatchObject(claims);
    const ours = await encode({ token: claims, secret, maxAge: 600 });
    const read = await nextAuth.decode({ token: ours, secret });
    expect(read).toMatchObject(claims);
    expect(read?.exp).toBe((read?.iat as number) + 600);
    expect(read?.jti).toEqual(expect.any(String));
  });

  it("refuses a token changed in transit, one of another secret, and an expired one", async () => {
    const token = await encode({ token: claims, secret, maxAge: 600 });
    const [h, k, iv, c = "", t] = token.split(".");
    const flipped = `${c[0] === "A" ? "B" : "A"}${c.slice(1)}`;
    await expect(decode({ token: [h, k, iv, flipped, t].join("."), secret })).rejects.toThrow();
    await expect(decode({ token, secret: `${secret}x` })).rejects.toThrow();
    const expired = await nextAuth.encode({ token: claims, secret, maxAge: -60 });
    await expect(decode({ token: expired, secret })).rejects.toThrow();
    await expect(decode({ token: "not.a.token", secret })).rejects.toThrow();
    expect(await decode({ token: "", secret })).toBeNull();
  });
});
