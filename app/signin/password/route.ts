// The sign-in form's action before its JavaScript runs (issue 24, hardening): the browser posts
// email and password here (never in a URL) and this hands them to next-auth's own credentials
// callback, so throttling, sessions and the second step are the same as the scripted sign-in.
// next-auth's CSRF token guards against a form on another site signing a visitor in; here the
// same-origin check does that, and the token is minted for this one request.
import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";
import { resolveAuthSecret } from "@/server/env";
import { isCrossSiteRequest } from "@/server/http/security-headers";
import { safeRedirectPath } from "@/shared/redirect";

const CSRF_COOKIES = ["next-auth.csrf-token", "__Host-next-auth.csrf-token"];
const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

export async function POST(req: NextRequest) {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (isCrossSiteRequest(req.headers, host)) {
    return new Response("Sign in from the portal's own sign-in page.", { status: 403 });
  }
  const form = await req.formData().catch(() => new FormData());
  const next = safeRedirectPath(field(form, "next", 500), req.nextUrl.origin) ?? "/";

  const token = randomBytes(32).toString("hex");
  const hash = createHash("sha256").update(`${token}${resolveAuthSecret()}`).digest("hex");
  const jar = await cookies();
  for (const name of CSRF_COOKIES) {
    jar.set(name, `${token}|${hash}`, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: name.startsWith("__Host-"),
    });
  }
  const inner = new NextRequest(new URL("/api/auth/callback/credentials", req.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: field(form, "email", 254).trim(),
      password: field(form, "password", 1024),
      csrfToken: token,
      callbackUrl: new URL(next, req.nextUrl.origin).toString(),
    }),
  });
  return NextAuth(
    inner,
    { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    getAuthOptions(),
  );
}
