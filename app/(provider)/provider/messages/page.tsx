import type { Metadata } from "next";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatDateTime, formatElapsed, plural, zoneWords } from "@/components/format";
import type { InboxRow } from "@/components/provider/types";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { type Column, ResponsiveTable } from "@/components/ui/responsive-table";
import { orPage, serverApi } from "@/server/api/server";
import { changeLabels } from "@/server/outcomes/vocab-lists";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const { page: pageParam } = await searchParams;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(pageParam ?? "1", 10) || 1));
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const inbox = await orPage(api.message.inbox({ page }));
  const now = new Date();

  const columns: Column<InboxRow>[] = [
    {
      header: "Patient",
      className: "min-w-48",
      cell: (r) => (
        <span className="flex flex-wrap items-center gap-2">
          <Link
            href={`/provider/patients/${r.patientId}#messages`}
            className="font-semibold text-brand-800 underline-offset-2 hover:underline"
          >
            {r.name}
          </Link>
          {r.unread > 0 ? <Badge tone="brand">{plural(r.unread, "unread", "unread")}</Badge> : null}
        </span>
      ),
    },
    {
      header: "Last reported",
      cell: (r) =>
        r.lastChange ? changeLabels[r.lastChange] : <span className="text-slate-600">—</span>,
    },
    {
      header: "Reply",
      cell: (r) =>
        r.awaitingSince ? (
          <Badge tone="warning">
            <span aria-hidden>●</span>
            Waiting {formatElapsed(r.awaitingSince, now)}
          </Badge>
        ) : (
          <Badge tone="neutral">
            <span aria-hidden>✓</span>
            Answered
          </Badge>
        ),
    },
    {
      header: `Last message (${zoneWords(zone)})`,
      className: "whitespace-nowrap",
      cell: (r) => (
        <time dateTime={r.lastMessageAt.toISOString()} className="num">
          {formatDateTime(r.lastMessageAt, zone)}
        </time>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Messages"
        description="Your care team’s conversations with patients, longest waiting for a reply first."
      />
      {inbox.total === 0 ? (
        <EmptyState title="No messages yet">
          When a patient on your care team reports a change or writes to you, the conversation
          appears here.
        </EmptyState>
      ) : inbox.rows.length === 0 ? (
        <EmptyState
          title="No conversations on this page"
          action={
            <ButtonLink href="/provider/messages" variant="secondary">
              Back to the first page
            </ButtonLink>
          }
        />
      ) : (
        <>
          <ResponsiveTable
            caption="Conversations with patients on your care team"
            columns={columns}
            rows={inbox.rows}
            rowKey={(r) => r.patientId}
          />
          <Pagination
            page={inbox.page}
            pageSize={inbox.pageSize}
            total={inbox.total}
            hasMore={inbox.page * inbox.pageSize < inbox.total}
            hrefFor={(p) => withQuery("/provider/messages", {}, { page: p === 1 ? undefined : p })}
          />
        </>
      )}
    </>
  );
}
