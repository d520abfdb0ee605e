import { formatDate, formatNumber } from "@/components/format";
import { type Modality, modalityLabels, type Region, regionLabels } from "@/server/outcomes/vocab";
import type { PatientProcedure } from "./types";

const lateralityWords: Record<string, string> = {
  left: "left side",
  right: "right side",
  bilateral: "both sides",
  midline: "middle",
};

/** "Radiofrequency (heat) ablation of the lumbar spine, both sides" */
export function procedureTitle(p: Pick<PatientProcedure, "modality" | "region" | "laterality">) {
  const modality = modalityLabels[p.modality as Modality] ?? p.modality;
  const region = (regionLabels[p.region as Region] ?? p.region).toLowerCase();
  const side = lateralityWords[p.laterality];
  return `${modality} ablation: ${region}${side ? `, ${side}` : ""}`;
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
