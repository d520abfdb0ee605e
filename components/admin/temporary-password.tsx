"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A temporary password, shown once: the admin passes it on; it is not shown again. */
export function TemporaryPassword({ name, password }: { name: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning" role="status" title={`Temporary password for ${name}`}>
      <p>
        Give it to them in person or by phone. It is shown only now; they must choose their own
        password when they first sign in.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          data-testid="temporary-password"
          className="rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-base tracking-wide text-slate-900 select-all"
        >
          {password}
        </code>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(password);
              setCopied(true);
              toast.success("Copied to the clipboard.");
            } catch {
              toast.error("Could not copy: select the password and copy it.");
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Alert>
  );
}
