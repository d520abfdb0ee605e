"use client";

import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { QUALITIES, type Quality, qualityLabels } from "@/server/outcomes/diary-lists";
import { CheckboxChips } from "../choice-cards";
import { Section } from "./section";

const qualityOptions = QUALITIES.map((value) => ({ value, label: qualityLabels[value] }));

/** What the pain feels like (none when there is no pain). */
export function QualitiesSection({
  selected,
  error,
  onToggle,
}: {
  selected: Quality[];
  error?: string;
  onToggle: (quality: Quality) => void;
}) {
  return (
    <Section>
      <fieldset
        id="qualities"
        aria-describedby={cn("qualities-hint", error && "qualities-error") || undefined}
      >
        <legend className="text-base font-semibold text-slate-900">
          What does the pain feel like?
        </legend>
        <p id="qualities-hint" className="mt-1 text-sm text-slate-600">
          Choose all that apply, or none if you have no pain.
        </p>
        <CheckboxChips
          name="qualities"
          options={qualityOptions}
          selected={selected}
          onToggle={onToggle}
          invalid={Boolean(error)}
          className="mt-3"
        />
        <FieldError id="qualities-error" error={error} />
      </fieldset>
    </Section>
  );
}
