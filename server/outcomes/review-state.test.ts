import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import {
  byQueueOrder,
  type QueueItem,
  type ReviewReason,
  type ReviewState,
  type ReviewStateInput,
  reviewState,
} from "./review-state";

const TODAY = "2026-03-31";
const P = addDays(TODAY, -60); // the procedure, 60 days ago
const day = (n: number) => addDays(TODAY, n);
const decided = (daysAgo: number, followUpIn: number | null = null) => ({
  decidedAt: `${day(-daysAgo)}T10:00:00.000Z`,
  decidedOn: day(-daysAgo),
  followUpOn: followUpIn === null ? null : day(followUpIn),
});
/** Unanswered messages from the patient, the oldest and the newest `n` days from today at 08:00. */
const messages = (oldest: number, newest: number) => ({
  oldest: `${day(oldest)}T08:00:00.000Z`,
  newest: `${day(newest)}T08:00:00.000Z`,
});

const base: ReviewStateInput = {
  today: TODAY,
  procedure: { performedOn: P },
  openFlags: 0,
  overdueCheckIns: [],
  dueCheckIns: [],
  decision: null,
  unreadMessages: null,
  assignedOn: addDays(TODAY, -90),
};

describe("reviewState (docs/clinical-rules.md#review-states: first rule that matches)", () => {
  it.each<[string, Partial<ReviewStateInput>, ReviewState, ReviewReason[], string | null]>([
    // needs_review
    ["no procedure recorded", { procedure: null }, "needs_review", ["no_procedure"], day(-90)],
    [
      "no procedure recorded, and a message waiting",
      { procedure: null, unreadMessages: messages(-2, -1) },
      "needs_review",
      ["no_procedure", "unread_message"],
      day(-90),
    ],
    [
      "no procedure, even with a decision",
      { procedure: null, decision: decided(3, 10) },
      "needs_review",
      ["no_procedure"],
      day(-90),
    ],
    ["an open flag, no decision", { openFlags: 1 }, "needs_review", ["open_flags"], P],
    [
      "an open flag after a decision (raised after it: the decision acknowledged the rest)",
      { openFlags: 2, decision: decided(5, 30) },
      "needs_review",
      ["open_flags"],
      day(-5),
    ],
    [
      "an open flag beats a follow-up that is due",
      { openFlags: 1, decision: decided(20, -1) },
      "needs_review",
      ["open_flags"],
      day(-20),
    ],
    [
      // check-in 42 of a procedure 60 days ago: overdue from day 49 (11 days ago)
      "an overdue check-in, no decision",
      { overdueCheckIns: [42] },
      "needs_review",
      ["overdue_check_in"],
      day(-11),
    ],
    [
      "a check-in overdue after the decision",
      { overdueCheckIns: [42], decision: decided(12, 30) },
      "needs_review",
      ["overdue_check_in"],
      day(-11),
    ],
    [
      "an unanswered message after the decision",
      { unreadMessages: messages(-1, -1), decision: decided(2, 30) },
      "needs_review",
      ["unread_message"],
      day(-1),
    ],
    [
      "every reason, waiting since the earliest",
      {
        openFlags: 1,
        overdueCheckIns: [14, 42],
        unreadMessages: messages(-2, -1),
      },
      "needs_review",
      ["open_flags", "unread_message", "overdue_check_in"],
      P,
    ],
    [
      "a message before the decision and one after it: waiting since the one after",
      { unreadMessages: messages(-5, -1), decision: decided(3, 30) },
      "needs_review",
      ["unread_message"],
      day(-1),
    ],
    [
      "unanswered messages without a decision: waiting since the oldest",
      { unreadMessages: messages(-6, -1) },
      "needs_review",
      ["unread_message"],
      day(-6),
    ],
    // follow_up_due
    ["follow-up today", { decision: decided(10, 0) }, "follow_up_due", [], TODAY],
    ["follow-up passed", { decision: decided(40, -5) }, "follow_up_due", [], day(-5)],
    [
      "a check-in that was overdue before the decision does not count",
      { overdueCheckIns: [42], decision: decided(11, -1) },
      "follow_up_due",
      [],
      day(-1),
    ],
    [
      "messages answered by a decision newer than all of them do not count",
      { unreadMessages: messages(-4, -3), decision: decided(3, -1) },
      "follow_up_due",
      [],
      day(-1),
    ],
    [
      "an open call task, due in two days: follow-up due from its day until closed",
      { callDueOn: day(2) },
      "follow_up_due",
      ["call_patient"],
      day(2),
    ],
    [
      "an open call task outranks a plan's later follow-up",
      { callDueOn: TODAY, decision: decided(3, 10) },
      "follow_up_due",
      ["call_patient"],
      TODAY,
    ],
    [
      "an open flag still comes first",
      { callDueOn: TODAY, openFlags: 1 },
      "needs_review",
      ["open_flags"],
      P,
    ],
    // follow_up_due: a check-in missed (docs/clinical-rules.md#tiered-outreach)
    [
      // the 2-week check-in of a procedure 19 days ago: its day was 5 days ago
      "a check-in unanswered 5 days after its day: call the patient",
      { procedure: { performedOn: day(-19) }, dueCheckIns: [14] },
      "follow_up_due",
      ["check_in_missed"],
      day(0),
    ],
    [
      "4 days after its day: the reminders still work",
      { procedure: { performedOn: day(-18) }, dueCheckIns: [14] },
      "monitoring",
      [],
      null,
    ],
    [
      "6 days after its day: waiting since day 5",
      { procedure: { performedOn: day(-20) }, dueCheckIns: [14] },
      "follow_up_due",
      ["check_in_missed"],
      day(-1),
    ],
    [
      "an open call task comes first",
      { procedure: { performedOn: day(-19) }, dueCheckIns: [14], callDueOn: day(-2) },
      "follow_up_due",
      ["call_patient"],
      day(-2),
    ],
    [
      "a decision recorded after day 5 has seen the missed check-in",
      { procedure: { performedOn: day(-20) }, dueCheckIns: [14], decision: decided(0, 30) },
      "plan_recorded",
      [],
      day(0),
    ],
    [
      "a check-in missed after the decision beats a later follow-up",
      { procedure: { performedOn: day(-20) }, dueCheckIns: [14], decision: decided(10, 30) },
      "follow_up_due",
      ["check_in_missed"],
      day(-1),
    ],
    [
      "an open flag still needs review first",
      { procedure: { performedOn: day(-19) }, dueCheckIns: [14], openFlags: 1 },
      "needs_review",
      ["open_flags"],
      day(-19),
    ],
    // plan_recorded
    [
      "a decision with a follow-up tomorrow",
      { decision: decided(3, 1) },
      "plan_recorded",
      [],
      day(-3),
    ],
    ["a decision without a follow-up", { decision: decided(3) }, "plan_recorded", [], day(-3)],
    [
      "a check-in overdue on the decision's day counts as seen",
      { overdueCheckIns: [42], decision: decided(11, 20) },
      "plan_recorded",
      [],
      day(-11),
    ],
    // monitoring
    ["nothing open, no decision", {}, "monitoring", [], null],
    [
      "a planned procedure, nothing open",
      { procedure: { performedOn: day(7) } },
      "monitoring",
      [],
      null,
    ],
  ])("%s", (_name, patch, state, reasons, since) => {
    expect(reviewState({ ...base, ...patch })).toEqual({ state, reasons, since });
  });
});

describe("byQueueOrder (docs/clinical-rules.md#review-states: state, then urgency, then waited longest)", () => {
  const item = (id: string, patch: Partial<QueueItem>): QueueItem => ({
    id,
    name: id,
    state: "monitoring",
    urgency: null,
    since: null,
    ...patch,
  });
  it("sorts by state, then severity of open flags, then the earliest wait, then name", () => {
    const items = [
      item("m", {}),
      item("plan", { state: "plan_recorded", since: day(-1) }),
      item("due-late", { state: "follow_up_due", since: day(-1) }),
      item("due-early", { state: "follow_up_due", since: day(-9) }),
      item("nr-info", { state: "needs_review", urgency: "info", since: day(-30) }),
      item("nr-high-new", { state: "needs_review", urgency: "high", since: day(-1) }),
      item("nr-high-old", { state: "needs_review", urgency: "high", since: day(-8) }),
      item("nr-none", { state: "needs_review", urgency: null, since: day(-50) }),
      item("nr-warning", { state: "needs_review", urgency: "warning", since: null }),
      item("a-monitoring", {}),
    ];
    expect(items.sort(byQueueOrder).map((i) => i.id)).toEqual([
      "nr-high-old",
      "nr-high-new",
      "nr-warning",
      "nr-info",
      "nr-none",
      "due-early",
      "due-late",
      "plan",
      "a-monitoring",
      "m",
    ]);
  });
});
