import { describe, expect, it } from "vitest";
import { generateTemporaryPassword, passwordProblem } from "./passwords";

describe("password policy", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("Lantern meadow quartz 42")).toBeNull();
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });

  it("refuses short, overlong, common and guessable passwords with a human message", () => {
    expect(passwordProblem("Xq7!mR2#")).toBe("Use at least 12 characters.");
    expect(passwordProblem("x".repeat(1025))).toBe("Use at most 1,024 characters.");
    for (const common of [
      "password1234",
      "123456789012",
      "qwertyuiop123",
      "iloveyou1234",
      "aaaaaaaaaaaa",
    ])
      expect(passwordProblem(common), common).toMatch(/too common or too easy to guess/);
  });

  it("refuses the account's own email, and passwords built from the user's name", () => {
    expect(passwordProblem("Jane.Doe@Example.com", { email: "jane.doe@example.com" })).toBe(
      "Do not use your email address as your password.",
    );
    expect(
      passwordProblem("jane.doe1234", { email: "jane.doe@example.com", name: "Jane Doe" }),
    ).toMatch(/too common/);
  });

  it("generates temporary passwords that are long, varied and pass the policy", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(20);
    expect(passwordProblem(generateTemporaryPassword())).toBeNull();
  });
});
