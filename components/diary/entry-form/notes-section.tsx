"use client";

import { cn } from "@/components/ui/cn";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import { MEDICATION_MAX, NOTE_MAX } from "@/shared/diary-rules";
import { formatCount } from "@/shared/format-count";
import { Section } from "./section";
import type { Errors, SetValue, Values } from "./values";

/** The optional answers: medication taken today and a note for the care team. */
export function NotesSection({
  values,
  errors,
  set,
}: {
  values: Pick<Values, "medication" | "note">;
  errors: Errors;
  set: SetValue;
}) {
  return (
    <Section className="space-y-4">
      <Field
        id="medication"
        label="Pain medication taken today (optional)"
        hint="For example: ibuprofen 400 mg twice."
        error={errors.medication}
      >
        <Input
          id="medication"
          name="medication"
          value={values.medication}
          maxLength={MEDICATION_MAX}
          autoComplete="off"
          onChange={(e) => set("medication", e.target.value)}
          {...describedBy("medication", { hint: true, error: errors.medication })}
        />
      </Field>
      <Field
        id="note"
        label="Note (optional)"
        hint={`Anything you want your care team to know. Up to ${formatCount(NOTE_MAX)} characters.`}
        error={errors.note}
      >
        <Textarea
          id="note"
          name="note"
          rows={4}
          value={values.note}
          onChange={(e) => set("note", e.target.value)}
          {...describedBy("note", { hint: true, error: errors.note })}
        />
        <p
          aria-hidden
          className={cn(
            "text-right text-xs tabular-nums",
            values.note.length > NOTE_MAX ? "font-semibold text-red-700" : "text-slate-600",
          )}
        >
          {formatCount(values.note.length)} / {formatCount(NOTE_MAX)}
        </p>
      </Field>
    </Section>
  );
}
