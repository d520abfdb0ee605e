import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const withCode = (code: string) => Object.assign(new Error("x"), { code });
const wrapped = (cause: unknown) => new Error("Failed query: select 1", { cause });

describe("isDatabaseUnavailable", () => {
  test.each([
    ["postgres.js connection closed", withCode("CONNECTION_CLOSED"), true],
    ["postgres.js connect timeout", withCode("CONNECT_TIMEOUT"), true],
    ["connection refused", withCode("ECONNREFUSED"), true],
    ["connection reset", withCode("ECONNRESET"), true],
    ["admin shutdown (57P01)", withCode("57P01"), true],
    ["starting up (57P03)", withCode("57P03"), true],
    ["connection exception class 08", withCode("08006"), true],
    ["wrapped by drizzle", wrapped(withCode("ECONNREFUSED")), true],
    ["several addresses refused", new AggregateError([withCode("ECONNREFUSED")]), true],
    ["unique violation", withCode("23505"), false],
    ["syntax error", wrapped(withCode("42601")), false],
    ["plain error", new Error("boom"), false],
    ["not an error", "ECONNREFUSED", false],
  ])("%s", (_, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  test("a cause chain that loops ends", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
