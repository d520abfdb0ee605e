import Link from "next/link";
import { formatDateShort } from "@/components/diary/format";
import { checkInName } from "@/components/diary/patient-words";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import type { Region } from "@/server/outcomes/vocab";
import { phaseLabels, regionLabels } from "@/server/outcomes/vocab";
import { CategoryBadge, FlagBadge, SeverityBadge } from "./badges";
import { reduction } from "./format";
import type { CaseloadRow } from "./types";

const dash = <span className="text-slate-500">—</span>;

/** The caseload as a table on wide screens and as cards at phone width. */
export function CaseloadTable({ rows }: { rows: readonly CaseloadRow[] }) {
  return (
    <ResponsiveTable
      caption="Patients on your care team, most urgent first"
      rows={rows}
      rowKey={(r) => r.patientId}
      columns={[
        {
          header: "Patient",
          cell: (r) => (
            <div className="min-w-0">
              <Link
                href={`/provider/patients/${r.patientId}`}
                className="font-semibold text-brand-800 underline-offset-2 hover:underline"
              >
                {r.name}
              </Link>
              <p className="text-sm font-normal text-slate-600">
                {r.procedure
                  ? `${regionLabels[r.procedure.region as Region] ?? r.procedure.region} · ${
                      r.day !== null && r.day >= 0
                        ? `day ${r.day}`
                        : `planned ${formatDateShort(r.procedure.performedOn)}`
                    }${r.phase ? ` · ${phaseLabels[r.phase]}` : ""}`
                  : "No procedure recorded"}
                {r.active ? "" : " · account deactivated"}
              </p>
            </div>
          ),
        },
        {
          header: "Urgency",
          cell: (r) =>
            r.urgency ? (
              <SeverityBadge severity={r.urgency} />
            ) : (
              <span className="text-sm text-slate-600">No open flags</span>
            ),
        },
        {
          header: "Outcome",
          cell: (r) => (
            <div className="space-y-1">
              <CategoryBadge category={r.category} />
              {r.reductionPct !== null ? (
                <p className="text-sm tabular-nums text-slate-700">{reduction(r.reductionPct)}</p>
              ) : null}
            </div>
          ),
        },
        {
          header: "Flags",
          cell: (r) =>
            r.flags.length === 0 ? (
              dash
            ) : (
              <ul className="flex flex-wrap gap-1">
                {r.flags.map((f) => (
                  <li key={f.code}>
                    <FlagBadge code={f.code} severity={f.severity} acknowledged={f.acknowledged} />
                  </li>
                ))}
              </ul>
            ),
        },
        {
          header: "Last entry",
          cell: (r) =>
            r.lastEntryDate ? (
              <span className="whitespace-nowrap">{formatDateShort(r.lastEntryDate)}</span>
            ) : (
              dash
            ),
        },
        {
          header: "Overdue check-ins",
          cell: (r) =>
            r.overdueCheckIns.length === 0
              ? dash
              : r.overdueCheckIns.map((d) => checkInName[d] ?? `day ${d}`).join(", "),
        },
        {
          header: "Plan",
          cell: (r) =>
            r.plan ? (
              <span className="whitespace-nowrap">
                {r.plan.followUpOn ? `Follow-up ${formatDateShort(r.plan.followUpOn)}` : "Recorded"}
              </span>
            ) : (
              dash
            ),
        },
      ]}
    />
  );
}
