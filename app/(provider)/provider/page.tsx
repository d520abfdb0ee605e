import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Caseload" };

export default function ProviderHome() {
  return <PageHeader title="Caseload" description="Your patients' outcomes after ablation." />;
}
