import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type CaseloadRow = Outputs["caseload"]["list"]["rows"][number];
export type Review = Outputs["caseload"]["review"];
export type ReviewProcedure = Review["procedures"][number];
export type Selected = NonNullable<Review["selected"]>;
export type ReviewAssessment = Selected["assessment"];
export type ReviewFlag = Selected["flags"][number];
export type ReviewEntry = Selected["entries"]["rows"][number];
export type Decision = Review["decisions"][number];
export type ProcedureWithVersions = Outputs["procedure"]["get"];
export type CurrentPlan = NonNullable<Outputs["decision"]["current"]>;
export type ThreadMessage = Outputs["message"]["thread"]["messages"][number];
export type InboxRow = Outputs["message"]["inbox"]["rows"][number];
export type ReviewEvidence = NonNullable<Selected["evidence"]>;
export type PatientBlocks = Outputs["block"]["list"];
export type JudgedBlock = PatientBlocks["blocks"][number];
