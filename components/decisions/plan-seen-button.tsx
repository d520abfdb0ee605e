"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { mutate } from "@/components/trpc/mutate";
import { Button } from "@/components/ui/button";

/** "Got it": the new plan has been read; it moves back to its usual place on the home page. */
export function PlanSeenButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          try {
            await mutate("notifications", "markAllRead", { kind: "new_plan" });
            router.refresh();
          } catch {
            setFailed(true);
            setPending(false);
          }
        }}
      >
        Got it
      </Button>
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          That did not reach the portal. Please try again.
        </p>
      ) : null}
    </div>
  );
}
