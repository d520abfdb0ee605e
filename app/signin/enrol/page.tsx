import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { EnrolmentDetails } from "@/components/account/enrolment-details";
import { SecondStepForm } from "@/components/auth/second-step-form";
import { SignInFrame } from "@/components/auth/sign-in-frame";
import { getAppDb } from "@/db/client";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { getCurrentSession } from "@/server/auth/session";
import { nextPath, stepPage } from "@/server/auth/sign-in-steps";
import { startEnrolment } from "@/server/services/mfa";

export const metadata: Metadata = { title: "Set up a second factor" };

/**
 * The clinic requires a second factor and this staff member has none: they set it up before
 * anything else (the session reaches no other page or procedure until the first code confirms it).
 * Each visit starts afresh, so the secret and recovery codes are shown once.
 */
export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = await nextPath(searchParams);
  const session = await getCurrentSession();
  if (session?.state !== "mfa_enrol") redirect(stepPage(session, next) ?? "/signin");
  const enrolment = await startEnrolment(
    getAppDb(),
    session.actor,
    clientIpFromHeaders(await headers()),
  );
  return (
    <SignInFrame
      wide
      title="Set up a second factor"
      description="Your clinic asks staff to sign in with a code from an authenticator app as well as the password."
    >
      <div className="space-y-6">
        <EnrolmentDetails
          qrSvg={enrolment.qrSvg}
          secret={enrolment.secret}
          recoveryCodes={enrolment.recoveryCodes}
        />
        <div className="max-w-sm">
          <h2 className="mb-3 font-semibold text-slate-900">3. Enter the code your app shows</h2>
          <SecondStepForm next={next} enrolling />
        </div>
      </div>
    </SignInFrame>
  );
}
