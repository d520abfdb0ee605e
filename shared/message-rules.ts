// The rules of a message and of a "Report a change" (docs/decisions/020-messages.md), once, without
// zod: the server's input schema (message-input.ts) applies them after checking the types, and the
// patient's forms apply them on the phone before sending, so both give the same message for the
// same answer.

import { CHANGES, isLocation } from "@/server/outcomes/vocab-lists";
import { formatCount } from "./format-count";
import { isStorableText, UNSTORABLE_MESSAGE } from "./storable";

export const MESSAGE_MAX = 2000;

export const messageMessages = {
  change: "Choose what changed: one or more.",
  painNow: "Choose a number from 0 to 10 for your pain now, or leave it empty.",
  locationsFromList: "Choose where it hurts from the list.",
  bodyNotText: "Enter your message as text.",
  bodyTooLong: `A message has at most ${formatCount(MESSAGE_MAX)} characters.`,
  bodyRequired: "Write your message.",
  bodyNeeded: "Tell your care team what changed.",
  attach: "Choose yes or no.",
} as const;

export type ReportAnswers = {
  changes: readonly string[];
  painNow: number | null;
  locations: readonly string[];
  body: string;
};
export type ReportProblems = Partial<Record<keyof ReportAnswers, string>>;

/** What is wrong with a message's text (none: it can be sent). */
export function bodyProblem(body: string, required: string | null): string | null {
  const value = body.trim();
  if (!isStorableText(value)) return UNSTORABLE_MESSAGE;
  if (value.length > MESSAGE_MAX) return messageMessages.bodyTooLong;
  if (required && value.length === 0) return required;
  return null;
}

/** A question or "something else" needs words; the other changes may be sent without. */
export const changeNeedsText = (changes: readonly (string | null)[]) =>
  changes.some((c) => c === "question" || c === "other");

/** What is wrong with a report's answers, one message per question (none: it can be sent). */
export function reportProblems(a: ReportAnswers): ReportProblems {
  const problems: ReportProblems = {};
  if (
    a.changes.length === 0 ||
    !a.changes.every((c) => (CHANGES as readonly string[]).includes(c))
  ) {
    problems.changes = messageMessages.change;
  }
  if (a.painNow !== null && (!Number.isInteger(a.painNow) || a.painNow < 0 || a.painNow > 10)) {
    problems.painNow = messageMessages.painNow;
  }
  if (!a.locations.every(isLocation)) {
    problems.locations = messageMessages.locationsFromList;
  }
  const body = bodyProblem(a.body, changeNeedsText(a.changes) ? messageMessages.bodyNeeded : null);
  if (body) problems.body = body;
  return problems;
}
