import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatTime } from "@/components/format";
import { BlockForm } from "@/components/provider/block-form";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Record a diagnostic block" };

export default async function NewBlockPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("provider");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const [review, blocks] = await Promise.all([
    orPage(api.caseload.review({ patientId: id, entriesPage: 1 })),
    orPage(api.block.list({ patientId: id })),
  ]);
  if (!review.canManage) notFound();
  const back = `/provider/patients/${review.patient.id}#blocks`;
  const now = formatTime(new Date(), zone);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={back} className="font-medium text-brand-800 underline">
          {review.patient.name}
        </Link>
      </nav>
      <PageHeader
        title="Record a diagnostic block"
        description={`For ${review.patient.name}. Their phone then asks for their pain from 15 minutes to 8 hours after the injection.`}
      />
      <Card>
        <BlockForm
          patientId={review.patient.id}
          today={review.asOf}
          now={now}
          anestheticHours={blocks.anestheticHours}
          doneHref={back}
        />
      </Card>
    </>
  );
}
