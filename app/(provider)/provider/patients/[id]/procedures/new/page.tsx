import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ProcedureForm } from "@/components/provider/procedure-form";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Record a procedure" };

export default async function NewProcedurePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole("provider");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const [review, performers] = await Promise.all([
    orPage(api.caseload.review({ patientId: id, entriesPage: 1 })),
    orPage(api.procedure.performers()),
  ]);
  if (!review.canManage) notFound();
  const back = `/provider/patients/${review.patient.id}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={back} className="font-medium text-brand-800 underline">
          {review.patient.name}
        </Link>
      </nav>
      <PageHeader
        title="Record a procedure"
        description={`For ${review.patient.name}. The baseline is the week before the procedure.`}
      />
      <Card>
        <ProcedureForm
          patientId={review.patient.id}
          today={review.asOf}
          others={review.procedures}
          performers={performers}
          me={me.id}
          doneHref={back}
        />
      </Card>
    </>
  );
}
