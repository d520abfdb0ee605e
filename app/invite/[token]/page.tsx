import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { ClientProviders } from "@/components/trpc/client-providers";
import { Alert } from "@/components/ui/alert";
import { serverApi } from "@/server/api/server";

export const metadata: Metadata = {
  title: "Choose your password",
  // the link is a secret: it must not leak through the Referer header or into an index
  referrer: "no-referrer",
  robots: { index: false },
};

const REFUSED = {
  used: {
    title: "This link has already been used",
    text: "Sign in with the password you chose. If you forgot it, ask the clinic for a new link.",
  },
  expired: {
    title: "This link has expired",
    text: "Invitation links work for 72 hours. Ask the clinic to send you a new one.",
  },
  unknown: {
    title: "This link is not valid",
    text: "Check that you opened the whole link from the email, or ask the clinic to send you a new one.",
  },
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const invitation = await api.invitation.check({ token: token.slice(0, 200) });
  const refused = invitation.state === "valid" ? null : REFUSED[invitation.state];
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            {invitation.clinicName ?? "Ablation Follow-up"}
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
            {invitation.state === "valid"
              ? "Choose your password"
              : REFUSED[invitation.state].title}
          </h1>
          {invitation.email ? (
            <p className="mt-1 break-all text-sm text-slate-600">
              For your account {invitation.email}
            </p>
          ) : null}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {!refused && invitation.email ? (
            <ClientProviders>
              <SetPasswordForm token={token} email={invitation.email} />
            </ClientProviders>
          ) : (
            <div className="space-y-4">
              <Alert tone="warning">
                {refused?.text}
                {invitation.clinicPhone
                  ? ` You can reach the clinic on ${invitation.clinicPhone}.`
                  : ""}
              </Alert>
              <Link
                href="/signin"
                className="block text-center text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
              >
                Go to sign in
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
