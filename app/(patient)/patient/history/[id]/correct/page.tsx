import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DiaryEntryForm } from "@/components/diary/diary-entry-form";
import { formatDate } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Correct an entry" };

export default async function CorrectEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const { entry, correctable, checkIn } = await orPage(api.diary.get({ id }));

  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-3 text-sm">
        <Link
          href={`/patient/history/${entry.id}`}
          className="font-medium text-brand-800 underline"
        >
          ‹ Back to the entry
        </Link>
      </p>
      <PageHeader
        title={`Correct your entry for ${formatDate(entry.entryDate, { weekday: "short", year: true })}`}
        description="Change what was wrong and save. The earlier version is kept in the history."
      />
      {correctable ? (
        <DiaryEntryForm mode="correct" entry={entry} checkIn={checkIn} />
      ) : (
        <Alert tone="info">
          Entries can be corrected for 7 days. If something in this entry is wrong, tell your care
          team.
        </Alert>
      )}
    </div>
  );
}
