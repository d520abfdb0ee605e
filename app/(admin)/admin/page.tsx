import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RoleBadge, StatusBadge } from "@/components/admin/account-badges";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatCount, formatDateTime, plural, zoneWords } from "@/components/format";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { orPage, serverApi } from "@/server/api/server";
import { roleLabel } from "@/server/authz/policy";
import { ListAccountsInput, RoleSchema } from "@/shared/schemas";

export const metadata: Metadata = { title: "Accounts" };

const PAGE_SIZE = 25;

type Search = { q?: string; role?: string; page?: string };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const role = RoleSchema.safeParse(params.role).data;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const input = ListAccountsInput.safeParse({
    search: params.q?.slice(0, 200) || undefined,
    role,
    page,
    pageSize: PAGE_SIZE,
  });
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  // Until the first-run setup is done, /admin opens on it (docs/decisions/033-first-run-setup.md).
  if (!(await orPage(api.settings.get())).setupCompletedAt) redirect("/admin/setup");
  const accounts = await orPage(api.account.list(input.data ?? { page: 1, pageSize: PAGE_SIZE }));
  const current = { q: params.q, role };
  const filtered = Boolean(params.q || role);

  return (
    <>
      <PageHeader
        title="Accounts"
        description={`${formatCount(accounts.total)} ${filtered ? "matching " : ""}account${accounts.total === 1 ? "" : "s"} · sign-in times in ${zoneWords(zone)}`}
        actions={<ButtonLink href="/admin/accounts/new">New account</ButtonLink>}
      />
      <search aria-label="Accounts">
        <form className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
          <Field id="q" label="Name, MRN, email or date of birth">
            <Input id="q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={200} />
          </Field>
          <Field id="role" label="Role">
            <Select id="role" name="role" defaultValue={role ?? ""}>
              <option value="">All roles</option>
              {RoleSchema.options.map((r) => (
                <option key={r} value={r}>
                  {roleLabel[r]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary">
              Search
            </Button>
            {filtered ? (
              <ButtonLink href="/admin" variant="ghost">
                Clear
              </ButtonLink>
            ) : null}
          </div>
        </form>
      </search>

      {accounts.rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No accounts match" : "No accounts yet"}
          action={
            filtered ? (
              <ButtonLink href="/admin" variant="secondary">
                Show all accounts
              </ButtonLink>
            ) : (
              <ButtonLink href="/admin/accounts/new">New account</ButtonLink>
            )
          }
        >
          {filtered ? "Try another name, email or MRN, or another role." : null}
        </EmptyState>
      ) : (
        <ResponsiveTable
          caption="Accounts"
          rows={accounts.rows}
          rowKey={(a) => a.id}
          columns={[
            {
              header: "Name",
              cell: (a) => (
                <Link
                  href={`/admin/accounts/${a.id}`}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  {a.name}
                </Link>
              ),
            },
            { header: "Email", cell: (a) => <span className="break-all">{a.email}</span> },
            { header: "Role", cell: (a) => <RoleBadge role={a.role} /> },
            { header: "MRN", cell: (a) => a.mrn ?? <span className="text-slate-600">—</span> },
            {
              header: "Care team",
              cell: (a) =>
                a.role === "provider" ? (
                  plural(a.patientCount ?? 0, "patient", "patients")
                ) : a.role === "patient" ? (
                  a.providers.total === 0 ? (
                    <span className="text-slate-600">No provider yet</span>
                  ) : (
                    `${a.providers.names.join(", ")}${a.providers.total > a.providers.names.length ? ` and ${a.providers.total - a.providers.names.length} more` : ""}`
                  )
                ) : (
                  <span className="text-slate-600">—</span>
                ),
            },
            {
              header: "Last sign-in",
              cell: (a) =>
                a.lastSignInAt ? (
                  <span className="whitespace-nowrap">{formatDateTime(a.lastSignInAt, zone)}</span>
                ) : (
                  <span className="text-slate-600">Never</span>
                ),
            },
            {
              header: "Status",
              cell: (a) => (
                <StatusBadge active={a.active} mustChangePassword={a.mustChangePassword} />
              ),
            },
          ]}
        />
      )}
      <Pagination
        page={accounts.page}
        pageSize={accounts.pageSize}
        total={accounts.total}
        hasMore={accounts.page * accounts.pageSize < accounts.total}
        hrefFor={(p) => withQuery("/admin", current, { page: p === 1 ? undefined : p })}
      />
    </>
  );
}
