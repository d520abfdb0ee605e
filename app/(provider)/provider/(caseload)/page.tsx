import type { Metadata } from "next";
import { formatDate, plural } from "@/components/format";
import { CaseloadFilters } from "@/components/provider/caseload-filters";
import { CaseloadTable } from "@/components/provider/caseload-table";
import { QueueKeys } from "@/components/provider/queue-keys";
import {
  nextSort,
  type SortKey,
  type SortState,
  toQueueRow,
} from "@/components/provider/queue-row";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { orPage, serverApi } from "@/server/api/server";
import { ReviewState, reviewStateLabels } from "@/server/outcomes/review-state";
import { Category, categoryLabels, FlagCode, flagCodeLabels } from "@/server/outcomes/vocab";
import { CaseloadInput } from "@/shared/schemas";

export const metadata: Metadata = { title: "Caseload" };

const PAGE_SIZE = 25;
const SORT_KEYS: readonly SortKey[] = ["queue", "name", "pain", "last_entry"];
type Search = {
  q?: string;
  state?: string;
  category?: string;
  flag?: string;
  sort?: string;
  dir?: string;
  page?: string;
};

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const pick = <T extends string>(value: string | undefined, options: readonly T[]) =>
    options.find((o) => o === value);
  const sort: SortState = {
    sort: pick(params.sort, SORT_KEYS) ?? "queue",
    dir: params.dir === "desc" ? "desc" : "asc",
  };
  const parsed = CaseloadInput.safeParse({
    search: params.q?.slice(0, 200) || undefined,
    state: pick(params.state, ReviewState.options),
    category: pick(params.category, [...Category.options, "no_procedure" as const]),
    flag: pick(params.flag, FlagCode.options),
    sort: sort.sort,
    dir: sort.dir,
    page: Math.max(1, Math.min(100_000, Number.parseInt(params.page ?? "1", 10) || 1)),
    pageSize: PAGE_SIZE,
  });
  const input = parsed.data ?? { page: 1, pageSize: PAGE_SIZE };
  const api = await serverApi();
  const caseload = await orPage(api.caseload.list(input));
  const today = caseload.asOf;
  const current = {
    q: input.search,
    state: input.state,
    category: input.category,
    flag: input.flag,
    sort: sort.sort === "queue" ? undefined : sort.sort,
    dir: sort.sort === "queue" || sort.dir === "asc" ? undefined : sort.dir,
  };
  const filtered = Boolean(input.search || input.state || input.category || input.flag);
  const { counts } = caseload;
  // The tabs count what each would show with the search and filters (every filter but the state).
  const matches = Object.values(counts.state).reduce((sum, n) => sum + n, 0);
  // When the current tab has none of the search's patients: the tabs that have them.
  const elsewhere =
    caseload.rows.length === 0 && input.state
      ? ReviewState.options.flatMap((s) =>
          s !== input.state && (counts.state[s] ?? 0) > 0
            ? [{ state: s, count: counts.state[s] ?? 0 }]
            : [],
        )
      : [];
  const tabs = [
    ...ReviewState.options.map((s) => ({
      state: s as string | undefined,
      label: reviewStateLabels[s],
      count: counts.state[s] ?? 0,
    })),
    { state: undefined, label: "All", count: filtered ? matches : caseload.caseloadSize },
  ];

  return (
    <>
      <PageHeader
        title="Caseload"
        description={`${plural(caseload.caseloadSize, "patient", "patients")} on your care team · ${formatDate(today, { weekday: "long", today })}`}
      />
      {caseload.caseloadSize > 0 ? (
        <nav aria-label="Review states" className="mb-4">
          <ul className="flex flex-wrap gap-1 rounded-xl border border-slate-200 bg-white p-1 shadow-sm">
            {tabs.map((t) => {
              const active = input.state === t.state;
              return (
                <li key={t.label} className="shrink-0">
                  <Link
                    href={withQuery("/provider", { ...current, state: t.state }, {})}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "inline-flex min-h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium",
                      active ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {t.label}
                    <span
                      className={cn(
                        "num rounded-full px-2 text-xs",
                        active ? "bg-white text-brand-800" : "bg-slate-100 text-slate-800",
                      )}
                    >
                      {t.count}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}

      <CaseloadFilters
        search={input.search ?? ""}
        category={input.category ?? ""}
        flag={input.flag ?? ""}
        categories={[...Category.options, "no_procedure" as const].map((c) => ({
          value: c,
          label: `${c === "no_procedure" ? "No procedure" : categoryLabels[c]} (${counts.category[c] ?? 0})`,
        }))}
        flags={FlagCode.options.map((f) => ({
          value: f,
          label: `${flagCodeLabels[f]} (${counts.flag[f] ?? 0})`,
        }))}
      />

      {caseload.rows.length === 0 && elsewhere.length > 0 && input.state ? (
        <EmptyState title={`No matches under “${reviewStateLabels[input.state]}”`}>
          <ul className="space-y-1">
            {elsewhere.map((e) => (
              <li key={e.state}>
                <Link
                  href={withQuery("/provider", { ...current, state: e.state }, {})}
                  className="font-medium text-brand-800 underline"
                >
                  {plural(e.count, "match", "matches")} under {reviewStateLabels[e.state]}
                </Link>
              </li>
            ))}
          </ul>
        </EmptyState>
      ) : caseload.rows.length === 0 ? (
        <EmptyState
          title={
            caseload.caseloadSize === 0
              ? "No patients on your care team yet"
              : "No patients match these filters"
          }
          action={
            caseload.caseloadSize > 0 ? (
              <ButtonLink href="/provider" variant="secondary">
                Clear filters
              </ButtonLink>
            ) : null
          }
        >
          {caseload.caseloadSize === 0
            ? "An administrator assigns patients to your care team; they appear here with their outcomes."
            : input.state && !input.search && !input.category && !input.flag
              ? `No patient is in “${reviewStateLabels[input.state]}” now.`
              : "Try another name, MRN, email, date of birth, state, outcome or flag."}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {filtered ? `${plural(caseload.total, "patient", "patients")} match · ` : ""}
            {sort.sort === "queue"
              ? "Needs review first, most urgent and longest waiting at the top."
              : "Sorted by a column; the state column returns to the queue’s order."}{" "}
            <span className="hidden lg:inline">
              Keys: <kbd className="rounded border border-slate-300 px-1 text-xs">j</kbd> /{" "}
              <kbd className="rounded border border-slate-300 px-1 text-xs">k</kbd> move, Enter
              opens.
            </span>
          </p>
          <QueueKeys>
            <CaseloadTable
              rows={caseload.rows.map((r) => toQueueRow(r, today))}
              sort={sort}
              hrefs={
                Object.fromEntries(
                  SORT_KEYS.map((key) => {
                    const s = nextSort(key, sort);
                    const href = withQuery(
                      "/provider",
                      {
                        ...current,
                        sort: s.sort === "queue" ? undefined : s.sort,
                        dir: s.sort === "queue" || s.dir === "asc" ? undefined : s.dir,
                      },
                      {},
                    );
                    return [key, href];
                  }),
                ) as Record<SortKey, string>
              }
            />
          </QueueKeys>
        </>
      )}
      <Pagination
        page={caseload.page}
        pageSize={caseload.pageSize}
        total={caseload.total}
        hasMore={caseload.page * caseload.pageSize < caseload.total}
        hrefFor={(p) => withQuery("/provider", current, { page: p === 1 ? undefined : p })}
      />
    </>
  );
}
