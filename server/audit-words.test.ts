import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { auditActionWords, detailsWords, groupAuditEvents } from "./audit-words";

const at = (s: number) => new Date(Date.UTC(2026, 2, 15, 10, 0, s));
const event = (
  id: string,
  action: string,
  s: number,
  actorId = "a",
  ip = "1.1.1.1",
  details: Record<string, unknown> | null = null,
) => ({ id, at: at(s), action, outcome: "success", actorId, ip, details });

describe("audit trail in words", () => {
  it.each([
    ["caseload.read", "success", "Viewed the caseload"],
    ["patient.read", "success", "Viewed a patient's record"],
    ["auth.sign_in", "success", "Signed in"],
    ["auth.sign_in", "failure", "Failed to sign in"],
    ["passkey.sign_in", "success", "Signed in with a passkey"],
    ["passkey.sign_in", "failure", "Failed to sign in with a passkey"],
    ["passkey.register", "failure", "Failed to add a passkey"],
    ["passkey.remove", "success", "Removed a passkey"],
    ["decision.record", "success", "Recorded a decision"],
    ["message.read", "success", "Read a patient's messages"],
    ["message.reply", "success", "Replied to a patient"],
    ["kiosk.unlock", "success", "Unlocked the clinic's check-in station"],
    ["kiosk.unlock", "failure", "Failed to unlock the clinic's check-in station"],
    ["something.new_here", "success", "Something new here"],
  ])("%s (%s) reads %j", (action, outcome, words) => {
    expect(auditActionWords(action, outcome)).toBe(words);
  });

  it("groups the per-patient rows of one view into one line, and nothing else", () => {
    const lines = groupAuditEvents([
      event("1", "caseload.read", 30),
      event("2", "caseload.read", 30),
      event("3", "caseload.read", 29),
      event("4", "caseload.read", 10), // a later view: its own line
      event("5", "caseload.read", 10, "b"), // someone else
      event("6", "patient.read", 9, "a", "1.1.1.1", { view: "account_list" }),
      event("7", "patient.read", 9, "a", "1.1.1.1", { view: "account_list" }), // one list
      event("8", "patient.read", 9, "a", "1.1.1.1", { view: "review" }), // another view
      event("9", "caseload.read", 8, "a", "2.2.2.2"), // another address
      event("10", "decision.record", 8),
      event("11", "decision.record", 8), // changes are never grouped
      event("12", "message.list", 7),
      event("13", "message.list", 7), // one inbox page
      event("14", "message.read", 7),
    ]);
    expect(lines.map((l) => l.events.map((e) => e.id))).toEqual([
      ["1", "2", "3"],
      ["4"],
      ["5"],
      ["6", "7"],
      ["8"],
      ["9"],
      ["10"],
      ["11"],
      ["12", "13"],
      ["14"],
    ]);
  });
});

describe("audit details in words", () => {
  it.each([
    [{ expiresAt: "2026-12-05T05:38:37.454Z" }, "Europe/London", "Expires 5 Dec 2026, 05:38"],
    [{ expiresAt: "2026-12-05T05:38:37.454Z" }, "America/New_York", "Expires 5 Dec 2026, 00:38"],
    [{ view: "account_list" }, "UTC", "On the accounts list"],
    [{ reason: "wrong_password" }, "UTC", "Wrong password"],
    [{ reason: "device_taken" }, "UTC", "The device now gets another account's reminders"],
    [{ step: "mfa_pending" }, "UTC", "Second factor asked next"],
    [{ sessions: 3 }, "UTC", "Sessions ended: 3"],
    [{ page: "/provider", code: "FORBIDDEN" }, "UTC", "Page /provider · Not allowed"],
    [{ format: "pdf", procedureId: "0b6f…" }, "UTC", "As PDF"],
    [
      { procedureId: "x", strategies: ["medication_adjustment"], answeredFlags: [] },
      "UTC",
      "Medication adjustment · Flags answered: none",
    ],
    [{ requireStaffMfa: true, clinicPhone: "" }, "UTC", "Second factor required for staff: yes"],
    [{ rows: 120, created: 0, exists: 120 }, "UTC", "Rows: 120 · Created: 0 · already there: 120"],
    [
      { filters: { action: "auth.sign_in", person: "ada" } },
      "UTC",
      "Filtered by action: Signed in; person: ada",
    ],
    [{ providerId: null, procedureId: "x" }, "UTC", null],
    [
      { groupBy: "technique", procedures: 12 },
      "UTC",
      "Grouped by: Technique (RF variant) · Procedures: 12",
    ],
    [
      { reason: "no_match", wrongIdentities: 2 },
      "UTC",
      "No patient with that name and date of birth · Wrong identities on the station: 2",
    ],
    [{ stationId: "s-1", task: "entry" }, "UTC", "Station: s-1 · Offered: today's diary entry"],
    [{ unlockedBy: "u-1" }, "UTC", null],
    [null, "UTC", null],
  ])("%j in %s reads %j", (details, zone, words) => {
    expect(detailsWords(details, zone)).toBe(words);
  });

  it('has words for every action the portal records (no "Auth sign out")', () => {
    const recorded = execFileSync(
      "grep",
      ["-rhoE", 'action: "[a-z_]+\\.[a-z_.]+"', "server", "app"].concat([
        "--include=*.ts",
        "--include=*.tsx",
        "--exclude=*.test.ts",
      ]),
      { encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .map((line) => line.replace(/^action: "|"$/g, ""));
    const humanised = [...new Set(recorded)].filter(
      (action) =>
        auditActionWords(action) ===
        action.charAt(0).toUpperCase() + action.slice(1).replace(/[._]/g, " "),
    );
    expect(recorded.length).toBeGreaterThan(20);
    expect(humanised).toEqual([]);
  });
});
