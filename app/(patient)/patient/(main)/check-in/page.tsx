import type { Metadata } from "next";
import { CheckInForm } from "@/components/diary/check-in-form";
import { formatDate } from "@/components/format";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { checkInName } from "@/server/outcomes/check-ins";
import { type Pgic, pgicLabels } from "@/server/outcomes/diary-lists";

export const metadata: Metadata = { title: "Check-in" };

const nameOf = (day: number) => checkInName[day] ?? `day-${day}`;

/**
 * The check-in on its own short screen (docs/clinical-rules.md#check-ins): the due card of the
 * home and the notifications open it; the full diary stays one link away.
 */
export default async function CheckInPage() {
  const home = await orPage((await serverApi()).diary.home());
  const today = home.todayEntry;
  const due = home.dueCheckIn;

  if (today?.pgic && today.checkInDay !== null) {
    const partial = today.enjoyment === null;
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title="Check-in done" />
        <Card>
          <p className="text-base text-slate-800">
            You answered your {nameOf(today.checkInDay)} check-in today:{" "}
            <strong>{pgicLabels[today.pgic as Pgic]}</strong>. Your care team sees your answer.
          </p>
          {partial ? (
            <p className="mt-3 text-sm text-slate-700">
              If you have a minute, add the rest of today's diary (where it hurts and what it feels
              like): it helps your care team see the whole picture.
            </p>
          ) : null}
          <div className="mt-4 flex flex-col gap-3 sm:flex-row">
            {partial ? (
              <ButtonLink href={`/patient/history/${today.id}/correct`}>
                Add the rest of today's diary
              </ButtonLink>
            ) : null}
            <ButtonLink href="/patient" variant={partial ? "secondary" : "primary"}>
              Back to home
            </ButtonLink>
          </div>
        </Card>
      </div>
    );
  }

  if (!due) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title="Check-in" />
        <EmptyState
          title="No check-in is due today"
          action={<ButtonLink href="/patient">Back to home</ButtonLink>}
        >
          Check-ins come 2 weeks, 6 weeks, 3 months, 6 months and a year after your procedure. Your
          home page and your notifications show when the next one is due.
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={`Your ${nameOf(due.day)} check-in`}
        description={`${today ? "One question" : "Three questions"}, about a minute. Please answer by ${formatDate(due.dueUntil, { weekday: "long" })}.`}
      />
      <CheckInForm day={due.day} askPain={!today} />
      <p className="text-sm text-slate-700">
        Prefer the full diary?{" "}
        <Link
          href={today ? `/patient/history/${today.id}/correct` : "/patient/diary/new"}
          className="font-medium text-brand-800 underline underline-offset-2"
        >
          {today ? "Open today's entry" : "Record today's full entry"}
        </Link>{" "}
        instead: it asks the check-in question at the top.
      </p>
    </div>
  );
}
