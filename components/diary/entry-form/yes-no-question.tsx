"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { ChoiceCard } from "../choice-cards";
import { Section } from "./section";

const ANSWERS = [
  [true, "Yes"],
  [false, "No"],
] as const;

/** A question answered yes or no, two large choices side by side. */
export function YesNoQuestion({
  id,
  legend,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: boolean | null;
  error?: string | undefined;
  onChange: (answer: boolean) => void;
}) {
  return (
    <Section>
      <fieldset
        id={id}
        aria-describedby={cn(hint ? `${id}-hint` : null, error ? `${id}-error` : null) || undefined}
      >
        <legend className="text-base font-semibold text-slate-900">{legend}</legend>
        {hint ? (
          <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
        {/* Side by side on a phone; one above the other when enlarged text would not fit two. */}
        <div className="mt-3 grid grid-cols-[repeat(auto-fit,minmax(min(6rem,100%),1fr))] gap-2">
          {ANSWERS.map(([v, label]) => (
            <ChoiceCard
              key={label}
              name={id}
              checked={value === v}
              onChange={() => onChange(v)}
              invalid={Boolean(error)}
            >
              {label}
            </ChoiceCard>
          ))}
        </div>
        <FieldError id={`${id}-error`} error={error} />
      </fieldset>
    </Section>
  );
}
