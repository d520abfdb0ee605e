"use client";

import { ScoreScale } from "../score-scale";
import { Section } from "./section";
import type { Errors, SetValue, Values } from "./values";

type ScoreField = "painAverage" | "enjoyment" | "activity";

/** The three 0-10 questions, in the order the form asks them. */
const SCORES: Array<{ id: ScoreField; legend: string; low: string; high: string }> = [
  {
    id: "painAverage",
    legend: "Your pain on average in the last 24 hours",
    low: "no pain",
    high: "pain as bad as you can imagine",
  },
  {
    id: "enjoyment",
    legend: "How much did pain interfere with your enjoyment of life?",
    low: "does not interfere",
    high: "completely interferes",
  },
  {
    id: "activity",
    legend: "How much did pain interfere with your general activity?",
    low: "does not interfere",
    high: "completely interferes",
  },
];

/** Pain, and how much it interfered with enjoyment of life and general activity: one card each. */
export function ScoreSections({
  values,
  errors,
  set,
}: {
  values: Pick<Values, ScoreField>;
  errors: Errors;
  set: SetValue;
}) {
  return SCORES.map((q) => (
    <Section key={q.id}>
      <ScoreScale
        id={q.id}
        legend={q.legend}
        low={q.low}
        high={q.high}
        value={values[q.id]}
        onChange={(n) => set(q.id, n)}
        error={errors[q.id]}
      />
    </Section>
  ));
}
