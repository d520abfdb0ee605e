"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Turns the reminder off with one press. A button rather than the link itself: mail scanners
 * open links, and must not unsubscribe anybody.
 */
export function UnsubscribeButton(props: { userId: string; kind: string; signature: string }) {
  const trpc = useTRPC();
  const stop = useMutation(trpc.notifications.unsubscribe.mutationOptions());
  if (stop.isSuccess)
    return (
      <Alert tone="success" role="status">
        Done: you will not get these reminders any more. Your other reminders are unchanged; you can
        turn this one back on from your account&apos;s Notifications page.
      </Alert>
    );
  return (
    <div className="space-y-4">
      {stop.error ? (
        <Alert tone="danger" role="alert">
          {errorMessage(stop.error)}
        </Alert>
      ) : null}
      <Button className="w-full" disabled={stop.isPending} onClick={() => stop.mutate(props)}>
        {stop.isPending ? "Saving…" : "Stop these reminders"}
      </Button>
    </div>
  );
}
