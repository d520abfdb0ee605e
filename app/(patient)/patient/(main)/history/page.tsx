import type { Metadata } from "next";
import { EntryList } from "@/components/diary/entry-list";
import { PendingEntriesList } from "@/components/diary/pending-entries-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Diary history" };

const PAGE_SIZE = 20;

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const [{ page: pageParam }, api] = await Promise.all([searchParams, serverApi()]);
  const asked = Number.parseInt(typeof pageParam === "string" ? pageParam : "1", 10);
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  const result = await orPage(api.diary.list({ page, pageSize: PAGE_SIZE }));
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Diary history"
        description={
          result.total > 0
            ? `${result.total} ${result.total === 1 ? "entry" : "entries"}, newest first. Open one to see it or correct it.`
            : "Your entries, newest first."
        }
        actions={<ButtonLink href="/patient/diary/new">New entry</ButtonLink>}
      />
      <PendingEntriesList />
      {result.rows.length === 0 ? (
        page > 1 ? (
          <EmptyState
            title="No entries on this page"
            action={
              <ButtonLink href="/patient/history" variant="secondary">
                Go to the newest entries
              </ButtonLink>
            }
          />
        ) : (
          <EmptyState
            title="No entries yet"
            action={<ButtonLink href="/patient/diary/new">Record today's entry</ButtonLink>}
          >
            Your entries will appear here, newest first.
          </EmptyState>
        )
      ) : (
        <EntryList entries={result.rows} />
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
          {page > 1 ? (
            <Link
              href={`/patient/history?page=${page - 1}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50"
            >
              ‹ Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link
              href={`/patient/history?page=${page + 1}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50"
            >
              Older ›
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
