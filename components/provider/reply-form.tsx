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
export function ReplyForm({ patientId, patientName }: { patientId: string; patientName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const clientId = useRef<string | null>(null);
  const sending = useRef(false);
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const reply = useMutation(trpc.message.reply.mutationOptions());
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
      router.refresh();
    } catch {
      // Shown below the field or above the form; the same client id is kept for the retry.
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
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
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={reply.isPending}>
          {reply.isPending ? "Sending…" : "Send reply"}
        </Button>
        <p className="text-sm text-slate-600">
          {firstName} is notified in the portal; emails never include your words.
        </p>
      </div>
    </form>
  );
}
