import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { roleLabel } from "@/server/authz/policy";

export const metadata: Metadata = { title: "Accounts" };

export default async function AdminHome() {
  const api = await serverApi();
  const accounts = await orPage(api.account.list({ page: 1, pageSize: 50 }));
  return (
    <>
      <PageHeader title="Accounts" description={`${accounts.total} accounts`} />
      <Card className="p-0 sm:p-0">
        <ul className="divide-y divide-slate-200">
          {accounts.rows.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{a.name}</p>
                <p className="truncate text-sm text-slate-600">{a.email}</p>
              </div>
              <div className="flex gap-2">
                <Badge tone="brand">{roleLabel[a.role]}</Badge>
                {a.active ? null : <Badge tone="danger">Deactivated</Badge>}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
