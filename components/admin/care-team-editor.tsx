"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formatCount } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";

type Member = { id: string; name: string; email: string; active: boolean };

/**
 * A patient's providers (with the picker to assign one) or a provider's patients. Each member
 * can be unassigned; both changes are audited by the server.
 */
export function CareTeamEditor({
  accountId,
  role,
  members,
  total,
  providerOptions,
}: {
  accountId: string;
  role: "patient" | "provider";
  members: Member[];
  total: number;
  providerOptions: Array<{ id: string; name: string; email: string }>;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const assign = useMutation(trpc.careTeam.assign.mutationOptions());
  const unassign = useMutation(trpc.careTeam.unassign.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const assigned = new Set(members.map((m) => m.id));
  const choices = providerOptions.filter((p) => !assigned.has(p.id));

  const pair = (memberId: string) =>
    role === "patient"
      ? { patientId: accountId, providerId: memberId }
      : { patientId: memberId, providerId: accountId };

  async function onAssign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const providerId = String(new FormData(event.currentTarget).get("providerId") ?? "");
    if (!providerId) {
      setError("Choose a provider.");
      return;
    }
    setError(null);
    try {
      await assign.mutateAsync(pair(providerId));
      toast.success("Provider assigned.");
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function onUnassign(member: Member) {
    try {
      await unassign.mutateAsync(pair(member.id));
      toast.success(`${member.name} is no longer on the care team.`);
      router.refresh();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  }

  return (
    <div className="space-y-4">
      {members.length === 0 ? (
        <EmptyState title={role === "patient" ? "No provider yet" : "No patients yet"}>
          {role === "patient"
            ? "Assign a provider so that they can follow this patient."
            : "Assign patients to this provider from each patient's account."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div className="min-w-0">
                <Link
                  href={`/admin/accounts/${m.id}`}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  {m.name}
                </Link>
                <p className="break-all text-sm text-slate-600">{m.email}</p>
              </div>
              <div className="flex items-center gap-2">
                {m.active ? null : <Badge tone="danger">Deactivated</Badge>}
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={unassign.isPending}
                  onClick={() => onUnassign(m)}
                  aria-label={`Unassign ${m.name}`}
                >
                  Unassign
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {total > members.length ? (
        <p className="text-sm text-slate-600">
          Showing {members.length} of {formatCount(total)}.
        </p>
      ) : null}

      {role === "patient" ? (
        <form
          onSubmit={onAssign}
          noValidate
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
        >
          <Field id="providerId" label="Assign a provider" error={error} className="sm:flex-1">
            <Select
              id="providerId"
              name="providerId"
              defaultValue=""
              disabled={choices.length === 0}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "providerId-error" : undefined}
            >
              <option value="">
                {choices.length === 0 ? "No other active provider" : "Choose a provider"}
              </option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={assign.isPending || choices.length === 0}>
            {assign.isPending ? "Assigning…" : "Assign"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
