import type { Metadata } from "next";
import { DownloadLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Your account" };

const downloads = [
  {
    href: "/patient/report.pdf",
    label: "Report (PDF)",
    text: "A one-page summary of your procedure, your pain since then and your plan, to print or share.",
  },
  {
    href: "/api/fhir/Patient/me/$everything?download=1",
    label: "Health record (FHIR)",
    text: "Everything the portal holds about you, in FHIR R4 JSON, the format other health systems read.",
  },
  {
    href: "/patient/diary.csv",
    label: "Diary (CSV)",
    text: "Every diary entry, one row each, for a spreadsheet.",
  },
];

/**
 * The patient's own account: their right of access (docs/decisions/015-fhir-export.md), and links
 * to their settings.
 */
export default function AccountPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader title="Your account" />
      <Card aria-labelledby="data-heading">
        <CardTitle>
          <span id="data-heading">Download my data</span>
        </CardTitle>
        <p className="mb-4 text-slate-700">
          You can download your own records at any time. The files contain personal health
          information: keep them somewhere safe.
        </p>
        <ul className="divide-y divide-slate-200">
          {downloads.map((d) => (
            <li
              key={d.href}
              className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <p className="text-sm text-slate-700">
                <span className="block font-medium text-slate-900">{d.label}</span>
                {d.text}
              </p>
              <DownloadLink href={d.href} size="sm" className="shrink-0">
                Download<span className="sr-only"> {d.label}</span>
              </DownloadLink>
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="settings-heading">
        <CardTitle>
          <span id="settings-heading">Settings</span>
        </CardTitle>
        <ul className="space-y-1">
          <li>
            <Link
              href="/account/notifications"
              className="inline-flex min-h-11 items-center font-medium text-brand-800 underline"
            >
              Notifications and reminder emails
            </Link>
          </li>
          <li>
            <Link
              href="/account/password"
              className="inline-flex min-h-11 items-center font-medium text-brand-800 underline"
            >
              Change your password
            </Link>
          </li>
        </ul>
      </Card>
    </div>
  );
}
