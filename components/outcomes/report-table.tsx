import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import type { ReportTable } from "@/server/analytics/report-tables";

/** A report table in a scrollable region (columns after the first right-aligned numbers). */
/**
 * A report's numbers as a table. `cellHref`: where a count of a table with `cells` (after failure)
 * links to, the list of its patients.
 */
export function DataTable({
  table,
  cellHref,
}: {
  table: ReportTable;
  cellHref?: (cell: string, group: string) => string;
}) {
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label={table.caption}
      className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full text-left text-sm" data-table={table.key}>
        <caption className="sr-only">{table.caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-slate-700">
          <tr>
            {table.columns.map((c, i) => (
              <th
                key={c}
                scope="col"
                className={cn("px-3 py-2 font-medium", i > 0 && "text-right")}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="px-3 py-2 text-slate-600">
                Nothing to show.
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th
                      key={table.columns[i]}
                      scope="row"
                      className="min-w-36 px-3 py-2 font-normal"
                    >
                      {cell}
                    </th>
                  ) : (
                    <td key={table.columns[i]} className="px-3 py-2 text-right whitespace-nowrap">
                      {cellHref && table.cells && typeof cell === "number" && cell > 0 ? (
                        <Link
                          href={cellHref(
                            table.cells.rows[r] ?? "",
                            table.cells.columns[i - 1] ?? "",
                          )}
                          prefetch={false}
                          aria-label={`${cell} patients: ${String(row[0])}, ${table.columns[i]}`}
                          className="font-medium text-brand-800 underline underline-offset-2"
                        >
                          {cell}
                        </Link>
                      ) : (
                        cell
                      )}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The CSV download of a table: a plain link to the export route. */
export function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <a className={buttonClass("secondary", "sm")} href={href} download>
      Download CSV<span className="sr-only">: {label}</span>
    </a>
  );
}

/** A chart's numbers: a table behind a disclosure, and its CSV download. */
export function TableFallback({ table, csvHref }: { table: ReportTable; csvHref: string }) {
  return (
    <div className="mt-4 space-y-2">
      <details className="rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-brand-800">
          Show the numbers as a table
        </summary>
        <div className="border-t border-slate-200 p-2">
          <DataTable table={table} />
        </div>
      </details>
      <CsvLink href={csvHref} label={table.caption} />
    </div>
  );
}
