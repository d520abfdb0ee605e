import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SupportAccessForm } from "@/components/admin/support-access-form";
import { PatientReview, type ReviewSearch } from "@/components/provider/patient-review";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "Support access" };

/**
 * An admin's read-only view of a patient's review (docs/decisions/036-support-access.md): opened
 * with a reason, for an hour; until then, the form that asks why.
 */
export default async function SupportAccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<ReviewSearch>;
}) {
  const [{ patientId }, search] = await Promise.all([params, searchParams]);
  if (!z.uuid().safeParse(patientId).success) notFound();
  const api = await serverApi();
  const [access, account] = await Promise.all([
    orPage(api.support.active({ patientId })),
    orPage(api.account.get({ id: patientId })),
  ]);
  if (account.role !== "patient") notFound();
  if (access) return <PatientReview id={patientId} search={search} support />;
  return (
    <div className="mx-auto max-w-2xl">
      <Breadcrumb
        items={[
          { label: "Accounts", href: "/admin" },
          { label: account.name, href: `/admin/accounts/${account.id}` },
          { label: "Support access" },
        ]}
      />
      <PageHeader
        title={`Read ${account.name}'s review for support`}
        description="Read-only, for one hour. Your reason is kept with the access, and the care team sees who read the record, when and why."
      />
      <Card>
        <SupportAccessForm patientId={account.id} />
      </Card>
    </div>
  );
}
