"use client";

import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { checkInName } from "@/server/outcomes/check-ins";
import { PGIC_ANSWERS, type Pgic, pgicLabels } from "@/server/outcomes/diary-lists";
import { ChoiceCard } from "../choice-cards";
import type { CheckInQuestion } from "../types";
import { Section } from "./section";

/** The check-in question (how the pain has changed since the procedure) on a check-in day. */
export function CheckInSection({
  checkIn,
  value,
  error,
  onChange,
}: {
  checkIn: NonNullable<CheckInQuestion>;
  value: Pgic | null;
  error?: string;
  onChange: (answer: Pgic) => void;
}) {
  return (
    <Section className="border-brand-200 bg-brand-50/40">
      <fieldset id="pgic" aria-describedby={cn("pgic-hint", error && "pgic-error") || undefined}>
        <legend className="text-base font-semibold text-slate-900">
          Since your procedure, how would you describe the change in your pain?
        </legend>
        <p id="pgic-hint" className="mt-1 text-sm text-slate-600">
          Your {checkInName[checkIn.day] ?? `day-${checkIn.day}`} check-in question. Think of your
          pain, activities and how you feel overall.
        </p>
        <div className="mt-3 grid gap-2">
          {PGIC_ANSWERS.map((p) => (
            <ChoiceCard
              key={p}
              name="pgic"
              checked={value === p}
              onChange={() => onChange(p)}
              invalid={Boolean(error)}
            >
              {pgicLabels[p]}
            </ChoiceCard>
          ))}
        </div>
        <FieldError id="pgic-error" error={error} />
      </fieldset>
    </Section>
  );
}
