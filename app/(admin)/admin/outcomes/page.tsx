import type { Metadata } from "next";
import { OutcomesPage } from "@/components/outcomes/outcomes-page";

export const metadata: Metadata = { title: "Outcomes" };

export default function AdminOutcomesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  return <OutcomesPage searchParams={searchParams} viewer="admin" />;
}
