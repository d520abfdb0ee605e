// next-auth's sign-out without next-auth/react (12 KiB on every signed-in page): the same two
// requests its client makes, a CSRF token and then the POST that ends the session.

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
