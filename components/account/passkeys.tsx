"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { describedBy, Field, Input } from "@/components/ui/field";

export type PasskeyItem = { id: string; name: string; added: string; lastUsed: string | null };

/** What a browser's refusal means to the person adding a passkey. */
function browserRefusal(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: string } | null)?.code;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError")
    return "This device already holds a passkey for your account.";
  if (name === "NotAllowedError" || name === "AbortError")
    return "Adding the passkey was cancelled or timed out. Please try again.";
  return "Your browser could not create a passkey. Please try again, or use another device.";
}

/**
 * The user's passkeys (docs/decisions/027-passkeys.md): named, with when each was added and last
 * used, each removable; and a form to add one. @simplewebauthn/browser loads on the click only.
 */
export function Passkeys({ items }: { items: PasskeyItem[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useMutation(trpc.passkey.registrationOptions.mutationOptions());
  const register = useMutation(trpc.passkey.register.mutationOptions());
  const remove = useMutation(trpc.passkey.remove.mutationOptions());
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [removing, setRemoving] = useState<PasskeyItem | null>(null);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("passkeyName") ?? "").trim();
    setFailure(null);
    if (!name) {
      setNameError("Give the passkey a name, like “My phone”.");
      return;
    }
    if (name.length > 60) {
      setNameError("Use at most 60 characters for the name.");
      return;
    }
    setNameError(undefined);
    setPending(true);
    try {
      const { browserSupportsWebAuthn, startRegistration } = await import(
        "@simplewebauthn/browser"
      );
      if (!browserSupportsWebAuthn()) {
        setFailure("This browser cannot use passkeys. Try a current browser or another device.");
        return;
      }
      let optionsJSON: Awaited<ReturnType<typeof options.mutateAsync>>;
      try {
        optionsJSON = await options.mutateAsync();
      } catch (error) {
        setFailure(errorMessage(error));
        return;
      }
      let response: Awaited<ReturnType<typeof startRegistration>>;
      try {
        response = await startRegistration({ optionsJSON });
      } catch (error) {
        setFailure(browserRefusal(error));
        return;
      }
      try {
        await register.mutateAsync({
          name,
          response: { ...response, clientExtensionResults: { ...response.clientExtensionResults } },
        });
      } catch (error) {
        const fields = fieldErrors(error);
        if (fields.name) setNameError(fields.name);
        else setFailure(errorMessage(error));
        return;
      }
      form.reset();
      toast.success(`Passkey “${name}” added. You can sign in with it now.`);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      {items.length ? (
        <ul className="divide-y divide-slate-200" aria-label="Your passkeys">
          {items.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{p.name}</p>
                <p className="text-sm text-slate-600">
                  Added {p.added} · {p.lastUsed ? `Last used ${p.lastUsed}` : "Not used yet"}
                </p>
              </div>
              <Button
                variant="secondary"
                aria-label={`Remove passkey ${p.name}`}
                onClick={() => setRemoving(p)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">You have no passkeys yet.</p>
      )}
      <form method="post" onSubmit={onAdd} noValidate className="max-w-sm space-y-3">
        {failure ? (
          <Alert tone="danger" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Field
          id="passkeyName"
          label="Passkey name"
          hint="So you can tell your passkeys apart, like “My phone”."
          error={nameError}
        >
          <Input
            id="passkeyName"
            name="passkeyName"
            maxLength={60}
            autoComplete="off"
            {...describedBy("passkeyName", { hint: true, error: nameError })}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Waiting for your device…" : "Add a passkey"}
        </Button>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the passkey “${removing?.name ?? ""}”?`}
        confirmLabel="Remove passkey"
        pending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          try {
            await remove.mutateAsync({ id: removing.id });
          } catch (error) {
            toast.error(errorMessage(error));
            return;
          }
          toast.success(`Passkey “${removing.name}” removed.`);
          setRemoving(null);
          router.refresh();
        }}
      >
        You can no longer sign in with it. Remove it from the device as well, in its settings.
      </ConfirmDialog>
    </div>
  );
}
