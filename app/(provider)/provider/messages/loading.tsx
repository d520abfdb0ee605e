/** Shown while the inbox loads. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading messages…</span>
      <div className="h-9 w-48 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-5 w-80 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="space-y-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-16 animate-pulse rounded-xl bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
