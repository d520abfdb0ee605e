import type { Metadata } from "next";
import { DiaryEntryForm } from "@/components/diary/diary-entry-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "New diary entry" };

export default async function NewDiaryEntryPage({
  searchParams,
}: {
  searchParams: Promise<{ date?: string | string[] }>;
}) {
  const [{ date }, api] = await Promise.all([searchParams, serverApi()]);
  const context = await orPage(api.diary.formContext());
  const usable = context.days.filter((d) => d.procedureId);

  if (!context.hasProcedure || usable.length === 0) {
    return (
      <>
        <PageHeader title="New diary entry" />
        <EmptyState title="Your diary opens after your procedure">
          Your care team records your procedure. From that day on you can record your pain here.
        </EmptyState>
      </>
    );
  }
  // The date asked for (from "Missed a day?"), else today, else the latest day still open.
  const asked = usable.find((d) => d.date === date);
  const initial = asked ?? usable.find((d) => !d.entryId) ?? usable[0];

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="New diary entry"
        description="About your pain in the last 24 hours. It takes about a minute."
      />
      <DiaryEntryForm
        mode="add"
        today={context.today}
        days={context.days}
        initialDate={initial?.date ?? context.today}
      />
    </div>
  );
}
