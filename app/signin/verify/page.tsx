import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondStepForm } from "@/components/auth/second-step-form";
import { SignInFrame } from "@/components/auth/sign-in-frame";
import { getCurrentSession } from "@/server/auth/session";
import { nextPath, stepPage } from "@/server/auth/sign-in-steps";

export const metadata: Metadata = { title: "Authentication code" };

/** The second step of a staff sign-in (decision 010). Only a session that awaits a code gets here. */
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = await nextPath(searchParams);
  const session = await getCurrentSession();
  if (session?.state !== "mfa_pending") redirect(stepPage(session, next) ?? "/signin");
  return (
    <SignInFrame
      title="Authentication code"
      description="Open your authenticator app and enter the code it shows for Ablation Follow-up."
    >
      <SecondStepForm next={next} enrolling={false} />
    </SignInFrame>
  );
}
