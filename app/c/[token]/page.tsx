import type { Metadata } from "next";
import { OneTapCheckIn } from "@/components/check-in-link/one-tap-check-in";
import { ClientProviders } from "@/components/trpc/client-providers";
import { Alert } from "@/components/ui/alert";
import { serverApi } from "@/server/api/server";

export const metadata: Metadata = {
  // The tab and the lock screen name no treatment.
  title: { absolute: "Your check-in" },
  // The link is a secret: not through the Referer header, not into an index.
  referrer: "no-referrer",
  robots: { index: false },
};

const REFUSED = {
  used: {
    title: "This link has already been used",
    text: "Each check-in link works once. Thank you: there is nothing more to do.",
  },
  expired: {
    title: "This link has expired",
    text: "Check-in links work for 7 days. Your next reminder brings a new one, or sign in to the portal.",
  },
  ended: {
    title: "This link no longer works",
    text: "The date of birth was wrong too many times. Sign in to the portal, or call the clinic.",
  },
  invalid: {
    title: "This link is not valid",
    text: "Check that you opened the whole link from the message you received, or sign in to the portal.",
  },
} as const;

/**
 * A one-tap check-in (docs/decisions/038-one-tap-check-ins.md): the date of birth, then that one
 * check-in, then done. No navigation into the portal: the link grants nothing else.
 */
export default async function OneTapCheckInPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const { state, clinic } = await (await serverApi()).checkInLink.open({
    token: token.slice(0, 200),
  });
  const refused = state === "ready" ? null : REFUSED[state];
  return (
    <main className="flex min-h-dvh justify-center px-4 py-8 sm:items-center">
      <div className="w-full max-w-lg">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wide text-brand-700">
          {clinic.name ?? "Your clinic"}
        </p>
        {refused ? (
          <div className="space-y-4">
            <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">
              {refused.title}
            </h1>
            <Alert tone="warning">
              {refused.text}
              {clinic.phone ? ` The clinic's phone: ${clinic.phone}.` : null}
            </Alert>
          </div>
        ) : (
          <ClientProviders>
            <OneTapCheckIn token={token} clinicPhone={clinic.phone} />
          </ClientProviders>
        )}
      </div>
    </main>
  );
}
