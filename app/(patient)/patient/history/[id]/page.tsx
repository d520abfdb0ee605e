import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { EntryDetails } from "@/components/diary/entry-details";
import { formatDate, formatDateTime, zoneWords } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Diary entry" };

export default async function EntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const [{ entry, day, correctable }, versions] = await Promise.all([
    orPage(api.diary.get({ id })),
    orPage(api.diary.history({ id })),
  ]);
  const earlier = versions.slice(1);

  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-3 text-sm">
        <Link href="/patient/history" className="font-medium text-brand-800 underline">
          ‹ Diary history
        </Link>
      </p>
      <PageHeader
        title={`Entry for ${formatDate(entry.entryDate, { weekday: "short", year: true })}`}
        description={`Day ${day} after your procedure`}
        actions={
          correctable ? (
            <ButtonLink href={`/patient/history/${entry.id}/correct`}>
              Correct this entry
            </ButtonLink>
          ) : null
        }
      />
      <Card aria-labelledby="answers-heading">
        <CardTitle
          action={
            entry.version > 1 ? (
              <Badge tone="info">Corrected · version {entry.version}</Badge>
            ) : null
          }
        >
          <span id="answers-heading">Your answers</span>
        </CardTitle>
        <EntryDetails values={entry} />
        <p className="mt-3 text-sm text-slate-600">
          {entry.version > 1 ? "Corrected" : "Recorded"} {formatDateTime(entry.updatedAt, zone)} (
          {zoneWords(zone)}).
        </p>
      </Card>
      {!correctable ? (
        <Alert tone="info" className="mt-4">
          Entries can be corrected for 7 days. If something in this entry is wrong, tell your care
          team.
        </Alert>
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="versions-heading" className="mt-6">
          <h2 id="versions-heading" className="mb-1 text-lg font-semibold text-slate-900">
            Earlier versions
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            Corrections never erase what you entered before: your care team can see every version.
          </p>
          <div className="space-y-3">
            {earlier.map((v) => (
              <details
                key={v.version}
                className="rounded-xl border border-slate-200 bg-white shadow-sm"
              >
                <summary className="cursor-pointer px-4 py-3 font-medium text-slate-900">
                  Version {v.version} · recorded {formatDateTime(v.recordedAt, zone)}
                </summary>
                <div className="border-t border-slate-100 px-4 pb-2">
                  <EntryDetails values={v} />
                </div>
              </details>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
