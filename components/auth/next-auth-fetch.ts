// next-auth's sign-in and sign-out without next-auth/react (12 KiB on every page that loads it):
// the same two requests its client makes, a CSRF token and then the POST.

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export async function signOutOfPortal(): Promise<void> {
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken: await csrfToken(),
      callbackUrl: "/signin",
      json: "true",
    }),
  });
}

/**
 * Signs in with the credentials provider as next-auth/react's `signIn(..., { redirect: false })`
 * does: true when the session cookie was set, false for wrong credentials (or a throttled account).
 */
export async function signInToPortal(credentials: { email: string; password: string }) {
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      ...credentials,
      csrfToken: await csrfToken(),
      callbackUrl: window.location.href,
      json: "true",
    }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  return response.ok && !new URL(data.url ?? "/", window.location.href).searchParams.has("error");
}

/**
 * Signs in with a passkey's answer (the `passkey` provider, docs/decisions/027-passkeys.md):
 * "ok", "refused" (an unknown passkey, a replayed or wrong answer) or "throttled".
 */
export async function signInWithPasskeyToPortal(
  response: unknown,
): Promise<"ok" | "refused" | "throttled"> {
  const answer = await fetch("/api/auth/callback/passkey", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      response: JSON.stringify(response),
      csrfToken: await csrfToken(),
      callbackUrl: window.location.href,
      json: "true",
    }),
  });
  const data = (await answer.json().catch(() => ({}))) as { url?: string };
  const error = new URL(data.url ?? "/", window.location.href).searchParams.get("error");
  if (answer.ok && !error) return "ok";
  return error === "TooManyAttempts" ? "throttled" : "refused";
}
