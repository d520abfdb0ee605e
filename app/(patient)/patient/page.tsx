import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Home" };

export default async function PatientHome() {
  const actor = await requireRole("patient");
  return (
    <PageHeader
      title={`Hello, ${actor.name.split(" ")[0]}`}
      description="Your pain diary after your procedure."
    />
  );
}
