"use client";

import { Fragment } from "react";
import { Sparkline } from "@/components/charts/sparkline";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import { checkInName } from "@/server/outcomes/check-ins";
import type { QueueRow, RowAnchor, SortKey, SortState } from "./queue-row";

/** The row's patient's review page, or a part of it. */
const patientHref = (patientId: string, anchor?: RowAnchor) =>
  `/provider/patients/${patientId}${anchor ? `#${anchor}` : ""}`;

// The rows' parts take their looks from classes in app/globals.css ("queue-…"), and their text is
// one string where it can be (no React separators between text parts): a page holds 25 rows.
const dash = <span className="queue-none">—</span>;

function StateDetail({ r }: { r: QueueRow }) {
  if (r.detail.length === 0) return null;
  return (
    <p className="queue-detail">
      {r.detail.map((part, i) =>
        part.anchor ? (
          <Fragment key={part.text}>
            {i > 0 ? " · " : null}
            <Link
              href={patientHref(r.patientId, part.anchor)}
              // The row's name already prefetches the same page.
              prefetch={false}
              className="queue-detail-link"
            >
              {part.text}
            </Link>
          </Fragment>
        ) : i > 0 ? (
          ` · ${part.text}`
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

function Pain({ r }: { r: QueueRow }) {
  return (
    <div className="queue-pain">
      <Sparkline values={r.trend} baseline={r.baselinePain} />
      <span className="num queue-figure">
        {r.pain ?? (r.hasProcedure ? <span className="queue-quiet">Too few entries</span> : dash)}
      </span>
    </div>
  );
}

function Flags({ r }: { r: QueueRow }) {
  if (r.openFlags.length === 0 && r.reviewedFlags === 0) return dash;
  return (
    <>
      {r.openFlags.length > 0 ? (
        <ul className="queue-flags">
          {r.openFlags.map((f) => (
            <li key={f.text}>
              <Badge tone={f.tone}>
                <span aria-hidden>{f.mark}</span>
                <span className="sr-only">{`${f.severity}:`}</span>
                {f.text}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {r.reviewedFlags > 0 ? (
        <p className="queue-note">
          <span aria-hidden>✓ </span>
          {`${r.reviewedFlags} reviewed`}
        </p>
      ) : null}
    </>
  );
}

function CheckIns({ r }: { r: QueueRow }) {
  if (r.overdueCheckIns.length === 0) return null;
  return (
    <p className="queue-overdue">
      {`${r.overdueCheckIns.map((d) => checkInName[d] ?? `Day ${d}`).join(", ")} check-in overdue`}
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
            <tr key={r.patientId} data-queue-row="" className="queue-row">
              <td className={cell}>
                <Link href={patientHref(r.patientId)} data-queue-link="" className="queue-name">
                  {r.name}
                  {r.age !== null ? <span className="queue-age">{`, ${r.age}`}</span> : null}
                </Link>
                <p className="queue-sub">
                  {`${r.mrn ? `${r.mrn} · ` : ""}${r.procedureLine}${r.active ? "" : " · account deactivated"}`}
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
              <td className={cn("queue-plan", r.plan ? cell : wideOnly)}>
                {r.plan ? (
                  <>
                    <p>{r.plan.strategies}</p>
                    <p className="queue-note">{r.plan.followUp}</p>
                  </>
                ) : (
                  dash
                )}
              </td>
              <td className={cn(wideOnly, "queue-figure")}>{r.lastEntry ?? dash}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
