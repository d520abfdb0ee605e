"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { signOutOfPortal } from "@/components/auth/next-auth-fetch";
import { clearOfflinePages } from "@/components/diary/offline-pages";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Ends every session of the account on the server, this one included, then shows sign-in. */
export function SignOutEverywhere() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const end = useMutation(trpc.session.signOutEverywhere.mutationOptions());
  return (
    <>
      <Button variant="secondary" className="shrink-0" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={open}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        pending={end.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={async () => {
          try {
            await end.mutateAsync();
          } catch (error) {
            toast.error(errorMessage(error));
            return;
          }
          await clearOfflinePages();
          await signOutOfPortal();
          router.replace("/signin");
          router.refresh();
        }}
      >
        Every browser and device signed in to your account is signed out, this one too.
      </ConfirmDialog>
    </>
  );
}
