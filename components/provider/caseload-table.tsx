"use client";

import { Sparkline } from "@/components/charts/sparkline";
import { painAgainstBaseline } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import { checkInName } from "@/server/outcomes/check-ins";
import type { QueueRow, SortKey, SortState } from "./queue-row";

const dash = <span className="text-slate-500">—</span>;

function StateDetail({ r }: { r: QueueRow }) {
  if (r.detail.length === 0) return null;
  return (
    <p className="mt-1 text-xs text-slate-700">
      {r.detail.map((part, i) => (
        <span key={part.text}>
          {i > 0 ? " · " : null}
          {part.href ? (
            <Link
              href={part.href}
              // The row's name already prefetches the same page.
              prefetch={false}
              className="font-semibold text-brand-800 underline underline-offset-2"
            >
              {part.text}
            </Link>
          ) : (
            part.text
          )}
        </span>
      ))}
    </p>
  );
}

function Pain({ r }: { r: QueueRow }) {
  const words = painAgainstBaseline(r.currentPain, r.baselinePain, r.reductionPct);
  return (
    <div className="flex items-center gap-3">
      <Sparkline values={r.trend} baseline={r.baselinePain} />
      <span className="num whitespace-nowrap text-slate-800">
        {words ?? (r.hasProcedure ? <span className="text-slate-600">Too few entries</span> : dash)}
      </span>
    </div>
  );
}

function Flags({ r }: { r: QueueRow }) {
  if (r.openFlags.length === 0 && r.reviewedFlags === 0) return dash;
  return (
    <div className="space-y-1">
      {r.openFlags.length > 0 ? (
        <ul className="flex flex-wrap gap-1">
          {r.openFlags.map((f) => (
            <li key={f.code}>
              <Badge tone={f.tone}>
                <span aria-hidden>{f.mark}</span>
                <span className="sr-only">{f.severity}:</span>
                {f.text}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {r.reviewedFlags > 0 ? (
        <p className="text-xs text-slate-600">
          <span aria-hidden>✓ </span>
          {r.reviewedFlags} reviewed
        </p>
      ) : null}
    </div>
  );
}

function CheckIns({ r }: { r: QueueRow }) {
  if (r.overdueCheckIns.length === 0) return null;
  return (
    <p className="text-xs font-medium text-amber-900">
      {r.overdueCheckIns.map((d) => checkInName[d] ?? `Day ${d}`).join(", ")} check-in overdue
    </p>
  );
}

function SortHeader({
  label,
  sortKey,
  current,
  hrefs,
  className,
}: {
  label: string;
  sortKey: SortKey;
  current: SortState;
  hrefs: Record<SortKey, string>;
  className?: string;
}) {
  const active = current.sort === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}
      className={cn("whitespace-nowrap px-4 py-3 font-semibold", className)}
    >
      <Link
        href={hrefs[sortKey]}
        className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
      >
        {label}
        <span aria-hidden className="text-slate-500">
          {active ? (current.dir === "asc" ? "↑" : "↓") : "↕"}
        </span>
        <span className="sr-only">
          {active ? `, sorted ${current.dir === "asc" ? "ascending" : "descending"}` : ", sort"}
        </span>
      </Link>
    </th>
  );
}

/**
 * The work queue: one table, laid out as a table on wide screens and as a list of cards on narrow
 * ones (by CSS alone: each row is rendered once; classes in app/globals.css). The patient's name is
 * the row's link; the whole row opens it (components/provider/queue-keys.tsx), and `j`/`k` move
 * between rows. A client component, rendered on the server all the same, so that the rows reach
 * the browser as short data with their words (QueueRow, components/provider/queue-row.ts) rather
 * than as a rendered tree. `hrefs`: where each column header leads (nextSort).
 */
export function CaseloadTable({
  rows,
  sort,
  hrefs,
}: {
  rows: readonly QueueRow[];
  sort: SortState;
  hrefs: Record<SortKey, string>;
}) {
  // On a card, a block each (an empty one hidden); in the table, cells.
  const cell = "queue-cell";
  const wideOnly = "queue-cell-wide";
  return (
    <div className="lg:overflow-x-auto lg:rounded-xl lg:border lg:border-slate-200 lg:bg-white lg:shadow-sm">
      <table className="block w-full text-left text-sm lg:table">
        <caption className="sr-only">
          Patients on your care team, in the queue's order unless sorted by a column
        </caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-slate-700 lg:table-header-group">
          <tr>
            <SortHeader
              label="Patient"
              sortKey="name"
              current={sort}
              hrefs={hrefs}
              className="min-w-48"
            />
            <SortHeader label="State" sortKey="queue" current={sort} hrefs={hrefs} />
            <SortHeader label="Pain (7 days)" sortKey="pain" current={sort} hrefs={hrefs} />
            <th scope="col" className="px-4 py-3 font-semibold">
              Flags
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Plan
            </th>
            <SortHeader label="Last entry" sortKey="last_entry" current={sort} hrefs={hrefs} />
          </tr>
        </thead>
        <tbody className="block space-y-3 lg:table-row-group lg:space-y-0 lg:divide-y lg:divide-slate-200">
          {rows.map((r) => (
            <tr key={r.patientId} data-queue-row={r.href} className="queue-row">
              <td className={cell}>
                <Link href={r.href} data-queue-link className="queue-name">
                  {r.name}
                  {r.age !== null ? (
                    <span className="font-normal text-slate-700">, {r.age}</span>
                  ) : null}
                </Link>
                <p className="text-sm text-slate-600">
                  {r.mrn ? `${r.mrn} · ` : ""}
                  {r.procedureLine}
                  {r.active ? "" : " · account deactivated"}
                </p>
              </td>
              <td className={cell}>
                <Badge tone={r.state.tone}>
                  <span aria-hidden>{r.state.mark}</span>
                  {r.state.text}
                </Badge>
                <StateDetail r={r} />
              </td>
              <td className={r.hasProcedure ? cell : wideOnly}>
                <Pain r={r} />
              </td>
              <td
                className={
                  r.openFlags.length + r.reviewedFlags + r.overdueCheckIns.length > 0
                    ? cell
                    : wideOnly
                }
              >
                <Flags r={r} />
                <CheckIns r={r} />
              </td>
              <td className={cn("lg:max-w-56", r.plan ? cell : wideOnly)}>
                {r.plan ? (
                  <div className="min-w-0">
                    <p className="text-slate-800">{r.plan.strategies}</p>
                    <p className="text-xs text-slate-600">{r.plan.followUp}</p>
                  </div>
                ) : (
                  dash
                )}
              </td>
              <td className={cn(wideOnly, "whitespace-nowrap text-slate-800")}>
                {r.lastEntry ?? dash}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
