import type { Metadata } from "next";
import Link from "next/link";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New account" };

export default function NewAccountPage() {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-brand-800 underline-offset-2 hover:underline">
          ← Accounts
        </Link>
      </p>
      <PageHeader
        title="New account"
        description="For a patient, a provider or another administrator."
      />
      <CreateAccountForm />
    </>
  );
}
