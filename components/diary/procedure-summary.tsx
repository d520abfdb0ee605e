import { formatDate, formatNumber } from "@/components/format";
import { type Modality, modalityLabels, treatedSiteLabel } from "@/server/outcomes/vocab";
import type { PatientProcedure } from "./types";

/** "Radiofrequency (heat) ablation: right knee" */
export function procedureTitle(p: Pick<PatientProcedure, "modality" | "region" | "side">) {
  const modality = modalityLabels[p.modality as Modality] ?? p.modality;
  return `${modality} ablation: ${treatedSiteLabel(p.region, p.side).toLowerCase()}`;
}

/** What was done and when: the patient's procedure in plain words. */
export function ProcedureSummary({ procedure, day }: { procedure: PatientProcedure; day: number }) {
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-3">
      <div className="sm:col-span-3">
        <dt className="sr-only">Procedure</dt>
        <dd className="text-base font-semibold text-slate-900">{procedureTitle(procedure)}</dd>
        {procedure.target ? <dd className="text-slate-600">{procedure.target}</dd> : null}
      </div>
      <div>
        <dt className="text-slate-600">Done on</dt>
        <dd className="font-medium text-slate-900">
          {formatDate(procedure.performedOn, { weekday: "long" })}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">Today is</dt>
        <dd className="font-medium text-slate-900">Day {day} after the procedure</dd>
      </div>
      <div>
        <dt className="text-slate-600">Pain before</dt>
        <dd className="font-medium text-slate-900">
          {formatNumber(procedure.baselinePain)} out of 10
        </dd>
      </div>
    </dl>
  );
}
