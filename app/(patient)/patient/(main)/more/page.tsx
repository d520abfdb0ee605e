import type { Metadata } from "next";
import { patientMore } from "@/components/shell/nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "More" };

/** The phone's "More" tab: the patient's pages that the tab bar has no room for, and sign-out. */
export default function MorePage() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="More" />
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {patientMore.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="flex min-h-12 items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50"
            >
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{item.label}</span>
                <span className="block text-sm text-slate-600">{item.text}</span>
              </span>
              <span aria-hidden className="shrink-0 text-xl text-slate-400">
                ›
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-6">
        <SignOutButton size="md" className="min-h-12 w-full" />
      </div>
    </div>
  );
}
