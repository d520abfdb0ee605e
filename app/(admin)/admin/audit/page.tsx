import type { Metadata } from "next";
import { z } from "zod";
import { formatCount, plural } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { orPage, serverApi } from "@/server/api/server";
import {
  auditActionWords,
  auditGroupWords,
  auditOutcomeWords,
  clinicMomentWords,
  detailsWords,
  groupAuditEvents,
} from "@/server/audit-words";
import { roleLabel } from "@/server/authz/policy";
import { chainBreakWords } from "@/shared/audit-chain";
import { AUDIT_FILTER_KEYS, AuditFiltersInput } from "@/shared/schemas";

export const metadata: Metadata = { title: "Audit trail" };

const PAGE_SIZE = 50;
const KEYS = AUDIT_FILTER_KEYS;
type Search = Partial<Record<(typeof KEYS)[number] | "page" | "verify", string | string[]>>;

const OUTCOME_TONE = { success: "success", failure: "warning", denied: "danger" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const raw = Object.fromEntries(
    KEYS.map((k) => [k, typeof params[k] === "string" && params[k] ? params[k] : undefined]),
  ) as Record<(typeof KEYS)[number], string | undefined>;
  const parsed = AuditFiltersInput.safeParse(raw);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const filters = parsed.data ?? {};
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));

  const api = await serverApi();
  const verify = params.verify === "1";
  const [events, actions, chain] = await Promise.all([
    parsed.success ? orPage(api.audit.list({ ...filters, page, pageSize: PAGE_SIZE })) : null,
    orPage(api.audit.actions()),
    verify ? orPage(api.audit.chain()) : null,
  ]);
  const filtered = KEYS.some((k) => raw[k]);
  const lines = events ? groupAuditEvents(events.rows) : [];
  const error = (key: keyof typeof errors) => errors[key]?.[0];

  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Every sign-in, read of patient data, change and refused request. Times are in the clinic's time zone${events ? ` (${events.timeZone})` : ""}.`}
        actions={
          parsed.success ? (
            // a download, not a page: a plain link
            <a
              className={buttonClass("secondary")}
              href={withQuery("/admin/audit/export", raw, {})}
              download
            >
              Export CSV
            </a>
          ) : null
        }
      />
      {chain ? (
        chain.firstBreak ? (
          <Alert tone="danger" role="alert" className="mb-4">
            <strong>Integrity check failed</strong> at event{" "}
            {chain.firstBreak.seq === null ? "outside the chain" : `#${chain.firstBreak.seq}`} (
            {chain.firstBreak.at}): {chainBreakWords[chain.firstBreak.reason]}. The trail was
            changed outside the portal; keep this page and tell whoever looks after the database.
          </Alert>
        ) : (
          <Alert tone="success" role="status" className="mb-4">
            <strong>Integrity check passed:</strong> all {formatCount(chain.rows)} events are
            chained in order; none was changed, removed or inserted.
          </Alert>
        )
      ) : (
        <p className="mb-4 text-sm text-slate-600">
          Each event is chained to the one before it, so that a change made outside the portal
          shows.{" "}
          <a
            className="font-medium text-brand-700 underline"
            href={withQuery("/admin/audit", raw, { verify: "1" })}
          >
            Check the trail's integrity
          </a>
        </p>
      )}
      <search aria-label="Audit trail">
        <form className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field id="person" label="Person (name or email)" error={error("person")}>
            <Input
              id="person"
              name="person"
              type="search"
              maxLength={200}
              defaultValue={raw.person ?? ""}
            />
          </Field>
          <Field id="patient" label="Patient (name or email)" error={error("patient")}>
            <Input
              id="patient"
              name="patient"
              type="search"
              maxLength={200}
              defaultValue={raw.patient ?? ""}
            />
          </Field>
          <Field id="action" label="Action">
            <Select id="action" name="action" defaultValue={raw.action ?? ""}>
              <option value="">All actions</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {auditActionWords(a)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="outcome" label="Outcome">
            <Select id="outcome" name="outcome" defaultValue={raw.outcome ?? ""}>
              <option value="">All outcomes</option>
              <option value="success">Success</option>
              <option value="failure">Failure</option>
              <option value="denied">Denied</option>
            </Select>
          </Field>
          <Field id="from" label="From" error={error("from")}>
            <Input
              id="from"
              name="from"
              type="date"
              defaultValue={raw.from ?? ""}
              {...describedBy("from", { error: error("from") })}
            />
          </Field>
          <Field id="to" label="To" error={error("to")}>
            <Input
              id="to"
              name="to"
              type="date"
              defaultValue={raw.to ?? ""}
              {...describedBy("to", { error: error("to") })}
            />
          </Field>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {filtered ? (
              <ButtonLink href="/admin/audit" variant="ghost">
                Clear filters
              </ButtonLink>
            ) : null}
          </div>
        </form>
      </search>

      {!events ? (
        <Alert tone="danger" role="alert">
          Please correct the highlighted filters.
        </Alert>
      ) : events.rows.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
          {filtered ? "Widen the date range or clear a filter." : null}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {events.totalCapped
              ? `More than ${plural(events.total, "event", "events")}`
              : plural(events.total, "event", "events")}
            {filtered ? " match these filters" : " in all"} · page {formatCount(events.page)}
            {events.pages ? ` of ${formatCount(events.pages)}` : ""}: events{" "}
            {formatCount((events.page - 1) * events.pageSize + 1)}–
            {formatCount((events.page - 1) * events.pageSize + events.rows.length)}
            {lines.length < events.rows.length
              ? `, in ${plural(lines.length, "line", "lines")} (one view of many patients is one line)`
              : ""}
          </p>
          <ResponsiveTable
            caption="Audit events, newest first"
            rows={lines}
            rowKey={(line) => line.first.id}
            columns={[
              {
                header: "When",
                cell: ({ first: e }) => (
                  <span className="num whitespace-nowrap">
                    {clinicMomentWords(e.at, events.timeZone, true)}
                  </span>
                ),
              },
              {
                header: "Person",
                cell: ({ first: e }) =>
                  e.actorName ? (
                    <>
                      {e.actorName}
                      {e.actorRole ? (
                        <span className="block text-xs text-slate-600">
                          {roleLabel[e.actorRole as keyof typeof roleLabel] ?? e.actorRole}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-slate-600">Not signed in</span>
                  ),
              },
              {
                header: "What",
                cell: ({ first: e, events: group }) =>
                  group.length > 1 ? (
                    <details>
                      <summary className="cursor-pointer">
                        {auditGroupWords(e.action, group.length)}
                      </summary>
                      <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                        {group.map((g) => (
                          <li key={g.id}>{g.patientName ?? "Unknown patient"}</li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    <>
                      {auditActionWords(e.action, e.outcome)}
                      {detailsWords(e.details, events.timeZone) ? (
                        <span className="block max-w-xs break-words text-xs text-slate-600">
                          {detailsWords(e.details, events.timeZone)}
                        </span>
                      ) : null}
                    </>
                  ),
              },
              {
                header: "Outcome",
                cell: ({ first: e }) => (
                  <Badge tone={OUTCOME_TONE[e.outcome]}>{auditOutcomeWords[e.outcome]}</Badge>
                ),
              },
              {
                header: "Patient",
                cell: ({ first: e, events: group }) =>
                  group.length > 1 ? (
                    <span className="text-slate-600">{group.length} patients</span>
                  ) : (
                    (e.patientName ?? <span className="text-slate-500">—</span>)
                  ),
              },
              {
                header: "Address",
                cell: ({ first: e }) => <span className="num">{e.ip ?? "—"}</span>,
              },
            ]}
          />
          <Pagination
            page={events.page}
            pageSize={events.pageSize}
            hasMore={events.hasMore}
            total={events.pages === null ? undefined : events.total}
            hrefFor={(p) => withQuery("/admin/audit", raw, { page: p === 1 ? undefined : p })}
          />
        </>
      )}
    </>
  );
}
