import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AddDiaryEntryInput } from "@/server/api/routers/diary.schema";
import { type EntryAnswers, entryProblems } from "./diary-rules";

const good: EntryAnswers = {
  painAverage: 4,
  enjoyment: 3,
  activity: 5,
  locations: ["lumbar"],
  qualities: ["aching"],
  siteSoreness: false,
  medication: "",
  note: "",
  pgic: null,
};

/** The server's first message per field for the same answers. */
function serverProblems(answers: EntryAnswers) {
  const parsed = AddDiaryEntryInput.safeParse({
    ...answers,
    clientId: "3f1c4f0e-8a7b-4c3d-9e2f-1a2b3c4d5e6f",
    entryDate: "2026-11-20",
  });
  if (parsed.success) return {};
  const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]]));
}

describe("the diary form's rules on the phone match the server's, message for message", () => {
  test.each<[string, Partial<EntryAnswers>, Record<string, string>]>([
    ["a complete entry", {}, {}],
    [
      "no pain score",
      { painAverage: null },
      { painAverage: "Choose a number from 0 to 10 for your pain." },
    ],
    [
      "out of range",
      { enjoyment: 11 },
      { enjoyment: "Choose a number from 0 to 10 for enjoyment of life." },
    ],
    [
      "not whole",
      { activity: 2.5 },
      { activity: "Choose a whole number from 0 to 10 for general activity." },
    ],
    ["in pain, nowhere", { locations: [] }, { locations: "Choose where it hurts." }],
    ["no pain, nowhere", { painAverage: 0, locations: [] }, {}],
    [
      "a place twice",
      { locations: ["knee", "knee"] },
      { locations: "Choose each place only once." },
    ],
    [
      "a place not on the list",
      { locations: ["elbow"] },
      { locations: "Choose where it hurts from the list." },
    ],
    ["soreness unanswered", { siteSoreness: null }, { siteSoreness: "Choose yes or no." }],
    ["a long note", { note: "x".repeat(2001) }, { note: "A note has at most 2,000 characters." }],
    [
      "a NUL in the medication",
      { medication: "a\u0000b" },
      {
        medication:
          "This text contains an invisible or broken character (such as a null character or half an emoji). Remove it and try again.",
      },
    ],
  ])("%s", (_, change, expected) => {
    const answers = { ...good, ...change };
    expect(entryProblems(answers)).toEqual(expected);
    // zod checks the type first: a null score or soreness is a type error there, same words.
    expect(serverProblems(answers)).toEqual(expected);
  });
});
