"use client";

import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * A 0-10 scale as a radio group: arrow keys move between numbers, the legend names the question
 * and the anchor words say what 0 and 10 mean.
 */
export function ScoreScale({
  id,
  legend,
  low,
  high,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  /** What 0 means, e.g. "No pain". */
  low: string;
  /** What 10 means, e.g. "Pain as bad as you can imagine". */
  high: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string | null | undefined;
}) {
  const errorId = `${id}-error`;
  return (
    <fieldset id={id} aria-describedby={cn(`${id}-anchors`, error && errorId) || undefined}>
      <legend className="mb-3 text-base font-semibold text-slate-900">{legend}</legend>
      {/* One row of 11 on a phone; with enlarged text the numbers wrap onto more rows. */}
      <div className="grid grid-cols-[repeat(auto-fit,minmax(1.5rem,1fr))] overflow-hidden rounded-lg border border-slate-300 bg-white shadow-sm">
        {SCORES.map((n) => (
          <label key={n} className="relative border-l border-slate-200 first:border-l-0">
            <input
              type="radio"
              name={id}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-invalid={error ? true : undefined}
              className="peer sr-only"
            />
            <span
              className={cn(
                "flex min-h-12 cursor-pointer select-none items-center justify-center text-base font-semibold tabular-nums text-slate-800",
                "hover:bg-brand-50 peer-checked:bg-brand-700 peer-checked:text-white",
                "peer-focus-visible:relative peer-focus-visible:z-10 peer-focus-visible:outline-2 peer-focus-visible:-outline-offset-2 peer-focus-visible:outline-brand-900",
              )}
            >
              {n}
              {n === 0 ? <span className="sr-only">, {low}</span> : null}
              {n === 10 ? <span className="sr-only">, {high}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <p
        id={`${id}-anchors`}
        className="mt-1.5 flex flex-wrap justify-between gap-x-4 text-sm text-slate-600"
      >
        <span>0 = {low}</span>
        <span className="text-right">10 = {high}</span>
      </p>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
