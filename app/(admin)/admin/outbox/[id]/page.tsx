import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OutboxActions } from "@/components/admin/outbox-actions";
import { OutboxStatus, recipientOf } from "@/components/admin/outbox-status";
import { formatDateTime } from "@/components/format";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Email" };

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const email = await orPage(api.outbox.get({ id }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/outbox" className="text-brand-800 underline-offset-2 hover:underline">
          ← Outbox
        </Link>
      </p>
      <PageHeader
        title={email.subject}
        actions={
          <>
            <OutboxStatus status={email.status} />
            <OutboxActions
              id={email.id}
              kind={email.kind}
              link={email.textBody.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0] ?? null}
            />
          </>
        }
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">To</dt>
          <dd className="break-all">{recipientOf(email)}</dd>
          <dt className="font-medium text-slate-700">Written</dt>
          <dd className="num">{formatDateTime(email.createdAt, email.timeZone)}</dd>
          {email.sentAt ? (
            <>
              <dt className="font-medium text-slate-700">Sent</dt>
              <dd className="num">{formatDateTime(email.sentAt, email.timeZone)}</dd>
            </>
          ) : null}
          {email.lastError && email.status !== "sent" ? (
            <>
              <dt className="font-medium text-slate-700">Last error</dt>
              <dd className="break-words">
                {email.lastError} ({email.attempts} {email.attempts === 1 ? "attempt" : "attempts"})
              </dd>
            </>
          ) : null}
        </dl>
        <pre className="mt-6 whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-4 font-sans text-sm text-slate-800">
          {email.textBody}
        </pre>
      </Card>
    </>
  );
}
