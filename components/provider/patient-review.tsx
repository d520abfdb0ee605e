// The review of one patient (docs/clinical-rules.md#review-states): the provider's page, and an
// admin's read-only support view (docs/decisions/036-support-access.md).

import { notFound } from "next/navigation";
import { z } from "zod";
import { PainChart } from "@/components/charts/pain-chart";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { DecisionDialog } from "@/components/decisions/decision-dialog";
import { DecisionHistory } from "@/components/decisions/decision-history";
import { formatDate, formatDateTime, formatElapsed, plural } from "@/components/format";
import { AssessmentPanel } from "@/components/provider/assessment-panel";
import { BlocksCard } from "@/components/provider/blocks-card";
import { EntriesTable } from "@/components/provider/entries-table";
import { EvidencePanel } from "@/components/provider/evidence-panel";
import { FlagList } from "@/components/provider/flag-list";
import { MessageThread } from "@/components/provider/message-thread";
import { OutreachActions } from "@/components/provider/outreach-card";
import { PatientBanner } from "@/components/provider/patient-banner";
import { PolicyChooser } from "@/components/provider/policy-chooser";
import { ProcedureDetails, procedureName } from "@/components/provider/procedure-details";
import { ReplyForm } from "@/components/provider/reply-form";
import { ReviewReasons } from "@/components/provider/review-state-badge";
import { SuggestionList } from "@/components/provider/suggestion-list";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ButtonLink, buttonClass, DownloadLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { orPage, serverApi } from "@/server/api/server";
import { checkInName } from "@/server/outcomes/check-ins";
import { pgicLabels } from "@/server/outcomes/vocab";

export type ReviewSearch = { procedure?: string; entries?: string };

const firstName = (name: string) => name.split(" ")[0] || name;

export async function PatientReview({
  id,
  search,
  support = false,
}: {
  id: string;
  search: ReviewSearch;
  /** An admin's support read: read-only, navigation within /admin/support. */
  support?: boolean;
}) {
  if (!z.uuid().safeParse(id).success) notFound();
  const procedureId = z.uuid().safeParse(search.procedure).data;
  const entriesPage = Math.max(
    1,
    Math.min(10_000, Number.parseInt(search.entries ?? "1", 10) || 1),
  );
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const [review, blockData] = await Promise.all([
    orPage(api.caseload.review({ patientId: id, procedureId, entriesPage })),
    orPage(api.block.list({ patientId: id })),
  ]);
  const { patient, selected, procedures, decisions, canManage } = review;
  // Admins never read messages (docs/decisions/020-messages.md): only the care team's providers
  // fetch the thread.
  const [next, thread, policies] = canManage
    ? await Promise.all([
        orPage(api.caseload.next({ patientId: patient.id })),
        orPage(api.message.thread({ patientId: patient.id })),
        orPage(api.policy.list()),
      ])
    : [null, null, []];
  const today = review.asOf;
  // Downloads are the provider routes (they check who asks); pages stay in the viewer's area.
  const files = `/provider/patients/${patient.id}`;
  const base = support ? `/admin/support/${patient.id}` : files;
  const current = { procedure: procedureId };
  const procedure = procedures.find((p) => p.id === selected?.procedureId) ?? null;
  const [latest, ...earlier] = decisions;
  const currentDecision = latest && latest.supersededById === null ? latest : null;
  const suggested = selected?.assessment.suggestions.map((s) => s.strategy) ?? [];
  const openFlags = selected?.flags.filter((f) => !f.acknowledged).length ?? 0;
  const evidence = selected?.evidence ?? null;
  // The documented run the payer reads: the longer of the pain and function runs.
  const run = evidence?.relevant
    ? [evidence.result.painRun, evidence.result.functionRun]
        .filter((r) => r !== null)
        .sort((a, b) => b.days - a.days)[0]
    : undefined;
  const blocks = (
    <BlocksCard
      data={blockData}
      zone={zone}
      canManage={canManage}
      newHref={`${files}/blocks/new`}
    />
  );
  const waiting = thread?.awaitingSince ? formatElapsed(thread.awaitingSince) : null;
  const messages = thread ? (
    <Card id="messages" aria-labelledby="messages-heading" className="scroll-mt-4">
      <CardTitle
        action={
          waiting ? (
            <Badge tone="warning">
              <span aria-hidden>●</span>
              Waiting {waiting}
            </Badge>
          ) : null
        }
      >
        <span id="messages-heading">Messages</span>
      </CardTitle>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        {thread.messages.length === 0 ? (
          <p className="text-slate-700">
            No messages yet. {firstName(patient.name)} can report a change or write from their
            portal, and you can write first here.
          </p>
        ) : (
          <div>
            {thread.messages.length >= thread.limit ? (
              <p className="mb-3 text-sm text-slate-600">
                The latest {thread.limit} messages, oldest first.
              </p>
            ) : null}
            <MessageThread patientName={patient.name} messages={thread.messages} today={today} />
          </div>
        )}
        <div className="border-t border-slate-200 pt-4 lg:sticky lg:top-4 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-6">
          <ReplyForm patientId={patient.id} patientName={patient.name} today={today} />
        </div>
      </div>
    </Card>
  ) : null;

  return (
    <>
      <Breadcrumb
        items={
          support
            ? [{ label: "Accounts", href: "/admin" }, { label: patient.name }]
            : [{ label: "Caseload", href: "/provider" }, { label: patient.name }]
        }
      />
      <PatientBanner
        patient={patient}
        age={review.age}
        state={review.state}
        procedure={
          procedure && selected
            ? `${procedureName(procedure)}, ${formatDate(procedure.performedOn, { today })} · day ${selected.assessment.day}`
            : null
        }
        actions={
          <>
            {canManage && selected && procedure ? (
              <DecisionDialog
                label="Record a decision"
                title={currentDecision ? "Record a new decision" : "Record a decision"}
                target={{ procedureId: procedure.id }}
                suggested={suggested}
                today={today}
                patientName={patient.name}
              />
            ) : null}
            <DownloadLink
              href={`${files}/report.pdf${procedure ? `?procedureId=${procedure.id}` : ""}`}
            >
              Download PDF
            </DownloadLink>
            <DownloadLink
              href={`/api/fhir/Patient/${patient.id}/$everything?download=1`}
              variant="ghost"
            >
              Download FHIR record
            </DownloadLink>
            {next ? (
              <ButtonLink href={`/provider/patients/${next.patientId}`} variant="secondary">
                Next patient<span className="sr-only">: {next.name}</span>
                <span aria-hidden>→</span>
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {review.supportAccesses.length > 0 ? (
        <SupportReads accesses={review.supportAccesses} zone={zone} support={support} />
      ) : null}
      {review.state === "follow_up_due" && review.reasons.includes("call_patient") ? (
        <p className="-mt-3 mb-6 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <span className="font-semibold">Follow-up due: </span>
          {plural(review.calls.length, "call", "calls")} to make.{" "}
          {canManage ? (
            <a href="#outreach" className="font-semibold underline underline-offset-2">
              Close it once done
            </a>
          ) : null}
        </p>
      ) : null}
      {review.state === "follow_up_due" && review.reasons.includes("check_in_missed") ? (
        <p className="-mt-3 mb-6 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <span className="font-semibold">Check-in missed: </span>
          the reminders went unanswered for 5 days. Please call the patient.{" "}
          {canManage ? (
            <a href="#outreach" className="font-semibold underline underline-offset-2">
              Reach the patient
            </a>
          ) : null}
        </p>
      ) : null}
      {review.state === "needs_review" && review.reasons.length > 0 ? (
        <div className="-mt-3 mb-6 flex flex-col gap-3 rounded-xl border border-red-200 bg-red-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-red-950">
            <span className="font-semibold">Needs review: </span>
            <ReviewReasons reasons={review.reasons} openFlags={openFlags} />
            {waiting && review.reasons.includes("unread_message") ? ` (waiting ${waiting})` : null}
          </p>
          {thread && review.reasons.includes("unread_message") ? (
            // A plain in-page link: following it moves the keyboard's place to the messages.
            <a
              href="#messages"
              className={buttonClass("primary", "sm", "shrink-0 self-start sm:self-auto")}
            >
              Read and reply
            </a>
          ) : null}
        </div>
      ) : null}
      {!patient.active ? (
        <Alert tone="warning" className="mb-4">
          This patient's account is deactivated: they cannot sign in or keep their diary.
        </Alert>
      ) : null}

      {procedures.length > 1 ? (
        <nav aria-label="Procedures" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {procedures.map((p) => (
              <li key={p.id}>
                <Link
                  href={withQuery(base, {}, { procedure: p.id })}
                  aria-current={p.id === procedure?.id ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-10 items-center rounded-lg border px-3 text-sm",
                    p.id === procedure?.id
                      ? "border-brand-700 bg-brand-50 font-semibold text-brand-900"
                      : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                  )}
                >
                  {formatDate(p.performedOn, { today })} · {procedureName(p)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {!selected || !procedure ? (
        <div className="space-y-4">
          <EmptyState
            title="No procedure recorded"
            action={
              canManage ? (
                <ButtonLink href={`${base}/procedures/new`}>Record a procedure</ButtonLink>
              ) : null
            }
          >
            Once a procedure is recorded, the patient can keep their pain diary and the outcome
            appears here.
          </EmptyState>
          {blocks}
          {messages}
        </div>
      ) : (
        <div className="space-y-4">
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
            <div className="space-y-4">
              <Card aria-labelledby="assessment-heading">
                <CardTitle>
                  <span id="assessment-heading">Assessment</span>
                </CardTitle>
                <AssessmentPanel a={selected.assessment} />
              </Card>
              <Card aria-labelledby="chart-heading">
                <CardTitle>
                  <span id="chart-heading">Pain since the procedure</span>
                </CardTitle>
                <PainChart
                  audience="provider"
                  baseline={selected.chart.baseline}
                  performedOn={selected.chart.performedOn}
                  asOf={selected.chart.asOf}
                  points={selected.chart.points}
                  averages={selected.assessment.windows.map((w) => ({
                    date: w.endDate,
                    pain: w.meanPain,
                  }))}
                  shaded={run ? { from: run.from, to: run.to, label: "Documented relief" } : null}
                />
              </Card>
              <Card aria-labelledby="evidence-heading">
                <CardTitle
                  action={
                    evidence?.relevant ? (
                      <DownloadLink
                        href={`${files}/evidence.pdf?procedureId=${procedure.id}`}
                        variant="secondary"
                        size="sm"
                      >
                        Download summary
                        <span className="sr-only"> of medical necessity (PDF)</span>
                      </DownloadLink>
                    ) : null
                  }
                >
                  <span id="evidence-heading">Repeat-ablation evidence</span>
                </CardTitle>
                <div className="space-y-4">
                  {canManage ? (
                    <PolicyChooser
                      patientId={patient.id}
                      policyId={review.policy?.id ?? null}
                      policies={policies.map((p) => ({ id: p.id, name: p.name }))}
                    />
                  ) : (
                    <p className="text-sm text-slate-700">
                      Payer policy: {review.policy?.name ?? "none chosen"}
                    </p>
                  )}
                  {!evidence ? (
                    <p className="text-slate-700">
                      Choose the patient's payer policy to see whether the diary documents the
                      relief it asks for before a repeat ablation.
                    </p>
                  ) : evidence.relevant ? (
                    <EvidencePanel
                      evidence={evidence}
                      performedOn={procedure.performedOn}
                      asOf={today}
                    />
                  ) : (
                    <p className="text-slate-700">
                      Relief still holds. The evidence for a repeat ablation is shown once pain
                      comes back or the relief has passed.
                    </p>
                  )}
                </div>
              </Card>
              {blocks}
            </div>
            <div className="space-y-4">
              {canManage ? (
                <Card id="outreach" aria-labelledby="outreach-heading" className="scroll-mt-4">
                  <CardTitle>
                    <span id="outreach-heading">Reach {firstName(patient.name)}</span>
                  </CardTitle>
                  <OutreachActions
                    patientId={patient.id}
                    patientName={patient.name}
                    calls={review.calls}
                    today={today}
                  />
                </Card>
              ) : null}
              <Card aria-labelledby="plan-heading">
                <CardTitle
                  action={
                    canManage && currentDecision ? (
                      <DecisionDialog
                        label="Amend"
                        title="Amend the current decision"
                        variant="secondary"
                        size="sm"
                        target={{ decisionId: currentDecision.id }}
                        suggested={suggested}
                        initial={{
                          suspectedFactors: currentDecision.suspectedFactors,
                          strategies: currentDecision.strategies,
                          rationale: currentDecision.rationale,
                          followUpOn: currentDecision.followUpOn,
                        }}
                        today={today}
                        patientName={patient.name}
                      />
                    ) : null
                  }
                >
                  <span id="plan-heading">Plan</span>
                </CardTitle>
                {latest ? (
                  <>
                    <DecisionHistory decisions={[latest]} />
                    {earlier.length > 0 ? (
                      <details className="mt-3">
                        <summary className="cursor-pointer text-sm font-medium text-brand-800">
                          Earlier decisions and versions ({earlier.length})
                        </summary>
                        <div className="mt-3">
                          <DecisionHistory decisions={earlier} />
                        </div>
                      </details>
                    ) : null}
                  </>
                ) : (
                  <p className="text-slate-700">No decision recorded yet.</p>
                )}
              </Card>
              <Card aria-labelledby="flags-heading">
                <CardTitle>
                  <span id="flags-heading">
                    Flags
                    {openFlags > 0 ? (
                      <span className="ml-2 text-sm font-normal text-slate-600">
                        {plural(openFlags, "open", "open")}
                      </span>
                    ) : null}
                  </span>
                </CardTitle>
                {selected.flags.length === 0 ? (
                  <p className="text-slate-700">No flags are raised.</p>
                ) : (
                  <>
                    {canManage && openFlags > 0 ? (
                      <p className="mb-3 text-sm text-slate-600">
                        Recording a decision acknowledges the open flags; mark a flag reviewed when
                        it needs no decision.
                      </p>
                    ) : null}
                    <FlagList
                      flags={selected.flags}
                      procedureId={procedure.id}
                      canManage={canManage}
                    />
                  </>
                )}
              </Card>
              <Card aria-labelledby="suggestions-heading">
                <CardTitle>
                  <span id="suggestions-heading">Suggestions</span>
                </CardTitle>
                <p className="mb-3 text-sm text-slate-600">
                  Decision support from the outcome rules; you decide.
                </p>
                <SuggestionList suggestions={selected.assessment.suggestions} />
              </Card>
              <Card aria-labelledby="checkins-heading">
                <CardTitle>
                  <span id="checkins-heading">Check-ins</span>
                </CardTitle>
                <ul className="space-y-1.5 text-sm">
                  {selected.assessment.checkIns.map((c) => {
                    const answer = selected.pgicAnswers.find((a) => a.checkInDay === c.day);
                    return (
                      <li key={c.day} className="flex flex-wrap items-center justify-between gap-2">
                        <span className="text-slate-800">
                          {checkInName[c.day] ?? `Day ${c.day}`} ({formatDate(c.date, { today })})
                        </span>
                        {c.status === "answered" ? (
                          <span className="text-slate-900">
                            {answer?.answer ? pgicLabels[answer.answer] : "Answered"}
                          </span>
                        ) : (
                          <Badge
                            tone={
                              c.status === "overdue"
                                ? "warning"
                                : c.status === "due"
                                  ? "info"
                                  : "neutral"
                            }
                          >
                            {c.status === "overdue"
                              ? "Overdue"
                              : c.status === "due"
                                ? "Due"
                                : "Upcoming"}
                          </Badge>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </Card>
            </div>
          </div>

          {messages}

          <Card aria-labelledby="entries-heading">
            <CardTitle
              action={
                <a
                  href={`${files}/diary.csv`}
                  download
                  className="text-sm font-medium text-brand-800 underline"
                >
                  Download CSV<span className="sr-only"> of the whole diary</span>
                </a>
              }
            >
              <span id="entries-heading">Diary entries</span>
            </CardTitle>
            {selected.entries.total === 0 ? (
              <p className="text-slate-700">No diary entries for this procedure yet.</p>
            ) : (
              <>
                <EntriesTable rows={selected.entries.rows} />
                <Pagination
                  page={selected.entries.page}
                  pageSize={selected.entries.pageSize}
                  total={selected.entries.total}
                  hasMore={
                    selected.entries.page * selected.entries.pageSize < selected.entries.total
                  }
                  hrefFor={(p) =>
                    withQuery(base, current, { entries: p === 1 ? undefined : p }) +
                    "#entries-heading"
                  }
                />
              </>
            )}
          </Card>

          <Card aria-labelledby="procedure-heading">
            <CardTitle
              action={
                canManage ? (
                  <div className="flex flex-wrap gap-3 text-sm font-medium">
                    <Link
                      href={`${base}/procedures/${procedure.id}/edit`}
                      className="text-brand-800 underline"
                    >
                      Edit<span className="sr-only"> the procedure</span>
                    </Link>
                    <Link href={`${base}/procedures/new`} className="text-brand-800 underline">
                      Record a procedure
                    </Link>
                  </div>
                ) : null
              }
            >
              <span id="procedure-heading">Procedure</span>
            </CardTitle>
            <ProcedureDetails
              procedure={procedure}
              repeats={procedures.find((p) => p.id === procedure.repeatsProcedureId) ?? null}
            />
          </Card>
        </div>
      )}
    </>
  );
}

/**
 * Who read this record for support, when and why (decision 036): the care team sees every access
 * of the last 90 days; the admin reading sees the same, theirs first.
 */
function SupportReads({
  accesses,
  zone,
  support,
}: {
  accesses: ReadonlyArray<{
    id: string;
    adminName: string;
    reason: string;
    createdAt: Date;
    expiresAt: Date;
  }>;
  zone: string;
  support: boolean;
}) {
  const [latest, ...older] = accesses;
  if (!latest) return null;
  return (
    <Alert
      tone={support ? "warning" : "info"}
      className="-mt-3 mb-6"
      title={
        support
          ? `Support access: read-only, until ${formatDateTime(latest.expiresAt, zone)}`
          : "Read for support by an administrator"
      }
    >
      <p>
        {latest.adminName}, {formatDateTime(latest.createdAt, zone)}: “{latest.reason}”
      </p>
      {older.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-medium">
            {plural(older.length, "earlier support read", "earlier support reads")} (90 days)
          </summary>
          <ul className="mt-2 space-y-1">
            {older.map((a) => (
              <li key={a.id}>
                {a.adminName}, {formatDateTime(a.createdAt, zone)}: “{a.reason}”
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Alert>
  );
}
