import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getAppDb } from "@/db/client";
import { safeRedirectPath } from "@/server/auth/redirect";
import { getCurrentActor } from "@/server/auth/session";
import { roleHome } from "@/server/authz/policy";
import { getClinicSettings } from "@/server/services/settings";

export const metadata: Metadata = { title: "Sign in" };

/** This site's origin as the browser sees it. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await getCurrentActor();
  if (actor) redirect(roleHome[actor.role]);
  const { clinicName, clinicPhone } = await getClinicSettings(getAppDb());
  const asked = (await searchParams).callbackUrl;
  // Only a page of this site; anything else goes to the role's home ("/").
  const next = safeRedirectPath(typeof asked === "string" ? asked : null, await requestOrigin());
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Ablation Follow-up
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">
            Your pain diary and follow-up after nerve ablation.
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm next={next ?? "/"} />
        </div>
        <p className="mt-4 text-center text-sm text-slate-600">
          Forgot your password? Ask your clinic
          {clinicPhone ? (
            <>
              {": "}
              {clinicName ? `${clinicName}, ` : ""}
              <a
                href={`tel:${clinicPhone.replace(/[^\d+]/g, "")}`}
                className="whitespace-nowrap font-medium text-brand-800 underline underline-offset-2"
              >
                {clinicPhone}
              </a>
              .
            </>
          ) : (
            " to reset it."
          )}
        </p>
      </div>
    </main>
  );
}
