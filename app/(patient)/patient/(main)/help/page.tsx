import type { Metadata } from "next";
import { PhoneLink, WarningSigns } from "@/components/help/call-clinic";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Help and contact" };

/** How to reach the clinic, when to call rather than write, and where answers come. */
export default async function HelpPage() {
  const contact = await orPage((await serverApi()).settings.contact());
  const clinic = contact.clinicName ?? "Your clinic";
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Help and contact" description="How to reach your care team." />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 lg:items-start">
        <WarningSigns contact={contact} />
        <div className="space-y-4">
          <Card aria-labelledby="clinic-heading">
            <CardTitle>
              <span id="clinic-heading">{clinic}</span>
            </CardTitle>
            {contact.clinicPhone ? (
              <p className="text-slate-800">
                Phone: <PhoneLink phone={contact.clinicPhone} />
              </p>
            ) : (
              <p className="text-slate-700">Your clinic has not added its phone number here yet.</p>
            )}
          </Card>
          <Card aria-labelledby="write-heading">
            <CardTitle>
              <span id="write-heading">Questions that can wait</span>
            </CardTitle>
            <p className="text-slate-800">
              Write to your care team in{" "}
              <Link href="/patient/messages" className="font-medium text-brand-800 underline">
                Messages
              </Link>
              , or use{" "}
              <Link href="/patient/messages/new" className="font-medium text-brand-800 underline">
                Report a change
              </Link>{" "}
              when your pain or how you feel has changed.{" "}
              {contact.replyTime
                ? `Your care team answers ${contact.replyTime}.`
                : "Your care team answers in your messages."}
            </p>
          </Card>
          <Card aria-labelledby="account-help-heading">
            <CardTitle>
              <span id="account-help-heading">Your account</span>
            </CardTitle>
            <p className="text-slate-800">
              Change your password or see where you are signed in under{" "}
              <Link href="/account/security" className="font-medium text-brand-800 underline">
                Security
              </Link>
              .
            </p>
          </Card>
        </div>
      </div>
    </div>
  );
}
