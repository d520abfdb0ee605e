import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountActions } from "@/components/admin/account-actions";
import { RoleBadge, StatusBadge } from "@/components/admin/account-badges";
import { CareTeamEditor } from "@/components/admin/care-team-editor";
import { EmailForm } from "@/components/admin/email-form";
import { IdentityForm } from "@/components/admin/identity-form";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatDate, formatDayOf } from "@/components/format";
import { PatientBanner } from "@/components/provider/patient-banner";
import { procedureName } from "@/components/provider/procedure-details";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { roleLabel } from "@/server/authz/policy";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const account = await orPage(api.account.get({ id }));
  const providerOptions =
    account.role === "patient" ? await orPage(api.account.providerOptions()) : [];
  const auditHref = `/admin/audit?${new URLSearchParams(
    account.role === "patient" ? { patient: account.email } : { person: account.email },
  )}`;

  return (
    <>
      <Breadcrumb items={[{ label: "Accounts", href: "/admin" }, { label: account.name }]} />
      {account.role === "patient" ? (
        <PatientBanner
          patient={account}
          age={account.age}
          procedure={
            account.procedure
              ? `${procedureName(account.procedure)}, ${formatDate(account.procedure.performedOn)} · day ${account.procedure.day}`
              : null
          }
          actions={
            <div className="flex flex-wrap items-center gap-2">
              <RoleBadge role={account.role} />
              <StatusBadge
                active={account.active}
                mustChangePassword={account.mustChangePassword}
              />
              <ButtonLink href={`/admin/support/${account.id}`} variant="secondary" size="sm">
                Read the review for support
              </ButtonLink>
            </div>
          }
        />
      ) : (
        <PageHeader
          title={account.name}
          description={<span className="break-all">{account.email}</span>}
          actions={
            <div className="flex flex-wrap gap-2">
              <RoleBadge role={account.role} />
              <StatusBadge
                active={account.active}
                mustChangePassword={account.mustChangePassword}
              />
            </div>
          }
        />
      )}
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <Card>
          <CardTitle>Account</CardTitle>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Email</dt>
            <dd className="break-all">{account.email}</dd>
            <dt className="text-slate-600">Role</dt>
            <dd>{roleLabel[account.role]}</dd>
            <dt className="text-slate-600">Status</dt>
            <dd>
              {account.active
                ? account.mustChangePassword
                  ? "Active; has not yet chosen their own password"
                  : "Active"
                : "Deactivated"}
            </dd>
            <dt className="text-slate-600">Created</dt>
            <dd>{formatDayOf(account.createdAt, zone)}</dd>
            {account.role === "patient" ? null : (
              <>
                <dt className="text-slate-600">Second factor</dt>
                <dd>{account.mfaEnabled ? "Authenticator app" : "None"}</dd>
              </>
            )}
          </dl>
          <div className="mt-5 border-t border-slate-200 pt-5">
            <AccountActions
              id={account.id}
              name={account.name}
              active={account.active}
              isSelf={account.isSelf}
              mfaEnabled={account.mfaEnabled}
            />
          </div>
          <p className="mt-5 text-sm">
            <Link href={auditHref} className="text-brand-800 underline-offset-2 hover:underline">
              Audit trail {account.role === "patient" ? "about this patient" : "of this person"}
            </Link>
          </p>
        </Card>
        {account.role === "admin" ? null : (
          <Card>
            <CardTitle>{account.role === "patient" ? "Care team" : "Patients"}</CardTitle>
            <CareTeamEditor
              accountId={account.id}
              role={account.role}
              members={account.careTeam}
              total={account.careTeamTotal}
              providerOptions={providerOptions}
            />
          </Card>
        )}
        {account.role === "patient" ? (
          <Card className="lg:col-span-2">
            <CardTitle>Patient details</CardTitle>
            <IdentityForm
              id={account.id}
              name={account.name}
              dateOfBirth={account.dateOfBirth}
              mrn={account.mrn}
              phone={account.phone}
            />
            <div className="mt-6 max-w-md border-t border-slate-200 pt-5">
              <EmailForm id={account.id} email={account.email} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
