"use client";

// The large, touch-friendly choices of the patient's forms: a real checkbox or radio underneath.

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Columns from the `sm` breakpoint on (two below it), as whole class names for Tailwind. */
const SM_COLUMNS = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-4" } as const;

/** A group of checkboxes drawn as large chips (touch friendly; a real checkbox underneath). */
export function CheckboxChips<T extends string>({
  name,
  options,
  selected,
  onToggle,
  invalid,
  columns = 3,
  className,
}: {
  name: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  selected: readonly T[];
  onToggle: (value: T) => void;
  invalid?: boolean;
  columns?: keyof typeof SM_COLUMNS;
  /** Spacing only: the columns come from `columns`. */
  className?: string;
}) {
  return (
    // Two columns on a phone, one when enlarged text would not fit two.
    <div
      className={cn(
        "grid grid-cols-[repeat(auto-fit,minmax(min(8.5rem,100%),1fr))] gap-2",
        SM_COLUMNS[columns],
        className,
      )}
    >
      {options.map((o) => {
        const checked = selected.includes(o.value);
        return (
          <label key={o.value} className="relative">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={checked}
              onChange={() => onToggle(o.value)}
              aria-invalid={invalid ? true : undefined}
              className="peer sr-only"
            />
            <span
              className={cn(
                "flex min-h-11 cursor-pointer select-none items-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium [overflow-wrap:anywhere]",
                "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                "peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:text-brand-900",
                "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
              )}
            >
              <Tick checked={checked} />
              {o.label}
            </span>
          </label>
        );
      })}
    </div>
  );
}

/**
 * One answer drawn as a large card (touch friendly; a real radio or checkbox underneath): a round
 * mark for one of a radio group, a box with a tick for one of several that may all be chosen.
 */
export function ChoiceCard({
  type = "radio",
  name,
  value,
  checked,
  onChange,
  invalid,
  children,
}: {
  type?: "radio" | "checkbox";
  name: string;
  value?: string;
  checked: boolean;
  onChange: () => void;
  invalid?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="relative">
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-invalid={invalid ? true : undefined}
        className="peer sr-only"
      />
      <span
        className={cn(
          "flex min-h-11 cursor-pointer select-none items-center gap-3 rounded-lg border px-3 py-2 text-base font-medium [overflow-wrap:anywhere]",
          "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
          "peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:text-brand-900",
          "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
        )}
      >
        {type === "radio" ? (
          <span
            aria-hidden
            className={cn(
              "size-4 shrink-0 rounded-full border-2",
              checked
                ? "border-brand-700 bg-brand-700 ring-2 ring-inset ring-white"
                : "border-slate-400",
            )}
          />
        ) : (
          <Tick checked={checked} />
        )}
        {children}
      </span>
    </label>
  );
}

/** The box with a tick of a checkbox drawn as a chip or a card. */
function Tick({ checked }: { checked: boolean }) {
  return (
    <span
      aria-hidden
      className={cn(
        "grid size-5 shrink-0 place-items-center rounded border text-xs",
        checked
          ? "border-brand-700 bg-brand-700 text-white"
          : "border-slate-400 bg-white text-transparent",
      )}
    >
      ✓
    </span>
  );
}
