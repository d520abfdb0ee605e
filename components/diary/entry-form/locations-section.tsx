"use client";

import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import type { Location } from "@/server/outcomes/diary-lists";
import { BodyMap, locationOptions } from "../body-map";
import { CheckboxChips } from "../choice-cards";
import { Section } from "./section";

/** Where it hurts: the body map and the same locations as chips ("Right knee"), kept in step. */
export function LocationsSection({
  selected,
  error,
  onToggle,
}: {
  selected: Location[];
  error?: string;
  onToggle: (location: Location) => void;
}) {
  return (
    <Section>
      <fieldset
        id="locations"
        aria-describedby={cn("locations-hint", error && "locations-error") || undefined}
      >
        <legend className="text-base font-semibold text-slate-900">
          Where does it hurt today?
        </legend>
        <p id="locations-hint" className="mt-1 text-sm text-slate-600">
          Choose all that apply, each side on its own. You can also tap the picture.
        </p>
        <div className="mt-3 grid gap-4 sm:grid-cols-[auto_1fr] sm:items-start">
          <BodyMap selected={selected} onToggle={onToggle} />
          <CheckboxChips
            name="locations"
            options={locationOptions(selected)}
            selected={selected}
            onToggle={onToggle}
            invalid={Boolean(error)}
            columns={2}
          />
        </div>
        <FieldError id="locations-error" error={error} />
      </fieldset>
    </Section>
  );
}
