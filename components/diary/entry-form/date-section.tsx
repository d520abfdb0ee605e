"use client";

import { formatDate } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { describedBy, Field, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import type { FormDay } from "../types";
import { Section } from "./section";

/** The calendar day before a YYYY-MM-DD day (the phone's copy of addDays(day, -1), kept small). */
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function dayLabel(d: FormDay, today: string): string {
  const when =
    d.date === today
      ? `Today, ${formatDate(d.date, { weekday: "short" })}`
      : d.date === dayBefore(today)
        ? `Yesterday, ${formatDate(d.date, { weekday: "short" })}`
        : formatDate(d.date, { weekday: "short" });
  return d.entryId ? `${when} (already recorded)` : when;
}

/**
 * Which day the entry is for: a choice among the form's days for a new entry, the fixed day of
 * the entry being corrected otherwise.
 */
export function DateSection({
  entryDate,
  choice,
  selectedDay,
  error,
  onChange,
}: {
  entryDate: string;
  /** The days to choose from (today first) for a new entry; absent for a correction. */
  choice?: { days: FormDay[]; today: string };
  selectedDay?: FormDay;
  error?: string;
  onChange: (date: string) => void;
}) {
  const existingEntryId = choice ? (selectedDay?.entryId ?? null) : null;
  return (
    <Section>
      {choice ? (
        <Field
          id="entryDate"
          label="Which day is this entry for?"
          hint="Today or any of the 7 days before it. You cannot enter future days."
          error={error}
        >
          <Select
            id="entryDate"
            name="entryDate"
            value={entryDate}
            onChange={(e) => onChange(e.target.value)}
            {...describedBy("entryDate", { hint: true, error })}
          >
            {choice.days
              .filter((d) => d.procedureId)
              .map((d) => (
                <option key={d.date} value={d.date}>
                  {dayLabel(d, choice.today)}
                </option>
              ))}
          </Select>
        </Field>
      ) : (
        <p className="text-base font-semibold text-slate-900" id="entryDate">
          Entry for {formatDate(entryDate, { weekday: "short" })}
        </p>
      )}
      {existingEntryId ? (
        <Alert tone="info" className="mt-3">
          You already have an entry for this day.{" "}
          <Link href={`/patient/history/${existingEntryId}`} className="font-semibold underline">
            Open it to make a correction
          </Link>
          , or choose another day.
        </Alert>
      ) : null}
      {selectedDay?.day != null ? (
        <p className="mt-2 text-sm text-slate-600">Day {selectedDay.day} after your procedure.</p>
      ) : null}
    </Section>
  );
}
