"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { formatDate } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Textarea } from "@/components/ui/field";
import { flagCodeLabels } from "@/server/outcomes/vocab";
import { SeverityBadge } from "./badges";
import type { ReviewFlag } from "./types";

const NOTE_MAX = 2000;

/** The raised flags with their sentences; the care team can mark each one reviewed. */
export function FlagList({
  flags,
  procedureId,
  canManage,
}: {
  flags: readonly ReviewFlag[];
  procedureId: string;
  canManage: boolean;
}) {
  return (
    <ul className="space-y-3">
      {flags.map((f) => (
        <li
          key={f.code}
          className={cn(
            "rounded-lg border p-3",
            f.acknowledged ? "border-slate-200 bg-slate-50" : "border-slate-300 bg-white",
          )}
        >
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={f.severity} />
            <h3
              className={cn("font-semibold", f.acknowledged ? "text-slate-700" : "text-slate-900")}
            >
              {flagCodeLabels[f.code]}
            </h3>
            {f.acknowledged ? <span className="text-sm text-slate-600">Reviewed</span> : null}
          </div>
          <p className={cn("mt-1 text-sm", f.acknowledged ? "text-slate-600" : "text-slate-800")}>
            {f.sentence}
          </p>
          {f.acknowledgement ? (
            <p className="mt-1 text-sm text-slate-600">
              {f.acknowledged
                ? f.acknowledgement.decisionId
                  ? "Answered by a decision"
                  : "Reviewed"
                : "Raised again since it was reviewed"}
              {f.acknowledgement.byName ? ` by ${f.acknowledgement.byName}` : ""} on{" "}
              {formatDate(f.acknowledgement.asOf)}
              {f.acknowledgement.note ? `: “${f.acknowledgement.note}”` : "."}
            </p>
          ) : null}
          {canManage && !f.acknowledged ? (
            <Acknowledge procedureId={procedureId} code={f.code} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Acknowledge({ procedureId, code }: { procedureId: string; code: ReviewFlag["code"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const mutation = useMutation(
    trpc.caseload.acknowledgeFlag.mutationOptions({
      onSuccess: () => {
        toast.success(`${flagCodeLabels[code]} marked reviewed`);
        setOpen(false);
        router.refresh();
      },
    }),
  );
  if (!open) {
    return (
      <Button variant="secondary" size="sm" className="mt-2" onClick={() => setOpen(true)}>
        Mark reviewed<span className="sr-only">: {flagCodeLabels[code]}</span>
      </Button>
    );
  }
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({ procedureId, code, note });
      }}
    >
      <Field
        id={`${id}-note`}
        label={`Note on ${flagCodeLabels[code].toLowerCase()} (optional)`}
        hint="The flag stays quiet while it is raised; if it clears and comes back, it is raised again."
      >
        <Textarea
          id={`${id}-note`}
          aria-describedby={`${id}-note-hint`}
          value={note}
          maxLength={NOTE_MAX}
          onChange={(e) => setNote(e.target.value)}
          className="min-h-16"
        />
      </Field>
      {mutation.error ? (
        <Alert tone="danger" role="alert">
          {errorMessage(mutation.error)}
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Mark reviewed"}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setOpen(false)}
          disabled={mutation.isPending}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
