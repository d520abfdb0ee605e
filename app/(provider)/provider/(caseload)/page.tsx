import type { Metadata } from "next";
import { formatDateLong } from "@/components/diary/format";
import { CaseloadTable } from "@/components/provider/caseload-table";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { CaseloadInput } from "@/server/api/routers/caseload";
import { orPage, serverApi } from "@/server/api/server";
import {
  Category,
  categoryLabels,
  FlagCode,
  flagCodeLabels,
  severityLabels,
} from "@/server/outcomes/vocab";

export const metadata: Metadata = { title: "Caseload" };

const PAGE_SIZE = 25;
type Search = { q?: string; category?: string; flag?: string; page?: string };

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const parsed = CaseloadInput.safeParse({
    search: params.q?.slice(0, 200) || undefined,
    category: params.category || undefined,
    flag: params.flag || undefined,
    page: Math.max(1, Math.min(100_000, Number.parseInt(params.page ?? "1", 10) || 1)),
    pageSize: PAGE_SIZE,
  });
  const input = parsed.data ?? { page: 1, pageSize: PAGE_SIZE };
  const api = await serverApi();
  const caseload = await orPage(api.caseload.list(input));
  const current = { q: input.search, category: input.category, flag: input.flag };
  const filtered = Boolean(input.search || input.category || input.flag);
  const { counts } = caseload;
  const attention = (counts.urgency.high ?? 0) + (counts.urgency.warning ?? 0);

  return (
    <>
      <PageHeader
        title="Caseload"
        description={`${caseload.caseloadSize} patient${caseload.caseloadSize === 1 ? "" : "s"} on your care team · ${formatDateLong(caseload.asOf)}`}
      />
      {caseload.caseloadSize > 0 ? (
        <section
          aria-label="Summary"
          className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700"
        >
          <p>
            <strong className="text-base text-slate-900">{attention}</strong> need
            {attention === 1 ? "s" : ""} attention:{" "}
            {(["high", "warning"] as const)
              .map((s) => `${counts.urgency[s] ?? 0} ${severityLabels[s].toLowerCase()}`)
              .join(", ")}
          </p>
          <p>
            Success criteria: <strong className="text-slate-900">{caseload.criteria}</strong>
          </p>
        </section>
      ) : null}

      <search aria-label="Filter the caseload">
        <form className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_14rem_14rem_auto] lg:items-end">
          <Field id="q" label="Patient name">
            <Input
              id="q"
              name="q"
              type="search"
              defaultValue={input.search ?? ""}
              maxLength={200}
            />
          </Field>
          <Field id="category" label="Outcome">
            <Select id="category" name="category" defaultValue={input.category ?? ""}>
              <option value="">All outcomes</option>
              {[...Category.options, "no_procedure" as const].map((c) => (
                <option key={c} value={c}>
                  {c === "no_procedure" ? "No procedure" : categoryLabels[c]} (
                  {counts.category[c] ?? 0})
                </option>
              ))}
            </Select>
          </Field>
          <Field id="flag" label="Flag">
            <Select id="flag" name="flag" defaultValue={input.flag ?? ""}>
              <option value="">Any or none</option>
              {FlagCode.options.map((f) => (
                <option key={f} value={f}>
                  {flagCodeLabels[f]} ({counts.flag[f] ?? 0})
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary">
              Apply
            </Button>
            {filtered ? (
              <ButtonLink href="/provider" variant="ghost">
                Clear
              </ButtonLink>
            ) : null}
          </div>
        </form>
      </search>

      {caseload.rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No patients match" : "No patients on your care team yet"}
          action={
            filtered ? (
              <ButtonLink href="/provider" variant="secondary">
                Show all patients
              </ButtonLink>
            ) : null
          }
        >
          {filtered
            ? "Try another name, outcome or flag."
            : "An administrator assigns patients to your care team; they appear here with their outcomes."}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {filtered ? `${caseload.total} matching · ` : ""}Most urgent first: high-severity flags,
            then warnings, then the rest.
          </p>
          <CaseloadTable rows={caseload.rows} />
        </>
      )}
      <Pagination
        page={caseload.page}
        pageSize={caseload.pageSize}
        total={caseload.total}
        hasMore={caseload.page * caseload.pageSize < caseload.total}
        hrefFor={(p) => withQuery("/provider", current, { page: p === 1 ? undefined : p })}
      />
    </>
  );
}
