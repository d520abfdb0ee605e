"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";

/**
 * On an email of the outbox: send it again (an invitation with a new link), and copy the link it
 * carries, to give it to the person another way. A reset link is neither resent nor copied.
 */
export function OutboxActions({
  id,
  kind,
  link,
}: {
  id: string;
  kind: string;
  link: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const resend = useMutation(trpc.outbox.resend.mutationOptions());
  const [copied, setCopied] = useState(false);
  if (kind === "password_reset") return null;
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        disabled={resend.isPending}
        onClick={async () => {
          try {
            const sent = await resend.mutateAsync({ id });
            toast.success(
              sent.newLink
                ? `A new invitation went to ${sent.to}. The earlier link no longer works.`
                : `Sent again to ${sent.to}.`,
            );
            router.push("/admin/outbox");
          } catch (error) {
            toast.error(errorMessage(error));
          }
        }}
      >
        {resend.isPending
          ? "Sending…"
          : kind === "invitation"
            ? "Send a new invitation"
            : "Send again"}
      </Button>
      {kind === "invitation" && link ? (
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(link);
            setCopied(true);
          }}
        >
          {copied ? "Link copied" : "Copy the link"}
        </Button>
      ) : null}
      <span role="status" className="sr-only">
        {copied ? "The link is copied." : ""}
      </span>
    </div>
  );
}
