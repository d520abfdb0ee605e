import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SignInFrame } from "@/components/auth/sign-in-frame";
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
      }
    >
      <SignInForm next={next} />
    </SignInFrame>
  );
}
