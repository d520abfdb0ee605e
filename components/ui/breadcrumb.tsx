import { Link } from "@/components/ui/link";

/** The back-link of every staff page below a list: "Caseload / Susan Patel". */
export function Breadcrumb({ items }: { items: ReadonlyArray<{ label: string; href?: string }> }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, i) => (
          <li key={item.href ?? item.label} className="flex items-center gap-1.5">
            {i > 0 ? (
              <span aria-hidden className="text-slate-400">
                /
              </span>
            ) : null}
            {item.href ? (
              <Link
                href={item.href}
                className="font-medium text-brand-800 underline-offset-2 hover:underline"
              >
                {i === 0 ? <span aria-hidden>← </span> : null}
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="text-slate-700">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
