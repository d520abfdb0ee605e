import type { Metadata } from "next";
import { OutcomeMembersPage } from "@/components/outcomes/outcome-members-page";

export const metadata: Metadata = { title: "Outcomes: patients" };

export default function AdminOutcomeMembersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  return <OutcomeMembersPage searchParams={searchParams} viewer="admin" />;
}
