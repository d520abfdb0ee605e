"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Removes a block recorded in error (kept in the record, no longer judged). */
export function RemoveBlockButton({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.block.remove.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast.success("Block removed");
        router.refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Remove<span className="sr-only"> the block of {label}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title="Remove this block?"
        confirmLabel="Remove block"
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ id })}
        onCancel={() => setOpen(false)}
      >
        Only for a block recorded in error: it no longer counts towards confirming the target, and
        the patient's block diary for it closes.
      </ConfirmDialog>
    </>
  );
}
