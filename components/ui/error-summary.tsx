"use client";

// The summary at the top of a patient's form when it cannot be sent: one link per question with
// its message, which moves the focus to that question. It takes the focus itself after each
// attempt, so a screen reader hears what to correct.
import { useEffect, useRef } from "react";
import { Alert } from "./alert";

/** Focuses the control of a question (the chosen option of a group, else its first control). */
export function focusQuestion(id: string): boolean {
  const el = document.getElementById(id);
  const control = el?.matches("input, select, textarea")
    ? el
    : el?.querySelector<HTMLElement>("input:checked, input, select, textarea");
  if (!control) return false;
  control.focus();
  control.scrollIntoView({ block: "center" });
  return true;
}

export function ErrorSummary<K extends string>({
  fields,
  errors,
  formError,
  attempt,
  idOf = (k) => k,
}: {
  /** Every question in the order of the form: its id and its name in the summary. */
  fields: ReadonlyArray<readonly [K, string]>;
  errors: Partial<Record<K, string>>;
  formError: string | null;
  /** Raised at each failed attempt: the summary then takes the focus. */
  attempt: number;
  /** The element id of a question when it is not its key (a form rendered more than once). */
  idOf?: (key: K) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  const listed = fields.filter(([k]) => errors[k]);
  return (
    <div ref={ref} tabIndex={-1} className="scroll-mt-24 outline-none">
      {listed.length > 0 || formError ? (
        <Alert
          tone="danger"
          role="alert"
          title={formError ?? "Please correct the highlighted fields."}
        >
          {listed.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5">
              {listed.map(([k, label]) => (
                <li key={k}>
                  <a
                    href={`#${idOf(k)}`}
                    className="underline"
                    onClick={(event) => {
                      if (focusQuestion(idOf(k))) event.preventDefault();
                    }}
                  >
                    {label}: {errors[k]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
