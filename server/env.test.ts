import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, dataKeyring, parseEnv } from "./env";

const dir = mkdtempSync(path.join(tmpdir(), "env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the key ring for secrets at rest", () => {
  it("is generated under DATA_DIR on first start and read back after", () => {
    const e = parseEnv({ DATA_DIR: dir });
    const first = dataKeyring(e);
    expect(readFileSync(path.join(dir, "data-encryption-key"), "utf8")).toContain(
      `${first.current}:`,
    );
    expect(dataKeyring(e).keys.get(first.current)).toEqual(first.keys.get(first.current));
  });

  it("comes from DATA_ENCRYPTION_KEY when set, and is required with PostgreSQL in production", () => {
    const key = `prod:${Buffer.alloc(32, 1).toString("base64")}`;
    expect(dataKeyring(parseEnv({ DATA_ENCRYPTION_KEY: key })).current).toBe("prod");
    expect(() =>
      dataKeyring(
        parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/portal" }),
      ),
    ).toThrow(ConfigError);
  });
});

describe("push and text configuration (docs/decisions/040-push-and-texts.md)", () => {
  it("refuses a text provider without its account, key and number, and half a VAPID key pair", () => {
    expect(() => parseEnv({ SMS_PROVIDER: "twilio" })).toThrow(
      /SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_FROM/,
    );
    expect(() =>
      parseEnv({
        SMS_PROVIDER: "twilio",
        TWILIO_ACCOUNT_SID: "AC1",
        TWILIO_AUTH_TOKEN: "t",
        SMS_FROM: "0207 946 0000",
      }),
    ).toThrow(/SMS_FROM must be a phone number/);
    expect(
      parseEnv({
        SMS_PROVIDER: "twilio",
        TWILIO_ACCOUNT_SID: "AC1",
        TWILIO_AUTH_TOKEN: "t",
        SMS_FROM: "+15550102030",
      }).SMS_PROVIDER,
    ).toBe("twilio");
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: "B".repeat(87) })).toThrow(ConfigError);
    expect(() => parseEnv({ VAPID_SUBJECT: "http://clinic.example" })).toThrow(
      /VAPID_SUBJECT must start with mailto: or https:/,
    );
  });
});
