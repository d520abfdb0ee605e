"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { plural } from "@/components/format";
import { Button } from "@/components/ui/button";
import type { Strategy } from "@/server/outcomes/vocab";
import { DecisionForm, type DecisionFormValues } from "./decision-form";

/**
 * "Record a decision" (or "Amend") and its form in a side panel on the native modal <dialog>: the
 * rest of the page is inert while it is open (focus stays inside), Escape or Close shuts it, and
 * focus returns to the button that opened it. Once recorded it closes, the page's data is fetched
 * again (the plan and the state change) and a toast says what happened.
 */
export function DecisionDialog({
  label,
  title,
  variant = "primary",
  size = "md",
  target,
  suggested,
  initial,
  today,
  patientName,
}: {
  label: string;
  title: string;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  target: { procedureId: string } | { decisionId: string };
  suggested: readonly Strategy[];
  initial?: DecisionFormValues;
  today: string;
  patientName: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) {
      d.close();
      opener.current?.focus();
    }
  }, [open]);

  return (
    <>
      <Button ref={opener} variant={variant} size={size} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
        className="m-0 ml-auto h-dvh max-h-none w-full max-w-2xl overflow-y-auto border-l border-slate-200 bg-white p-0 shadow-2xl backdrop:bg-slate-900/40"
      >
        <div className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-5 py-4">
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <p className="truncate text-sm text-slate-600">{patientName}</p>
          </div>
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
            Close
          </Button>
        </div>
        <div className="px-5 py-5">
          {open ? (
            <DecisionForm
              target={target}
              suggested={suggested}
              initial={initial}
              today={today}
              onCancel={() => setOpen(false)}
              onDone={(decision) => {
                setOpen(false);
                const state =
                  decision.followUpOn !== null && decision.followUpOn <= today
                    ? "Follow-up due"
                    : "Plan recorded";
                const answered = decision.answeredFlags.length;
                toast.success(
                  `${"decisionId" in target ? "Amendment" : "Decision"} recorded for ${patientName}`,
                  {
                    description: `Now “${state}”${answered > 0 ? `; ${plural(answered, "flag", "flags")} acknowledged` : ""}.`,
                  },
                );
                router.refresh();
              }}
            />
          ) : null}
        </div>
      </dialog>
    </>
  );
}
