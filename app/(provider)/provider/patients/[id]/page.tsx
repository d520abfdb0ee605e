import type { Metadata } from "next";
import { PatientReview, type ReviewSearch } from "@/components/provider/patient-review";

export const metadata: Metadata = { title: "Patient review" };

export default async function PatientReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<ReviewSearch>;
}) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  return <PatientReview id={id} search={search} />;
}
