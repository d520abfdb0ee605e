import { describe, expect, it } from "vitest";
import { IDLE_TIMEOUT_SECONDS, SESSION_MAX_AGE_SECONDS, sessionExpired } from "./session-policy";

const now = 1_800_000_000;

describe("sessionExpired", () => {
  it.each([
    // role, seconds since sign-in, seconds idle, expired?
    ["patient", 0, 0, false],
    ["patient", SESSION_MAX_AGE_SECONDS - 1, 0, false],
    ["patient", SESSION_MAX_AGE_SECONDS, 0, true],
    ["patient", 3600, IDLE_TIMEOUT_SECONDS + 600, false],
    ["provider", 3600, IDLE_TIMEOUT_SECONDS - 1, false],
    ["provider", 3600, IDLE_TIMEOUT_SECONDS, true],
    ["admin", 3600, IDLE_TIMEOUT_SECONDS - 1, false],
    ["admin", 3600, IDLE_TIMEOUT_SECONDS, true],
    ["admin", SESSION_MAX_AGE_SECONDS, 0, true],
  ] as const)("%s, %i s after sign-in, %i s idle: expired=%s", (role, age, idle, expected) => {
    expect(sessionExpired(role, now - age, now - idle, now)).toBe(expected);
  });

  it("treats a token without its times as expired", () => {
    expect(sessionExpired("patient", undefined, now, now)).toBe(true);
    expect(sessionExpired("patient", now, undefined, now)).toBe(true);
  });
});
