import { formatCount } from "@/components/format";
import { ButtonLink } from "./button";

/**
 * Links through a server-rendered list: with its total, "Page N of M" and first / previous /
 * next / last; without it (lists over large tables), previous / next only.
 */
export function Pagination({
  page,
  hasMore,
  total,
  pageSize,
  hrefFor,
}: {
  page: number;
  hasMore: boolean;
  total?: number;
  pageSize: number;
  hrefFor: (page: number) => string;
}) {
  if (page === 1 && !hasMore) return null;
  const pages = total === undefined ? null : Math.max(1, Math.ceil(total / pageSize));
  const link = (to: number, label: string, name: string, rel?: "prev" | "next") => (
    <ButtonLink variant="secondary" size="sm" href={hrefFor(to)} rel={rel} aria-label={name}>
      {label}
    </ButtonLink>
  );
  return (
    <nav
      aria-label="Pagination"
      className="mt-4 flex flex-wrap items-center justify-between gap-x-3 gap-y-2"
    >
      <div className="flex gap-2">
        {pages && page > 2 ? link(1, "First", "First page") : null}
        {page > 1 ? link(page - 1, "Previous", "Previous page", "prev") : null}
      </div>
      <p className="text-sm text-slate-600">
        Page {formatCount(page)}
        {pages ? ` of ${formatCount(pages)}` : ""}
      </p>
      <div className="flex gap-2">
        {hasMore ? link(page + 1, "Next", "Next page", "next") : null}
        {pages && hasMore && page < pages - 1 ? link(pages, "Last", "Last page") : null}
      </div>
    </nav>
  );
}

/** The current URL's query with some keys changed (empty values removed). */
export function withQuery(
  path: string,
  current: Record<string, string | undefined>,
  changes: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes }))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
