"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { formatDate } from "@/components/format";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import { CALL_OUTCOMES, type CallOutcome, callOutcomeLabels } from "@/shared/outreach";

export type CallTask = {
  id: string;
  reason: string;
  dueOn: string;
  createdBy: string;
};

/**
 * Reaching the patient from the review page (docs/decisions/035-outreach.md): a reminder email
 * now, and "Call the patient" tasks that keep them in Follow-up due until closed here.
 */
export function OutreachActions({
  patientId,
  patientName,
  calls,
  today,
}: {
  patientId: string;
  patientName: string;
  calls: readonly CallTask[];
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const firstName = patientName.split(" ")[0] || patientName;
  const remind = useMutation(
    trpc.outreach.remindNow.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          r.kind === "check_in_due"
            ? `Check-in reminder sent to ${firstName}`
            : `Diary reminder sent to ${firstName}`,
        );
        router.refresh();
      },
    }),
  );
  const [adding, setAdding] = useState(false);
  const qr = useMutation(trpc.outreach.checkInQr.mutationOptions());

  return (
    <div className="space-y-4">
      {calls.length > 0 ? (
        <ul aria-label="Calls to make" className="space-y-3">
          {calls.map((call) => (
            <li key={call.id}>
              <CallTaskItem call={call} firstName={firstName} today={today} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={remind.isPending}
          onClick={() => remind.mutate({ patientId })}
        >
          {remind.isPending ? "Sending…" : "Send a reminder now"}
        </Button>
        {adding ? null : (
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            Call the patient…
          </Button>
        )}
        {qr.data ? null : (
          <Button
            type="button"
            variant="secondary"
            disabled={qr.isPending}
            onClick={() => qr.mutate({ patientId })}
          >
            {qr.isPending ? "Making the code…" : "Check-in QR code"}
          </Button>
        )}
      </div>
      {qr.error ? (
        <Alert tone="warning" role="alert">
          {errorMessage(qr.error)}
        </Alert>
      ) : null}
      {qr.data ? (
        <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center">
          <div
            role="img"
            aria-label={`QR code that opens ${firstName}'s ${qr.data.checkInName} check-in`}
            className="size-44 shrink-0 self-center rounded-lg border border-slate-200 bg-white p-2"
            // Generated on our server by the qrcode library from the link it made: no user input.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG we generated
            dangerouslySetInnerHTML={{ __html: qr.data.svg }}
          />
          <div className="space-y-3 text-sm text-slate-700">
            <p>
              Ask {firstName} to scan this with their phone&apos;s camera: it opens their{" "}
              {qr.data.checkInName} check-in once they confirm their date of birth. It works once,
              until {formatDate(qr.data.expiresAt.toISOString().slice(0, 10))}.
            </p>
            <Button type="button" variant="secondary" onClick={() => qr.reset()}>
              Hide the code
            </Button>
          </div>
        </div>
      ) : null}
      {remind.error ? (
        <Alert tone="danger" role="alert">
          {errorMessage(remind.error)}
        </Alert>
      ) : (
        <p className="text-sm text-slate-600">
          The reminder is an email with a link to the check-in or the diary, nothing clinical in it;
          one a day.
        </p>
      )}
      {adding ? (
        <NewCallForm
          patientId={patientId}
          firstName={firstName}
          today={today}
          onDone={() => setAdding(false)}
        />
      ) : null}
    </div>
  );
}

function NewCallForm({
  patientId,
  firstName,
  today,
  onDone,
}: {
  patientId: string;
  firstName: string;
  today: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [dueOn, setDueOn] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  const open = useMutation(
    trpc.outreach.openCall.mutationOptions({
      onSuccess: () => {
        toast.success(`Call added: ${firstName} stays in Follow-up due until it is closed`);
        onDone();
        router.refresh();
      },
    }),
  );
  const errors = fieldErrors(open.error);
  const reasonError = problem ?? errors.reason ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem("Say why the patient needs a call.");
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    open.mutate({ patientId, reason: reason.trim(), dueOn });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Call ${firstName}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      {open.error && !errors.reason && !errors.dueOn ? (
        <Alert tone="danger" role="alert">
          {errorMessage(open.error)}
        </Alert>
      ) : null}
      <Field id={`${id}-reason`} label="Why call?" error={reasonError}>
        <Textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
          {...describedBy(`${id}-reason`, { error: reasonError })}
        />
      </Field>
      <Field id={`${id}-due`} label="Call by" error={errors.dueOn} className="max-w-xs">
        <Input
          id={`${id}-due`}
          type="date"
          min={today}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          {...describedBy(`${id}-due`, { error: errors.dueOn })}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={open.isPending}>
          {open.isPending ? "Adding…" : "Add call"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function CallTaskItem({
  call,
  firstName,
  today,
}: {
  call: CallTask;
  firstName: string;
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const close = useMutation(
    trpc.outreach.closeCall.mutationOptions({
      onSuccess: () => {
        toast.success("Call closed");
        router.refresh();
      },
    }),
  );
  const overdue = call.dueOn < today;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      setProblem("Choose what happened.");
      return;
    }
    close.mutate({ taskId: call.id, outcome, note: note.trim() });
  }

  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-3">
      <p className="text-sm font-semibold text-slate-900">
        Call {firstName} by {formatDate(call.dueOn, { today })}
        {overdue ? " (overdue)" : ""}
      </p>
      <p className="mt-1 text-sm text-slate-800">{call.reason}</p>
      <p className="mt-1 text-xs text-slate-600">Added by {call.createdBy}</p>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <fieldset aria-describedby={problem ? `${id}-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">What happened?</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
            {CALL_OUTCOMES.map((o) => (
              <label key={o} className="inline-flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  value={o}
                  checked={outcome === o}
                  onChange={() => {
                    setOutcome(o);
                    setProblem(null);
                  }}
                  className="size-5 accent-brand-700"
                />
                {callOutcomeLabels[o]}
              </label>
            ))}
          </div>
          {problem ? (
            <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
              {problem}
            </p>
          ) : null}
        </fieldset>
        <Field id={`${id}-note`} label="Note (optional)">
          <Input
            id={`${id}-note`}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
        {close.error ? (
          <Alert tone="danger" role="alert">
            {errorMessage(close.error)}
          </Alert>
        ) : null}
        <Button type="submit" size="sm" disabled={close.isPending}>
          {close.isPending ? "Closing…" : "Close call"}
        </Button>
      </form>
    </div>
  );
}
