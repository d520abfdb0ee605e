import type { Metadata } from "next";
import { OutboxStatus, recipientOf } from "@/components/admin/outbox-status";
import { formatDateTime } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 50;

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const api = await serverApi();
  const outbox = await orPage(api.outbox.list({ page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader
        title="Outbox"
        description={`Every email, push and text the portal sends: invitations, reminders and staff notifications, newest first. Times are in the clinic's time zone (${outbox.timeZone}).`}
      />
      {outbox.smtpConfigured ? null : (
        <Alert tone="info" className="mb-4">
          No mail server is configured (SMTP_URL), so emails are kept here and not sent. Open one to
          read it, for example to pass an invitation link on by hand.
        </Alert>
      )}
      {outbox.rows.length === 0 ? (
        <EmptyState title="No emails yet">
          Creating an account sends an invitation; reminders and notifications follow.
        </EmptyState>
      ) : (
        <>
          <ResponsiveTable
            caption="Messages, newest first"
            rows={outbox.rows}
            rowKey={(e) => e.id}
            columns={[
              {
                header: "Subject",
                cell: (e) => (
                  <Link
                    href={`/admin/outbox/${e.id}`}
                    className="font-medium text-brand-800 underline-offset-2 hover:underline"
                  >
                    {e.subject}
                  </Link>
                ),
              },
              { header: "To", cell: (e) => <span className="break-all">{recipientOf(e)}</span> },
              {
                header: "Written",
                cell: (e) => (
                  <span className="num whitespace-nowrap">
                    {formatDateTime(e.createdAt, outbox.timeZone)}
                  </span>
                ),
              },
              {
                header: "Status",
                cell: (e) => (
                  <>
                    <OutboxStatus status={e.status} />
                    {e.lastError && e.status !== "sent" ? (
                      <span className="mt-1 block max-w-xs break-words text-xs text-slate-600">
                        {e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}: {e.lastError}
                      </span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
          <Pagination
            page={outbox.page}
            pageSize={outbox.pageSize}
            total={outbox.total}
            hasMore={outbox.page * outbox.pageSize < outbox.total}
            hrefFor={(p) => (p === 1 ? "/admin/outbox" : `/admin/outbox?page=${p}`)}
          />
        </>
      )}
    </>
  );
}
