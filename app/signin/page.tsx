import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SignInFrame } from "@/components/auth/sign-in-frame";
import { Link } from "@/components/ui/link";
import { getAppDb } from "@/db/client";
import { getCurrentSession } from "@/server/auth/session";
import { nextPath, stepPage } from "@/server/auth/sign-in-steps";
import { roleHome } from "@/server/authz/policy";
import { getClinicSettings } from "@/server/services/settings";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only a page of this site afterwards; anything else goes to the role's home ("/").
  const next = await nextPath(searchParams);
  const session = await getCurrentSession();
  if (session?.state === "active") redirect(next === "/" ? roleHome[session.actor.role] : next);
  const step = stepPage(session, next);
  if (step) redirect(step);
  const { clinicName, clinicPhone } = await getClinicSettings(getAppDb());
  return (
    <SignInFrame
      title="Sign in"
      description="Your pain diary and follow-up after nerve ablation."
      footer={
        <div className="mt-4 space-y-2 text-center text-sm text-slate-600">
          <p>
            <Link
              href="/signin/forgot"
              className="inline-flex min-h-11 items-center font-medium text-brand-800 underline underline-offset-2"
            >
              Forgot your password?
            </Link>
          </p>
          {clinicPhone ? (
            <p>
              Need help? Call {clinicName ?? "your clinic"} on{" "}
              <a
                href={`tel:${clinicPhone.replace(/[^\d+]/g, "")}`}
                className="whitespace-nowrap font-medium text-brand-800 underline underline-offset-2"
              >
                {clinicPhone}
              </a>
              .
            </p>
          ) : null}
        </div>
      }
    >
      <SignInForm next={next} failed={(await searchParams).error === "CredentialsSignin"} />
      <div className="mt-4 border-t border-slate-200 pt-4">
        <PasskeySignIn next={next} />
      </div>
    </SignInFrame>
  );
}
