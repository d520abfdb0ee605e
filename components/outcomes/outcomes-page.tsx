import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { outcomeFilters } from "@/shared/outcome-filters";
import { OutcomesInput } from "@/shared/schemas";
import { type OutcomesFilters, OutcomesView } from "./outcomes-view";

type Search = Partial<Record<string, string | string[]>>;

/** The outcomes page of a provider (their care team) or an admin (the clinic). */
export async function OutcomesPage({
  searchParams,
  viewer: role,
}: {
  searchParams: Promise<Search>;
  viewer: "provider" | "admin";
}) {
  const filters: OutcomesFilters = outcomeFilters(await searchParams);
  const parsed = OutcomesInput.safeParse(filters);
  const errors = parsed.success
    ? {}
    : Object.fromEntries(
        Object.entries(z.flattenError(parsed.error).fieldErrors).map(([k, v]) => [k, v?.[0]]),
      );
  const api = await serverApi();
  const data = parsed.success ? await orPage(api.outcomes.report(parsed.data)) : null;
  return (
    <>
      <PageHeader
        title="Outcomes"
        description={
          role === "admin"
            ? "What works for the clinic's patients: success, durability of relief, repeat ablations."
            : "What works for your care team's patients: success, durability of relief, repeat ablations."
        }
      />
      <OutcomesView
        data={data}
        basePath={`/${role}/outcomes`}
        filters={filters}
        errors={errors}
        providerFilter={role === "admin"}
      />
    </>
  );
}
