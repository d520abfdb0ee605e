"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInWithPasskeyToPortal } from "@/components/auth/next-auth-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { safeRedirectPath } from "@/shared/redirect";

/** The browser's passkey options for a sign-in, from the public tRPC procedure (plain fetch). */
async function authenticationOptions() {
  const response = await fetch("/api/trpc/passkey.authenticationOptions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: null }),
  });
  if (response.status === 429) throw Object.assign(new Error("throttled"), { name: "Throttled" });
  if (!response.ok) throw new Error("options");
  const body = (await response.json()) as { result: { data: { json: unknown } } };
  return body.result.data.json;
}

/**
 * "Sign in with a passkey" (docs/decisions/027-passkeys.md): no email needed, the device offers
 * the passkeys it holds for this site. @simplewebauthn/browser loads on the click only.
 */
export function PasskeySignIn({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setError(null);
    setPending(true);
    try {
      const { browserSupportsWebAuthn, startAuthentication } = await import(
        "@simplewebauthn/browser"
      );
      if (!browserSupportsWebAuthn()) {
        setError("This browser cannot use passkeys. Sign in with your email and password.");
        return;
      }
      let response: unknown;
      try {
        const optionsJSON = (await authenticationOptions()) as Parameters<
          typeof startAuthentication
        >[0]["optionsJSON"];
        response = await startAuthentication({ optionsJSON });
      } catch (e) {
        const name = e instanceof Error ? e.name : "";
        setError(
          name === "Throttled"
            ? "Too many attempts. Please wait a few minutes and try again."
            : name === "NotAllowedError" || name === "AbortError"
              ? "Signing in with a passkey was cancelled or timed out. Please try again."
              : "Your passkey could not be used. Please try again, or sign in with your password.",
        );
        return;
      }
      const result = await signInWithPasskeyToPortal(response);
      if (result !== "ok") {
        setError(
          result === "throttled"
            ? "Too many attempts. Please wait a few minutes and try again."
            : "That passkey was not accepted. It may have been removed from your account.",
        );
        return;
      }
      router.replace(safeRedirectPath(next, window.location.origin) ?? "/");
      router.refresh();
    } catch {
      setError("Something went wrong on our side. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button variant="secondary" className="w-full" onClick={onClick} disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
    </div>
  );
}
