import type { Metadata } from "next";

export const metadata: Metadata = { title: "You are offline" };

/**
 * What the service worker (public/sw.js) shows for a page it has no copy of while the phone is
 * offline. Plain links: it must work without the app's JavaScript.
 */
export default function OfflinePage() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          Ablation Follow-up
        </p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
          You are offline
        </h1>
        <p className="mt-2 text-slate-700">
          This page needs a connection. Your home, history and plan open from this phone as you last
          saw them, and diary entries you save are kept here and sent when you are back online.
        </p>
        <div className="mt-6 flex flex-col gap-2">
          <a
            href="/patient"
            className="flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            Go to your home
          </a>
          <a
            href="/patient/history"
            className="flex min-h-11 items-center justify-center rounded-lg border border-slate-300 px-4 font-medium text-slate-900 hover:bg-slate-50"
          >
            Your history
          </a>
        </div>
      </div>
    </main>
  );
}
