"use client";

import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { checkInName } from "@/components/diary/patient-words";
import { formatDate, painAgainstBaseline } from "@/components/format";
import { cn } from "@/components/ui/cn";
import type { Region } from "@/server/outcomes/vocab";
import { regionLabels, strategyLabels } from "@/server/outcomes/vocab";
import { FlagBadge } from "./badges";
import type { QueueRow as CaseloadRow, SortKey, SortState } from "./queue-row";
import { ReviewReasons, ReviewStateBadge } from "./review-state-badge";

const dash = <span className="text-slate-500">—</span>;

/** "Maria Gomez, 62": the name with the age when the date of birth is known. */
const patientHref = (r: CaseloadRow) => `/provider/patients/${r.patientId}`;

/** "Lumbar · day 35", "Knee · planned 12 Dec", "No procedure recorded". */
function procedureLine(r: CaseloadRow, today: string) {
  if (!r.procedure) return "No procedure recorded";
  const region = regionLabels[r.procedure.region as Region] ?? r.procedure.region;
  return r.day !== null && r.day >= 0
    ? `${region} · day ${r.day}`
    : `${region} · planned ${formatDate(r.procedure.performedOn, { today })}`;
}

function StateDetail({ r, today }: { r: CaseloadRow; today: string }) {
  const detail =
    r.state === "needs_review" ? (
      <ReviewReasons
        reasons={r.reasons}
        openFlags={r.flags.filter((f) => !f.acknowledged).length}
        messagesHref={`${patientHref(r)}#messages`}
      />
    ) : r.state === "follow_up_due" && r.plan?.followUpOn ? (
      r.plan.followUpOn === today ? (
        "Due today"
      ) : (
        `Due since ${formatDate(r.plan.followUpOn, { today })}`
      )
    ) : null;
  return detail ? <p className="mt-1 text-xs text-slate-700">{detail}</p> : null;
}

function Pain({ r }: { r: CaseloadRow }) {
  const words = painAgainstBaseline(r.currentPain, r.baselinePain, r.reductionPct);
  return (
    <div className="flex items-center gap-3">
      <Sparkline values={r.trend} baseline={r.baselinePain} />
      <span className="num whitespace-nowrap text-slate-800">
        {words ?? (r.procedure ? <span className="text-slate-600">Too few entries</span> : dash)}
      </span>
    </div>
  );
}

function Flags({ r }: { r: CaseloadRow }) {
  const open = r.flags.filter((f) => !f.acknowledged);
  const reviewed = r.flags.length - open.length;
  if (r.flags.length === 0) return dash;
  return (
    <div className="space-y-1">
      {open.length > 0 ? (
        <ul className="flex flex-wrap gap-1">
          {open.map((f) => (
            <li key={f.code}>
              <FlagBadge code={f.code} severity={f.severity} acknowledged={false} />
            </li>
          ))}
        </ul>
      ) : null}
      {reviewed > 0 ? (
        <p className="text-xs text-slate-600">
          <span aria-hidden>✓ </span>
          {reviewed} reviewed
        </p>
      ) : null}
    </div>
  );
}

function Plan({ r, today }: { r: CaseloadRow; today: string }) {
  if (!r.plan) return dash;
  return (
    <div className="min-w-0">
      <p className="text-slate-800">{r.plan.strategies.map((s) => strategyLabels[s]).join(", ")}</p>
      <p className="text-xs text-slate-600">
        {r.plan.followUpOn
          ? `Follow-up ${formatDate(r.plan.followUpOn, { today })}`
          : "No follow-up date"}
      </p>
    </div>
  );
}

function CheckIns({ r }: { r: CaseloadRow }) {
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
 * ones (by CSS alone: each row is rendered once). The patient's name is the row's link; the whole
 * row opens it (components/provider/queue-keys.tsx), and `j`/`k` move between rows. A client
 * component so that the rows reach the browser as data (QueueRow), not as a rendered tree; it is
 * rendered on the server all the same. `hrefs`: where each column header leads (nextSort).
 */
export function CaseloadTable({
  rows,
  today,
  sort,
  hrefs,
}: {
  rows: readonly CaseloadRow[];
  today: string;
  sort: SortState;
  hrefs: Record<SortKey, string>;
}) {
  // Cells (app/globals.css): on a card, a block each (an empty one hidden); in the table, cells.
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
            <tr key={r.patientId} data-queue-row={patientHref(r)} className="queue-row">
              <td className={cell}>
                <Link href={patientHref(r)} data-queue-link className="queue-name">
                  {r.name}
                  {r.age !== null ? (
                    <span className="font-normal text-slate-700">, {r.age}</span>
                  ) : null}
                </Link>
                <p className="text-sm text-slate-600">
                  {procedureLine(r, today)}
                  {r.active ? "" : " · account deactivated"}
                </p>
              </td>
              <td className={cell}>
                <ReviewStateBadge state={r.state} />
                <StateDetail r={r} today={today} />
              </td>
              <td className={r.procedure ? cell : wideOnly}>
                <Pain r={r} />
              </td>
              <td className={r.flags.length > 0 || r.overdueCheckIns.length > 0 ? cell : wideOnly}>
                <Flags r={r} />
                <CheckIns r={r} />
              </td>
              <td className={cn("lg:max-w-56", r.plan ? cell : wideOnly)}>
                <Plan r={r} today={today} />
              </td>
              <td className={cn(wideOnly, "whitespace-nowrap text-slate-800")}>
                {r.lastEntryDate ? formatDate(r.lastEntryDate, { today }) : dash}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
