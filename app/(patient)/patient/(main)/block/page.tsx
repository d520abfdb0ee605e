import type { Metadata } from "next";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { BlockDiaryForm } from "@/components/diary/block-diary-form";
import { formatTime } from "@/components/format";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { minutesWords } from "@/server/outcomes/blocks";

export const metadata: Metadata = { title: "After your injection" };

/**
 * The block diary (docs/clinical-rules.md#diagnostic-blocks): after a diagnostic injection, the
 * patient's pain now at 15 minutes to 8 hours, one short screen; late answers count.
 */
export default async function BlockDiaryPage() {
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const [block] = await orPage(api.blockDiary.open());
  if (!block) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title="After your injection" />
        <EmptyState
          title="No questions open"
          action={<ButtonLink href="/patient">Back to home</ButtonLink>}
        >
          When your care team gives you a test injection, this page asks how your pain is at set
          times over the next hours.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="After your injection"
        description={`Given at ${formatTime(block.givenAt, zone)}. Answer each time your phone asks: it shows your care team how long the relief lasts.`}
      />
      <BlockDiaryForm
        blockId={block.id}
        nextAt={block.next ? block.next.dueAt.toISOString() : null}
        due={block.due !== null}
      />
      <Card aria-labelledby="block-times-heading">
        <h2 id="block-times-heading" className="mb-2 text-lg font-semibold text-slate-900">
          The questions
        </h2>
        <ul className="divide-y divide-slate-100">
          {block.prompts.map((p) => (
            <li key={p.minutes} className="flex items-center justify-between gap-3 py-2">
              <span className="text-slate-800">
                {formatTime(p.dueAt, zone)}{" "}
                <span className="text-sm text-slate-600">({minutesWords(p.minutes)} after)</span>
              </span>
              <span className="text-sm font-medium text-slate-700">
                {p.answered
                  ? "Answered"
                  : block.due?.minutes === p.minutes
                    ? "Due now"
                    : p.dueAt < new Date()
                      ? "Missed"
                      : "Later"}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
