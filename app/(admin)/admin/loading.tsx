/** Shown while an admin page loads on the server. */
export default function AdminLoading() {
  return (
    <div role="status" className="space-y-4" aria-live="polite">
      <p className="sr-only">Loading…</p>
      <div aria-hidden className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" />
      <div aria-hidden className="h-4 w-72 max-w-full animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-40 animate-pulse rounded-xl bg-slate-200" />
    </div>
  );
}
