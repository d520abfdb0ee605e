import { formatDate } from "@/components/format";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { withQuery } from "@/components/ui/pagination";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { orPage, serverApi } from "@/server/api/server";
import {
  type Category,
  categoryLabels,
  type Modality,
  modalityLabels,
  type Strategy,
  type SuspectedFactor,
  strategyLabels,
  suspectedFactorLabels,
  treatedSiteLabel,
} from "@/server/outcomes/vocab";
import { outcomeFilters } from "@/shared/outcome-filters";
import { OutcomeMembersInput } from "@/shared/schemas";

type Search = Partial<Record<string, string | string[]>>;

/** What a count of the outcomes page counted, in words. */
function cellTitle(cell: string): string {
  const [kind, code = ""] = cell.split(":");
  if (cell === "repeats") return "Repeat ablations of a known procedure";
  if (cell === "not_success") return "Procedures not a success";
  if (cell === "decided") return "Procedures not a success, with a decision recorded";
  if (kind === "strategy")
    return `Not a success, then: ${strategyLabels[code as Strategy] ?? code}`;
  if (kind === "factor")
    return `Not a success, suspected: ${suspectedFactorLabels[code as SuspectedFactor] ?? code}`;
  return "Patients";
}

/**
 * The patients behind one count of the outcomes page (issue 23): a provider's lead to their review
 * pages, an admin's to a support read (decision 036).
 */
export async function OutcomeMembersPage({
  searchParams,
  viewer,
}: {
  searchParams: Promise<Search>;
  viewer: "provider" | "admin";
}) {
  const raw = await searchParams;
  const filters = outcomeFilters(raw);
  const one = (key: string) => (typeof raw[key] === "string" ? raw[key] : undefined);
  const parsed = OutcomeMembersInput.safeParse({
    ...filters,
    cell: one("cell"),
    group: one("group") ?? "",
  });
  const outcomes = withQuery(
    viewer === "provider" ? "/provider/outcomes" : "/admin/outcomes",
    filters,
    {},
  );
  const back = (
    <ButtonLink href={outcomes} variant="secondary">
      Back to the outcomes
    </ButtonLink>
  );
  if (!parsed.success) {
    return (
      <>
        <PageHeader title="Patients" />
        <EmptyState title="This list could not be opened" action={back}>
          Open it from a count on the outcomes page.
        </EmptyState>
      </>
    );
  }
  const rows = await orPage((await serverApi()).outcomes.members(parsed.data));
  const patientHref = (r: (typeof rows)[number]) =>
    viewer === "provider"
      ? `/provider/patients/${r.patientId}?procedure=${r.procedureId}`
      : `/admin/support/${r.patientId}`;
  return (
    <>
      <PageHeader
        title={cellTitle(parsed.data.cell)}
        description={`${rows.length} ${rows.length === 1 ? "procedure" : "procedures"} counted on the outcomes page with its filters${viewer === "admin" ? "; opening a patient asks for a support reason" : ""}.`}
        actions={back}
      />
      {rows.length === 0 ? (
        <EmptyState title="No patients here any more">
          The outcomes have changed since the page was opened.
        </EmptyState>
      ) : (
        <ResponsiveTable
          caption={cellTitle(parsed.data.cell)}
          rows={rows}
          rowKey={(r) => r.procedureId}
          columns={[
            {
              header: "Patient",
              cell: (r) => (
                <Link href={patientHref(r)} className="font-medium text-brand-800 underline">
                  {r.name}
                </Link>
              ),
            },
            { header: "MRN", cell: (r) => r.mrn ?? "—" },
            {
              header: "Procedure",
              cell: (r) =>
                `${treatedSiteLabel(r.region, r.side)} · ${modalityLabels[r.modality as Modality] ?? r.modality}`,
            },
            { header: "Performed", cell: (r) => formatDate(r.performedOn) },
            {
              header: "Today",
              cell: (r) => (r.category ? categoryLabels[r.category as Category] : "—"),
            },
          ]}
        />
      )}
    </>
  );
}
