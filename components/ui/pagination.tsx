import { ButtonLink } from "./button";

/**
 * Previous / next links for a server-rendered list. `total` is optional: lists over large
 * tables only know whether there is a next page.
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
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <ButtonLink variant="secondary" size="sm" href={hrefFor(page - 1)} rel="prev">
          Previous
        </ButtonLink>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600">
        Page {page}
        {pages ? ` of ${pages}` : ""}
      </p>
      {hasMore ? (
        <ButtonLink variant="secondary" size="sm" href={hrefFor(page + 1)} rel="next">
          Next
        </ButtonLink>
      ) : (
        <span />
      )}
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
