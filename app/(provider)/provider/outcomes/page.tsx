import type { Metadata } from "next";
import { OutcomesPage } from "@/components/outcomes/outcomes-page";

export const metadata: Metadata = { title: "Outcomes" };

export default function ProviderOutcomesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  return <OutcomesPage searchParams={searchParams} viewer="provider" />;
}
