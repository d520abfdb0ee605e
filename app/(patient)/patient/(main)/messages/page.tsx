import type { Metadata } from "next";
import { EmergencyNotice } from "@/components/patient-messages/emergency-notice";
import { PatientThread } from "@/components/patient-messages/patient-thread";
import { PendingReports } from "@/components/patient-messages/pending-reports";
import { SendMessageForm } from "@/components/patient-messages/send-message-form";
import { WhatHappensNext } from "@/components/patient-messages/what-happens-next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Messages" };

/**
 * The patient's thread with their care team (docs/decisions/020-messages.md); opening it marks it
 * read.
 */
export default async function MessagesPage() {
  const api = await serverApi();
  const [thread, contact] = await Promise.all([
    orPage(api.message.mine()),
    orPage(api.settings.contact()),
  ]);

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Messages"
        description="Non-urgent questions and changes, between you and your care team."
        actions={
          <ButtonLink href="/patient/messages/new" className="whitespace-nowrap">
            Report a change
          </ButtonLink>
        }
      />
      {thread.messages.at(-1)?.mine ? <WhatHappensNext contact={contact} /> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="lg:sticky lg:top-6 lg:order-2">
          <EmergencyNotice contact={contact} />
        </div>
        <div className="min-w-0">
          {thread.messages.length === 0 ? (
            <EmptyState title="No messages yet">
              When something changes, use "Report a change", or write to your care team below. Their
              replies appear here.
            </EmptyState>
          ) : (
            <>
              {thread.messages.length >= thread.limit ? (
                <p className="mb-3 text-sm text-slate-600">
                  Showing your newest {thread.limit} messages.
                </p>
              ) : null}
              <PatientThread messages={thread.messages} />
            </>
          )}
          <PendingReports className="mt-4" />
          <Card className="mt-6" aria-labelledby="write-title">
            <CardTitle>
              <span id="write-title">Write to your care team</span>
            </CardTitle>
            <SendMessageForm />
          </Card>
        </div>
      </div>
    </div>
  );
}
