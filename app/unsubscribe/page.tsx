import type { Metadata } from "next";
import { UnsubscribeButton } from "@/components/notifications/unsubscribe-button";
import { ClientProviders } from "@/components/trpc/client-providers";

export const metadata: Metadata = {
  title: "Stop a reminder",
  referrer: "no-referrer",
  robots: { index: false },
};

const KINDS: Record<string, string> = {
  check_in_due: "reminders that a check-in is waiting",
  diary_lapsed: "reminders when your diary has gone quiet",
  daily_diary: "daily diary reminders",
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : "");

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const kind = one(params.k);
  const what = KINDS[kind];
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Ablation Follow-up
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
            Stop a reminder
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {what ? `Stop the ${what}?` : "This link is not complete."}
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {what ? (
            <ClientProviders>
              <UnsubscribeButton userId={one(params.u)} kind={kind} signature={one(params.s)} />
            </ClientProviders>
          ) : (
            <p className="text-sm text-slate-700">
              Open the whole link from the email, or sign in and change your reminders under
              Notifications.
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
