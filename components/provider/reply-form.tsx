"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { newClientId } from "@/components/diary/client-id";
import { formatCount } from "@/components/format";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError, Textarea } from "@/components/ui/field";
import { bodyProblem, MESSAGE_MAX, messageMessages } from "@/shared/message-rules";

/**
 * The care team's reply, in plain text. One client id per message: a double click or a retry after
 * a lost answer stores it once; a new id is drawn only after the reply is stored. Once sent, the
 * page's data is fetched again (the thread, the review state and the unread count change).
 */
export function ReplyForm({
  patientId,
  patientName,
  today,
}: {
  patientId: string;
  patientName: string;
  /** The clinic's today: a call promised in the reply is due then. */
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const clientId = useRef<string | null>(null);
  const sending = useRef(false);
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const reply = useMutation(trpc.message.reply.mutationOptions());
  const call = useMutation(trpc.outreach.openCall.mutationOptions());
  const [callToo, setCallToo] = useState(false);
  const firstName = patientName.split(" ")[0] || patientName;
  const error = problem ?? fieldErrors(reply.error).body ?? null;
  const length = body.trim().length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending.current) return;
    const found = bodyProblem(body, messageMessages.bodyRequired);
    setProblem(found);
    if (found) return;
    clientId.current ??= newClientId();
    sending.current = true;
    try {
      await reply.mutateAsync({ patientId, clientId: clientId.current, body: body.trim() });
      clientId.current = null;
      setBody("");
      reply.reset();
      toast.success(`Reply sent to ${patientName}`);
      if (callToo) {
        // The reply is sent: a failure here is shown, and the call can be added from the card.
        await call.mutateAsync({
          patientId,
          reason: `Call promised in a reply: ${body.trim().slice(0, 400)}`,
          dueOn: today,
        });
        setCallToo(false);
        toast.success(`Call added: ${firstName} stays in Follow-up due until it is closed`);
      }
      router.refresh();
    } catch {
      // Shown below the field or above the form; the same client id is kept for the retry.
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {call.error ? (
        <Alert tone="danger" role="alert">
          The reply was sent, but the call was not added: {errorMessage(call.error)}
        </Alert>
      ) : null}
      {reply.error && !fieldErrors(reply.error).body ? (
        <Alert tone="danger" role="alert">
          {errorMessage(reply.error)}
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-800">
          Reply to {firstName}
        </label>
        <Textarea
          id={`${id}-body`}
          name="body"
          rows={4}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (problem) setProblem(null);
          }}
          aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <FieldError id={`${id}-error`} error={error} />
          <p
            id={`${id}-count`}
            className={`num ml-auto text-sm ${length > MESSAGE_MAX ? "font-medium text-red-700" : "text-slate-600"}`}
          >
            {formatCount(length)} of {formatCount(MESSAGE_MAX)} characters
          </p>
        </div>
      </div>
      <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={callToo}
          onChange={(e) => setCallToo(e.target.checked)}
          className="size-5 accent-brand-700"
        />
        I will call {firstName}: add a call for today
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={reply.isPending || call.isPending}>
          {reply.isPending ? "Sending…" : "Send reply"}
        </Button>
        <p className="text-sm text-slate-600">
          {firstName} is notified in the portal; emails never include your words.
        </p>
      </div>
    </form>
  );
}
