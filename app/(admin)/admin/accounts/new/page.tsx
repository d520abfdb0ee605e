import type { Metadata } from "next";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";

export const metadata: Metadata = { title: "New account" };

export default async function NewAccountPage() {
  const api = await serverApi();
  const providerOptions = await orPage(api.account.providerOptions());
  return (
    <>
      <Breadcrumb items={[{ label: "Accounts", href: "/admin" }, { label: "New account" }]} />
      <PageHeader
        title="New account"
        description="For a patient, a provider or another administrator."
      />
      <CreateAccountForm providerOptions={providerOptions} />
    </>
  );
}
