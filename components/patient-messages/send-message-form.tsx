"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { newClientId } from "@/components/diary/client-id";
import { errorMessage, fieldErrors } from "@/components/trpc/errors";
import { mutate } from "@/components/trpc/mutate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Textarea } from "@/components/ui/field";
import { flash } from "@/components/ui/flash";
import { formatCount } from "@/shared/format-count";
import { bodyProblem, MESSAGE_MAX, messageMessages } from "@/shared/message-rules";
import { TextCounter } from "./text-counter";

/** A plain-text message to the care team, below the thread. */
export function SendMessageForm() {
  const router = useRouter();
  // One id per message: a double click or a retry sends the same one; a new one after it is sent.
  const [clientId, setClientId] = useState(newClientId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = bodyProblem(body, messageMessages.bodyRequired);
    setError(problem);
    setFormError(null);
    if (problem) {
      document.getElementById("message-body")?.focus();
      return;
    }
    setPending(true);
    try {
      await mutate("message", "send", { clientId, body });
      setBody("");
      setClientId(newClientId());
      flash("Sent to your care team.");
      router.refresh();
    } catch (e) {
      const field = fieldErrors(e).body;
      setError(field ?? null);
      setFormError(field ? null : errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field
        id="message-body"
        label="Your message"
        hint={`Plain text, up to ${formatCount(MESSAGE_MAX)} characters.`}
        error={error}
      >
        <Textarea
          id="message-body"
          name="body"
          rows={4}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...describedBy("message-body", { hint: true, error })}
        />
        <TextCounter length={body.length} />
      </Field>
      {formError ? (
        <Alert tone="danger" role="alert">
          {formError} Your message is still here.
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:min-w-32">
          {pending ? "Sending…" : "Send"}
        </Button>
      </div>
    </form>
  );
}
