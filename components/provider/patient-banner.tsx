import type { ReactNode } from "react";
import { formatDate } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import type { ReviewState } from "@/server/outcomes/review-state";
import { ReviewStateBadge } from "./review-state-badge";

export type BannerPatient = {
  name: string;
  active: boolean;
  dateOfBirth: string | null;
  mrn: string | null;
  phone?: string | null;
};

/**
 * The banner every staff page about one patient starts with
 * (docs/decisions/012-patient-identity-and-presentation.md): the name (the page's heading), age and
 * date of birth, MRN, and the procedure and day, so that nobody acts on the wrong patient.
 */
export function PatientBanner({
  patient,
  age,
  procedure,
  state,
  actions,
  headingLevel = 1,
}: {
  patient: BannerPatient;
  age: number | null;
  /** "Radiofrequency ablation, lumbar spine · day 35"; null: none recorded. */
  procedure: string | null;
  state?: ReviewState | null;
  actions?: ReactNode;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section
      aria-label="Patient"
      className="mb-6 rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-sm sm:px-6"
    >
      <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <Heading className="text-2xl font-semibold tracking-tight text-slate-900">
              {patient.name}
            </Heading>
            {state ? <ReviewStateBadge state={state} /> : null}
            {patient.active ? null : <Badge tone="warning">Account deactivated</Badge>}
          </div>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-slate-600">Born</dt>
              <dd className="font-medium text-slate-900">
                {patient.dateOfBirth
                  ? `${formatDate(patient.dateOfBirth, { year: true })}${age === null ? "" : ` (${age})`}`
                  : "Not recorded"}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-600">MRN</dt>
              <dd className="num font-medium text-slate-900">{patient.mrn ?? "Not recorded"}</dd>
            </div>
            {patient.phone ? (
              <div className="flex gap-1.5">
                <dt className="text-slate-600">Phone</dt>
                <dd className="num font-medium text-slate-900">{patient.phone}</dd>
              </div>
            ) : null}
            <div className="flex gap-1.5">
              <dt className="text-slate-600">Procedure</dt>
              <dd className="font-medium text-slate-900">{procedure ?? "None recorded"}</dd>
            </div>
          </dl>
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </div>
    </section>
  );
}
