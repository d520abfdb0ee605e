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
