import { formatCount, formatDate, formatPercent } from "@/components/format";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { withQuery } from "@/components/ui/pagination";
import {
  afterFailureTable,
  differenceInWords,
  durabilityTable,
  MILESTONE_CATEGORIES,
  medianInWords,
  milestoneLabel,
  pct,
  reliefCurveTable,
  repeatsTable,
  successTable,
  type TableKey,
  TOO_FEW,
  TOO_FEW_TO_DRAW,
} from "@/server/analytics/report-tables";
import { checkInName } from "@/server/outcomes/check-ins";
import {
  categoryLabels,
  Modality,
  modalityLabels,
  Region,
  regionLabels,
} from "@/server/outcomes/vocab";
import { outcomeGroupLabels } from "@/shared/outcome-filters";
import { CHECK_IN_CHANNELS, checkInChannelLabels } from "@/shared/outreach";
import { CATEGORY_COLORS, groupColor } from "./colors";
import { ReliefChart } from "./relief-chart";
import { CsvLink, DataTable, TableFallback } from "./report-table";
import type { ClinicOutcomes, OutcomesReport } from "./types";

export type OutcomesFilters = Partial<
  Record<"from" | "to" | "modality" | "region" | "providerId" | "groupBy", string>
>;

/**
 * The clinic's outcomes (docs/decisions/017-outcome-statistics.md) for a care team or the clinic:
 * filters in the address, then success at the milestones, durability of relief, repeat ablations
 * and decisions after failure. Each chart has its numbers as a table and a CSV download
 * (`basePath`/export).
 */
export function OutcomesView({
  data,
  basePath,
  filters,
  errors,
  providerFilter,
}: {
  data: ClinicOutcomes | null;
  basePath: string;
  /** The filters as given in the address (also when they did not parse). */
  filters: OutcomesFilters;
  errors: Partial<Record<keyof OutcomesFilters, string>>;
  /** Admins filter by provider. */
  providerFilter: boolean;
}) {
  const csv = (table: TableKey) => withQuery(`${basePath}/export`, filters, { table });
  // The patients behind a count (after failure, repeats).
  const members = (cell: string, group: string) =>
    withQuery(`${basePath}/patients`, filters, { cell, group: group || undefined });
  const filtered = Object.entries(filters).some(([k, v]) => k !== "groupBy" && v);
  return (
    <>
      <search aria-label="Filter the outcomes">
        <form className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
          <Field id="from" label="Performed from" error={errors.from}>
            <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </Field>
          <Field id="to" label="Performed to" error={errors.to}>
            <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </Field>
          <Field id="modality" label="Modality">
            <Select id="modality" name="modality" defaultValue={filters.modality ?? ""}>
              <option value="">All modalities</option>
              {Modality.options.map((m) => (
                <option key={m} value={m}>
                  {modalityLabels[m]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="region" label="Region">
            <Select id="region" name="region" defaultValue={filters.region ?? ""}>
              <option value="">All regions</option>
              {Region.options.map((r) => (
                <option key={r} value={r}>
                  {regionLabels[r]}
                </option>
              ))}
            </Select>
          </Field>
          {providerFilter ? (
            <Field id="providerId" label="Performed by">
              <Select id="providerId" name="providerId" defaultValue={filters.providerId ?? ""}>
                <option value="">All providers</option>
                {(data?.providers ?? []).map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field id="groupBy" label="Group by">
            <Select id="groupBy" name="groupBy" defaultValue={filters.groupBy ?? "modality"}>
              {Object.entries(outcomeGroupLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
            <Button type="submit" variant="secondary">
              Apply
            </Button>
            {filtered ? (
              <ButtonLink href={basePath} variant="ghost">
                Clear filters
              </ButtonLink>
            ) : null}
          </div>
        </form>
      </search>

      {!data ? (
        <EmptyState title="Please correct the highlighted filters" />
      ) : data.report.procedures === 0 ? (
        <EmptyState
          title={filtered ? "No procedures match these filters" : "No procedures yet"}
          action={
            filtered ? (
              <ButtonLink href={basePath} variant="secondary">
                Show all procedures
              </ButtonLink>
            ) : null
          }
        >
          {filtered
            ? "Widen the date range or clear a filter."
            : "Outcomes appear here once procedures are recorded and patients keep their diaries."}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <Summary data={data} />
          <SuccessSection report={data.report} csvHref={csv("success")} data={data} />
          <DurabilitySection data={data} csv={csv} />
          <RepeatsSection data={data} csvHref={csv("repeats")} href={members("repeats", "")} />
          <AfterFailureSection data={data} csvHref={csv("after_failure")} members={members} />
          <EngagementSection data={data} />
        </div>
      )}
    </>
  );
}

function Summary({ data }: { data: ClinicOutcomes }) {
  const { report } = data;
  return (
    <section aria-label="Summary" className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
      <p>
        <strong className="text-base text-slate-900">{formatCount(report.procedures)}</strong>{" "}
        procedure{report.procedures === 1 ? "" : "s"} in {report.groups.length} group
        {report.groups.length === 1 ? "" : "s"}
      </p>
      <p>
        Assessed as of{" "}
        <strong className="text-slate-900">{formatDate(data.asOf, { weekday: "long" })}</strong>
      </p>
      <p>
        Success criteria: <strong className="text-slate-900">{data.criteria}</strong>
      </p>
    </section>
  );
}

function Percent({ value }: { value: number }) {
  return <>{formatPercent(pct(value))}</>;
}

function SuccessSection({
  report,
  csvHref,
  data,
}: {
  report: OutcomesReport;
  csvHref: string;
  data: ClinicOutcomes;
}) {
  return (
    <section aria-labelledby="success-heading">
      <h2 id="success-heading" className="mb-1 text-xl font-semibold text-slate-900">
        Success at 6 weeks, 3 and 6 months
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        Each procedure is assessed as of the day the milestone falls on. Evaluable: the diary had
        enough entries that week to judge. Success rate with its 95% interval (Wilson); groups with
        fewer than 5 evaluable procedures are too few to estimate.
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        {report.milestones.map((m) => (
          <Card key={m.day} aria-labelledby={`milestone-${m.day}`}>
            <CardTitle as="h3">
              <span id={`milestone-${m.day}`}>{milestoneLabel[m.day]}</span>
            </CardTitle>
            <ul className="space-y-4">
              {m.groups.map((g) => (
                <li key={g.key}>
                  <p className="flex flex-wrap items-baseline justify-between gap-x-2">
                    <span className="font-medium text-slate-900">{g.label}</span>
                    <span className="text-sm tabular-nums text-slate-800">
                      {g.rate ? (
                        <>
                          <strong>
                            <Percent value={g.rate.estimate} />
                          </strong>{" "}
                          <span className="text-slate-600">
                            (<Percent value={g.rate.lower} />–<Percent value={g.rate.upper} />)
                          </span>
                        </>
                      ) : (
                        <span className="text-slate-600">{TOO_FEW}</span>
                      )}
                    </span>
                  </p>
                  <p className="text-xs tabular-nums text-slate-600">
                    {g.successes} of {g.evaluable} evaluable succeeded · {g.notEvaluable} not
                    evaluable
                  </p>
                  {g.rate ? <IntervalBar rate={g.rate} /> : null}
                  <CategoryBar categories={g.categories} total={g.reached} />
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <CategoryLegend />
      <TableFallback table={successTable(data.report)} csvHref={csvHref} />
    </section>
  );
}

/** The rate as a dot on a 0-100% track with its interval as a bar. */
function IntervalBar({ rate }: { rate: { estimate: number; lower: number; upper: number } }) {
  return (
    <div aria-hidden className="relative mt-1.5 h-3 rounded-full bg-slate-100">
      <div
        className="absolute top-1 h-1 rounded-full bg-brand-500/40"
        style={{ left: `${rate.lower * 100}%`, width: `${(rate.upper - rate.lower) * 100}%` }}
      />
      <div
        className="absolute top-0 h-3 w-3 -translate-x-1/2 rounded-full border-2 border-white bg-brand-700"
        style={{ left: `${rate.estimate * 100}%` }}
      />
    </div>
  );
}

function CategoryBar({ categories, total }: { categories: Record<string, number>; total: number }) {
  if (total === 0) return <p className="mt-1 text-xs text-slate-500">Not reached yet</p>;
  return (
    <div aria-hidden className="mt-1.5 flex h-3 overflow-hidden rounded-sm bg-slate-100">
      {MILESTONE_CATEGORIES.map((c) =>
        (categories[c] ?? 0) > 0 ? (
          <div
            key={c}
            title={`${categoryLabels[c]}: ${categories[c]}`}
            style={{
              width: `${((categories[c] ?? 0) / total) * 100}%`,
              background: CATEGORY_COLORS[c],
            }}
          />
        ) : null,
      )}
    </div>
  );
}

function CategoryLegend() {
  return (
    <ul
      aria-label="Category colours"
      className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700"
    >
      {MILESTONE_CATEGORIES.map((c) => (
        <li key={c} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-sm border border-slate-300"
            style={{ background: CATEGORY_COLORS[c] }}
          />
          {categoryLabels[c]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-2 w-4 rounded-full bg-brand-500/40" />
        Success rate and 95% interval
      </li>
    </ul>
  );
}

function DurabilitySection({
  data,
  csv,
}: {
  data: ClinicOutcomes;
  csv: (table: TableKey) => string;
}) {
  const { durability } = data.report;
  const indexed = durability.groups.map((group, index) => ({ group, index }));
  const drawn = indexed.filter((g) => g.group.curve);
  const notDrawn = indexed.filter((g) => !g.group.curve);
  const test = durability.logRank;
  const median = (group: (typeof indexed)[number]["group"]) =>
    group.median ? medianInWords(group.median, group.curve ?? []) : TOO_FEW;
  const description = `Kaplan-Meier curves of relief continuing after the procedure for ${drawn.length} group${drawn.length === 1 ? "" : "s"}, ticks marking censored procedures: ${drawn
    .map(({ group }) => `${group.label}, ${median(group)}`)
    .join("; ")}. The numbers are in the tables below.`;
  return (
    <section aria-labelledby="durability-heading">
      <h2 id="durability-heading" className="mb-1 text-xl font-semibold text-slate-900">
        Durability of relief
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        Procedures that showed relief, followed until the pain came back (a recurrence) or, while
        relief continues or the diary stopped, up to the last week with relief (censored, a tick on
        the curve). Shaded: 95% interval (Greenwood). Nerves can regrow 6-12 months after an
        ablation.
      </p>
      <Card>
        {drawn.length > 0 ? (
          <ReliefChart groups={drawn} description={description} />
        ) : (
          <p className="text-sm text-slate-600">
            No group has 5 or more procedures with relief: too few to draw a curve.
          </p>
        )}
        {drawn.length > 0 ? (
          <ul aria-label="Curves" className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
            {drawn.map(({ group, index }) => (
              <li key={group.key} className="flex items-start gap-2">
                <span
                  aria-hidden
                  className="mt-1.5 inline-block h-1 w-5 shrink-0 rounded"
                  style={{ background: groupColor(index) }}
                />
                <span>
                  <span className="font-medium text-slate-900">{group.label}</span>
                  <span className="block text-slate-600">
                    {group.n} with relief, {group.events} recurrence
                    {group.events === 1 ? "" : "s"}, {group.censored} censored · {median(group)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {notDrawn.length > 0 ? (
          <p className="mt-3 text-sm text-slate-600">
            Not drawn, {TOO_FEW_TO_DRAW}:{" "}
            {notDrawn.map(({ group }) => `${group.label} (${group.n} with relief)`).join(", ")}.
          </p>
        ) : null}
        <p className="mt-3 text-sm text-slate-700">
          {test
            ? `Log-rank test between the ${test.df + 1} groups with a curve: chi-square ${test.chiSquare.toFixed(2)} on ${test.df} degree${test.df === 1 ? "" : "s"} of freedom, p ${test.p < 0.001 ? "< 0.001" : `= ${test.p.toFixed(3)}`}.`
            : "Log-rank test: needs two or more groups with a curve."}
        </p>
        <div className="mt-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Median and number at risk</h3>
          <DataTable table={durabilityTable(data.report)} />
          <div className="mt-2">
            <CsvLink href={csv("durability")} label={durabilityTable(data.report).caption} />
          </div>
        </div>
        <TableFallback table={reliefCurveTable(data.report)} csvHref={csv("relief_curve")} />
      </Card>
    </section>
  );
}

function RepeatsSection({
  data,
  csvHref,
  href,
}: {
  data: ClinicOutcomes;
  csvHref: string;
  /** The list of the repeats' patients. */
  href: string;
}) {
  const { repeats } = data.report;
  const d = repeats.difference;
  return (
    <section aria-labelledby="repeats-heading">
      <h2 id="repeats-heading" className="mb-1 text-xl font-semibold text-slate-900">
        Repeat ablations
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        The best 7-day reduction of pain after a repeat ablation against the procedure it repeats,
        for the same patient.
      </p>
      <Card>
        <p className="text-sm text-slate-700">
          {repeats.total > 0 ? (
            <Link href={href} prefetch={false} className="font-medium text-brand-800 underline">
              {repeats.total} repeat{repeats.total === 1 ? "" : "s"} of a known procedure
            </Link>
          ) : (
            "0 repeats of a known procedure"
          )}
          , {repeats.pairs.length} with a peak reduction for both.{" "}
          {d ? (
            <strong className="text-slate-900">{differenceInWords(d)}</strong>
          ) : (
            <span>Mean difference: {TOO_FEW} (needs 5 pairs).</span>
          )}
        </p>
        {repeats.pairs.length > 0 ? <PairPlot pairs={repeats.pairs} /> : null}
        <TableFallback table={repeatsTable(data.report)} csvHref={csvHref} />
      </Card>
    </section>
  );
}

/** Each pair as a line from the earlier procedure's peak reduction to the repeat's. */
function PairPlot({ pairs }: { pairs: OutcomesReport["repeats"]["pairs"] }) {
  const height = 220;
  const top = 16;
  const bottom = 28;
  const min = Math.min(0, ...pairs.flatMap((p) => [p.earlierPeakPct, p.repeatPeakPct]));
  const y = (v: number) => top + ((100 - v) / (100 - min)) * (height - top - bottom);
  const ticks = [0, 25, 50, 75, 100].filter((t) => t >= min);
  return (
    <svg
      role="img"
      aria-label={`Peak reduction of ${pairs.length} repeat ablations against the earlier procedure; the numbers are in the table below.`}
      width="100%"
      height={height}
      className="mt-3 text-xs"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1="40" x2="100%" y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeDasharray="3 3" />
          <text x="34" y={y(t) + 4} textAnchor="end" fill="#475569">
            {t}%
          </text>
        </g>
      ))}
      {pairs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pairs carry no identity (no patient ids)
        <g key={i}>
          <line
            x1="30%"
            x2="75%"
            y1={y(p.earlierPeakPct)}
            y2={y(p.repeatPeakPct)}
            stroke={p.repeatPeakPct >= p.earlierPeakPct ? "#0f766e" : "#b45309"}
            strokeOpacity="0.5"
            strokeWidth="1.5"
          />
          <circle cx="30%" cy={y(p.earlierPeakPct)} r="3.5" fill="#475569" />
          <circle cx="75%" cy={y(p.repeatPeakPct)} r="3.5" fill="#0f766e" />
        </g>
      ))}
      <text x="30%" y={height - 8} textAnchor="middle" fill="#334155" fontWeight="600">
        Earlier procedure
      </text>
      <text x="75%" y={height - 8} textAnchor="middle" fill="#334155" fontWeight="600">
        Repeat
      </text>
    </svg>
  );
}

function AfterFailureSection({
  data,
  csvHref,
  members,
}: {
  data: ClinicOutcomes;
  csvHref: string;
  members: (cell: string, group: string) => string;
}) {
  const table = afterFailureTable(data.report);
  return (
    <section aria-labelledby="failure-heading">
      <h2 id="failure-heading" className="mb-1 text-xl font-semibold text-slate-900">
        After failure
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        Procedures whose assessment today is not a success, and what the providers' current
        decisions recorded for them (a procedure counts once per strategy or factor).
      </p>
      <DataTable table={table} cellHref={members} />
      <div className="mt-2">
        <CsvLink href={csvHref} label={table.caption} />
      </div>
    </section>
  );
}

/** Per milestone: the check-ins answered within their week, and what brought the patient. */
function EngagementSection({ data }: { data: ClinicOutcomes }) {
  return (
    <section aria-labelledby="engagement-heading">
      <h2 id="engagement-heading" className="mb-1 text-xl font-semibold text-slate-900">
        Check-ins answered
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        Of the check-ins whose week to answer has passed, how many were answered within it, and
        through what: the portal, a reminder (push, text, email), a one-tap link or the clinic's
        kiosk.
      </p>
      <Card className="overflow-x-auto p-0 sm:p-0">
        <table className="w-full text-sm">
          <caption className="sr-only">Check-ins answered within their week, by milestone</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="px-4 py-2 font-medium">
                Check-in
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Answered in time
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Through
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {data.engagement.map((m) => {
              const channels = CHECK_IN_CHANNELS.filter((c) => m.byChannel[c] > 0);
              return (
                <tr key={m.day} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {checkInName[m.day] ?? `Day ${m.day}`}
                  </th>
                  <td className="px-4 py-2 text-right text-slate-800">
                    {m.due === 0
                      ? "none due yet"
                      : `${m.done} of ${m.due} (${Math.round(m.pct ?? 0)}%)`}
                  </td>
                  <td className="px-4 py-2 text-slate-700">
                    {channels.length === 0
                      ? "—"
                      : channels
                          .map((c) => `${checkInChannelLabels[c]} ${m.byChannel[c]}`)
                          .join(", ")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </section>
  );
}
