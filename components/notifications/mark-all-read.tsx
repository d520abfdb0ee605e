"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";

export function MarkAllRead() {
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(trpc.notifications.markAllRead.mutationOptions());
  return (
    <Button
      variant="secondary"
      disabled={mark.isPending}
      onClick={async () => {
        try {
          await mark.mutateAsync({});
          router.refresh();
        } catch (error) {
          toast.error(errorMessage(error));
        }
      }}
    >
      Mark all as read
    </Button>
  );
}
