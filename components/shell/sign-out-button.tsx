"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOutOfPortal } from "@/components/auth/next-auth-fetch";
import { clearDevice, hasPendingEntries } from "@/components/diary/device-store";
import { Button } from "@/components/ui/button";
import type { Size } from "@/components/ui/button-class";

export function SignOutButton({ size = "sm", className }: { size?: Size; className?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size={size}
      className={className}
      disabled={pending}
      onClick={async () => {
        if (
          hasPendingEntries() &&
          !window.confirm(
            "Something you wrote on this phone has not been sent yet. If you sign out now, it is deleted from this phone. Sign out anyway?",
          )
        ) {
          return;
        }
        setPending(true);
        // Nothing the patient wrote stays on a phone that someone else may use next.
        await clearDevice();
        await signOutOfPortal();
        router.replace("/signin");
        router.refresh();
      }}
    >
      Sign out
    </Button>
  );
}
