"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { TemporaryPassword } from "@/components/admin/temporary-password";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Link } from "@/components/ui/link";

type Pending = "deactivate" | "reset" | "mfa" | null;

/** Deactivate / reactivate and reset password, each destructive one behind a confirmation. */
export function AccountActions({
  id,
  name,
  active,
  isSelf,
  mfaEnabled,
}: {
  id: string;
  name: string;
  active: boolean;
  isSelf: boolean;
  /** A staff member's confirmed authenticator, which can be reset. */
  mfaEnabled: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [password, setPassword] = useState<string | null>(null);
  const deactivate = useMutation(trpc.account.deactivate.mutationOptions());
  const reactivate = useMutation(trpc.account.reactivate.mutationOptions());
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const invite = useMutation(trpc.invitation.resend.mutationOptions());
  const resetMfa = useMutation(trpc.mfa.reset.mutationOptions());

  async function run(action: () => Promise<unknown>, success: string) {
    try {
      await action();
      toast.success(success);
      router.refresh();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setConfirm(null);
    }
  }

  if (isSelf)
    return (
      <p className="text-sm text-slate-600">
        This is your own account. To change your password, use{" "}
        <Link href="/account/password" className="text-brand-800 underline">
          Change password
        </Link>
        ; another administrator can deactivate it.
      </p>
    );

  return (
    <div className="space-y-4">
      {password ? <TemporaryPassword name={name} password={password} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!active || invite.isPending}
          onClick={() =>
            run(
              () => invite.mutateAsync({ id }),
              "Invitation sent: the link works for 72 hours; earlier links no longer work.",
            )
          }
        >
          {invite.isPending ? "Sending…" : "Send invitation"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirm("reset")} disabled={!active}>
          Reset password
        </Button>
        {mfaEnabled ? (
          <Button variant="secondary" onClick={() => setConfirm("mfa")}>
            Reset second factor
          </Button>
        ) : null}
        {active ? (
          <Button variant="danger" onClick={() => setConfirm("deactivate")}>
            Deactivate
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={reactivate.isPending}
            onClick={() => run(() => reactivate.mutateAsync({ id }), `${name} can sign in again.`)}
          >
            {reactivate.isPending ? "Reactivating…" : "Reactivate"}
          </Button>
        )}
      </div>
      {!active ? (
        <p className="text-sm text-slate-600">
          Reactivate the account to invite them or reset its password.
        </p>
      ) : null}

      <ConfirmDialog
        open={confirm === "deactivate"}
        title={`Deactivate ${name}?`}
        confirmLabel="Deactivate"
        pending={deactivate.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          run(() => deactivate.mutateAsync({ id }), `${name} is deactivated and signed out.`)
        }
      >
        <p>
          They are signed out everywhere at their next click and cannot sign in until the account is
          reactivated. Their records are kept.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "reset"}
        title={`Reset the password of ${name}?`}
        confirmLabel="Reset password"
        tone="primary"
        pending={reset.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          run(async () => {
            const result = await reset.mutateAsync({ id });
            setPassword(result.temporaryPassword);
          }, "A new temporary password was issued.")
        }
      >
        <p>
          Their current password stops working and they are signed out. You will see a new temporary
          password once, to give to them.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "mfa"}
        title={`Reset the second factor of ${name}?`}
        confirmLabel="Reset second factor"
        pending={resetMfa.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          run(
            () => resetMfa.mutateAsync({ id }),
            `${name} signs in with their password alone until they set up a new authenticator.`,
          )
        }
      >
        <p>
          Their authenticator app and recovery codes stop working. Do this when they lost their
          phone, after checking who is asking.
        </p>
      </ConfirmDialog>
    </div>
  );
}
