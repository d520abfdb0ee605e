"use client";

import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { ChoiceCard } from "../choice-cards";
import { Section } from "./section";

const ANSWERS = [
  [true, "Yes"],
  [false, "No"],
] as const;

/** Whether the treated site is sore today: yes or no. */
export function SiteSorenessSection({
  value,
  error,
  onChange,
}: {
  value: boolean | null;
  error?: string;
  onChange: (sore: boolean) => void;
}) {
  return (
    <Section>
      <fieldset
        id="siteSoreness"
        aria-describedby={cn("siteSoreness-hint", error && "siteSoreness-error") || undefined}
      >
        <legend className="text-base font-semibold text-slate-900">
          Is the treated site sore today?
        </legend>
        <p id="siteSoreness-hint" className="mt-1 text-sm text-slate-600">
          Soreness, bruising or a sunburn-like feeling where the procedure was done.
        </p>
        <div className="mt-3 grid grid-cols-2 gap-2">
          {ANSWERS.map(([v, label]) => (
            <ChoiceCard
              key={label}
              name="siteSoreness"
              checked={value === v}
              onChange={() => onChange(v)}
              invalid={Boolean(error)}
            >
              {label}
            </ChoiceCard>
          ))}
        </div>
        <FieldError id="siteSoreness-error" error={error} />
      </fieldset>
    </Section>
  );
}
