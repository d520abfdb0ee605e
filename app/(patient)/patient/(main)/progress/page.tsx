import type { Metadata } from "next";
import { z } from "zod";
import { PainChart } from "@/components/charts/pain-chart";
import { OutcomeSummary } from "@/components/diary/outcome-summary";
import { procedureTitle } from "@/components/diary/procedure-summary";
import { RecoveryTimeline } from "@/components/diary/recovery-timeline";
import { formatDate } from "@/components/format";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage({
  searchParams,
}: {
  searchParams: Promise<{ procedure?: string | string[] }>;
}) {
  const [{ procedure: asked }, api] = await Promise.all([searchParams, serverApi()]);
  const procedureId =
    typeof asked === "string" && z.uuid().safeParse(asked).success ? asked : undefined;
  const [chart, procedures] = await Promise.all([
    orPage(api.diary.chart(procedureId ? { procedureId } : {})),
    orPage(api.diary.procedures()),
  ]);

  if (!chart) {
    return (
      <>
        <PageHeader title="Your progress" />
        <EmptyState title="Your chart starts after your procedure">
          Once your care team has recorded your procedure, your daily pain appears here against your
          pain before it.
        </EmptyState>
      </>
    );
  }
  const { assessment, procedure } = chart;
  return (
    <>
      <PageHeader
        title="Your progress"
        description={`${procedureTitle(procedure)} · done on ${formatDate(procedure.performedOn, { weekday: "long" })}`}
        actions={
          <>
            <DownloadLink href={`/patient/report.pdf?procedureId=${procedure.id}`}>
              Download PDF
            </DownloadLink>
            <ButtonLink href="/patient/diary/new">New entry</ButtonLink>
          </>
        }
      />
      {procedures.length > 1 ? (
        <nav aria-label="Your procedures" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {procedures.map((p) => {
              const current = p.id === procedure.id;
              return (
                <li key={p.id}>
                  <Link
                    href={`/patient/progress?procedure=${p.id}`}
                    aria-current={current ? "page" : undefined}
                    className={
                      current
                        ? "inline-flex min-h-10 items-center rounded-full bg-brand-700 px-4 text-sm font-medium text-white"
                        : "inline-flex min-h-10 items-center rounded-full border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
                    }
                  >
                    Procedure of {formatDate(p.performedOn, { weekday: "short", year: true })}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <Card aria-labelledby="chart-heading">
          <CardTitle>
            <span id="chart-heading">Daily pain since your procedure</span>
          </CardTitle>
          <p className="mb-4 text-sm text-slate-600">
            Each dot is one diary entry; the dotted line is how much pain got in the way of your
            enjoyment and activity. The dashed lines show your pain before the procedure and what
            30% and 50% less pain would be. Days without an entry leave a gap.
          </p>
          {chart.points.length === 0 ? (
            <EmptyState
              title="No entries yet"
              action={<ButtonLink href="/patient/diary/new">Record today's entry</ButtonLink>}
            >
              Your chart fills in as you record your pain.
            </EmptyState>
          ) : (
            <PainChart
              baseline={chart.baseline}
              performedOn={chart.performedOn}
              points={chart.points}
              asOf={chart.asOf}
              averages={assessment.windows.map((w) => ({ date: w.endDate, pain: w.meanPain }))}
            />
          )}
        </Card>
        <div className="space-y-4">
          <Card aria-labelledby="summary-heading">
            <CardTitle>
              <span id="summary-heading">This week</span>
            </CardTitle>
            <OutcomeSummary assessment={assessment} />
          </Card>
          <Card aria-labelledby="timeline" id="timeline-card">
            <CardTitle>
              <span id="timeline">What to expect</span>
            </CardTitle>
            <RecoveryTimeline
              performedOn={chart.performedOn}
              day={assessment.day}
              checkIns={assessment.checkIns}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
