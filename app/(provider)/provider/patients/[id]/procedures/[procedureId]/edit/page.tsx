import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatDate, formatDateTime, formatNumber, zoneWords } from "@/components/format";
import { procedureName } from "@/components/provider/procedure-details";
import { ProcedureForm } from "@/components/provider/procedure-form";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { requireRole } from "@/server/auth/guards";
import { targetsLabel } from "@/shared/technique";

export const metadata: Metadata = { title: "Edit a procedure" };

export default async function EditProcedurePage({
  params,
}: {
  params: Promise<{ id: string; procedureId: string }>;
}) {
  const me = await requireRole("provider");
  const { id, procedureId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(procedureId).success) notFound();
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const [review, { versions }, performers] = await Promise.all([
    orPage(api.caseload.review({ patientId: id, procedureId, entriesPage: 1 })),
    orPage(api.procedure.get({ id: procedureId })),
    orPage(api.procedure.performers()),
  ]);
  const procedure = review.procedures.find((p) => p.id === procedureId);
  if (!procedure || !review.canManage) notFound();
  const back = `/provider/patients/${review.patient.id}?procedure=${procedure.id}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={back} className="font-medium text-brand-800 underline">
          {review.patient.name}
        </Link>
      </nav>
      <PageHeader
        title="Edit the procedure"
        description={`${procedureName(procedure)} on ${formatDate(procedure.performedOn, { weekday: "short" })}. The earlier version is kept.`}
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
        <Card>
          <ProcedureForm
            patientId={review.patient.id}
            today={review.asOf}
            others={review.procedures.filter((p) => p.id !== procedure.id)}
            existing={procedure}
            performers={performers}
            me={me.id}
            doneHref={back}
          />
        </Card>
        <Card aria-labelledby="versions-heading">
          <CardTitle>
            <span id="versions-heading">Versions</span>
          </CardTitle>
          <ol className="space-y-3 text-sm">
            {versions.map((v) => (
              <li key={v.version} className="border-b border-slate-100 pb-2 last:border-0">
                <p className="font-medium text-slate-900">
                  Version {v.version}
                  {v.version === procedure.version ? " (current)" : ""}
                </p>
                <p className="text-slate-600">
                  {formatDateTime(v.recordedAt, zone)} ({zoneWords(zone)})
                  {v.recordedByName ? ` · ${v.recordedByName}` : ""}
                </p>
                <p className="text-slate-800">
                  {formatDate(v.performedOn, { weekday: "short" })} · baseline{" "}
                  {formatNumber(v.baselinePain)}/10
                  {v.targets.length > 0 ? ` · ${targetsLabel(v.targets)}` : ""}
                  {v.target ? ` · ${v.target}` : ""}
                </p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
