"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

/** The care team chooses the patient's repeat-ablation policy (their payer's). */
export function PolicyChooser({
  patientId,
  policyId,
  policies,
}: {
  patientId: string;
  policyId: string | null;
  policies: readonly { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(policyId ?? "");
  const mutation = useMutation(
    trpc.policy.setForPatient.mutationOptions({
      onSuccess: () => {
        toast.success("Policy saved");
        router.refresh();
      },
    }),
  );
  return (
    <form
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({ patientId, policyId: value || null });
      }}
    >
      <Field id={`${id}-policy`} label="Payer policy" className="grow">
        <Select id={`${id}-policy`} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">No policy chosen</option>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        type="submit"
        variant="secondary"
        disabled={mutation.isPending || value === (policyId ?? "")}
      >
        {mutation.isPending ? "Saving…" : "Save policy"}
      </Button>
      {mutation.error ? (
        <Alert tone="danger" role="alert">
          {errorMessage(mutation.error)}
        </Alert>
      ) : null}
    </form>
  );
}
