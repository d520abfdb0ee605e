import type { Metadata } from "next";
import { CurrentPlan } from "@/components/decisions/current-plan";
import { BlockDiaryCard } from "@/components/diary/block-diary-card";
import { OutcomeSummary } from "@/components/diary/outcome-summary";
import { ProcedureSummary } from "@/components/diary/procedure-summary";
import { formatDate } from "@/components/format";
import { HelpCard } from "@/components/help/call-clinic";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { requireRole } from "@/server/auth/guards";
import { checkInName } from "@/server/outcomes/check-ins";

export const metadata: Metadata = { title: "Home" };

export default async function PatientHome() {
  const actor = await requireRole("patient");
  const api = await serverApi();
  const [home, contact, [block]] = await Promise.all([
    orPage(api.diary.home()),
    orPage(api.settings.contact()),
    orPage(api.blockDiary.open()),
  ]);
  const blockCard = block ? <BlockDiaryCard block={block} zone={contact.timeZone} /> : null;
  const firstName = actor.name.split(" ")[0];
  const { procedure, assessment } = home;

  if (!procedure || !assessment) {
    return (
      <>
        <PageHeader
          title={`Hello, ${firstName}`}
          description="Your pain diary after your procedure."
        />
        {blockCard ? <div className="mb-4">{blockCard}</div> : null}
        <EmptyState title="Your diary opens after your procedure">
          {home.upcomingProcedure
            ? `Your procedure is planned for ${formatDate(home.upcomingProcedure.performedOn, { weekday: "short" })}. From that day on you can record your pain here.`
            : "Your care team records your procedure here. From that day on you can record your pain every day and see how you are doing."}
        </EmptyState>
        <div className="mt-4">
          <HelpCard contact={contact} />
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={`Day ${assessment.day} after your procedure · ${formatDate(home.today, { weekday: "short" })}`}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 lg:items-start">
        <div className="space-y-4">
          {blockCard}
          <CurrentPlan place="top" />
          <Card aria-labelledby="today-heading">
            <CardTitle>
              <span id="today-heading">Today's entry</span>
            </CardTitle>
            {home.todayEntry ? (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="flex items-center gap-3 text-slate-900">
                  <span
                    aria-hidden
                    className="grid size-10 place-items-center rounded-full bg-emerald-100 text-lg text-emerald-800"
                  >
                    ✓
                  </span>
                  <span>
                    <span className="block font-semibold">Done for today</span>
                    <span className="text-sm text-slate-600">
                      Pain {home.todayEntry.painAverage} out of 10
                    </span>
                  </span>
                </p>
                <ButtonLink href={`/patient/history/${home.todayEntry.id}`} variant="secondary">
                  View or correct
                </ButtonLink>
              </div>
            ) : (
              <div className="space-y-3">
                <p className="text-slate-700">
                  A minute a day: how much pain you had, where, and what it felt like.
                </p>
                <ButtonLink href="/patient/diary/new" className="w-full sm:w-auto">
                  Record today's entry
                </ButtonLink>
              </div>
            )}
            {home.openDays.length > 0 ? (
              <p className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-700">
                Missed a day? You can still fill in{" "}
                {home.openDays.slice(0, 3).map((d, i, shown) => (
                  <span key={d}>
                    <Link
                      href={`/patient/diary/new?date=${d}`}
                      className="font-medium text-brand-800 underline"
                    >
                      {formatDate(d, { weekday: "short" })}
                    </Link>
                    {i < shown.length - 2 ? ", " : i === shown.length - 2 ? " and " : ""}
                  </span>
                ))}
                {home.openDays.length > 3 ? ` (and ${home.openDays.length - 3} more)` : ""}.
              </p>
            ) : null}
          </Card>

          {home.dueCheckIn ? (
            <Alert
              tone="warning"
              title={`Your ${checkInName[home.dueCheckIn.day] ?? `day-${home.dueCheckIn.day}`} check-in is due`}
            >
              A short check-in about how your pain has changed since the procedure: about a minute.
              Please answer it by {formatDate(home.dueCheckIn.dueUntil, { weekday: "short" })}.
              <span className="mt-3 block">
                <ButtonLink href="/patient/check-in" className="w-full sm:w-auto">
                  Answer the check-in
                </ButtonLink>
              </span>
            </Alert>
          ) : null}

          <Card aria-labelledby="doing-heading">
            <CardTitle
              action={
                <Link
                  href="/patient/progress"
                  className="text-sm font-medium text-brand-800 underline"
                >
                  See your chart
                </Link>
              }
            >
              <span id="doing-heading">How you are doing</span>
            </CardTitle>
            <OutcomeSummary assessment={assessment} />
          </Card>
        </div>

        <div className="space-y-4">
          <Card aria-labelledby="phase-heading">
            <CardTitle>
              <span id="phase-heading">What to expect now</span>
            </CardTitle>
            <p className="text-slate-800">{assessment.phaseMessage}</p>
            <p className="mt-3 text-sm">
              <Link
                href="/patient/progress#timeline"
                className="font-medium text-brand-800 underline"
              >
                See the whole recovery timeline
              </Link>
            </p>
          </Card>
          <Card aria-labelledby="procedure-heading">
            <CardTitle>
              <span id="procedure-heading">Your procedure</span>
            </CardTitle>
            <ProcedureSummary procedure={procedure} day={assessment.day} />
          </Card>
          <CurrentPlan place="side" />
          <HelpCard contact={contact} />
        </div>
      </div>
    </>
  );
}
