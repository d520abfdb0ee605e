import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["diary"];

export type FormDay = Outputs["formContext"]["days"][number];
export type DiaryEntry = Outputs["get"]["entry"];
export type CheckInQuestion = Outputs["get"]["checkIn"];
export type EntryVersion = Outputs["history"][number];
export type PatientHome = Outputs["home"];
export type PatientAssessment = NonNullable<Outputs["home"]["assessment"]>;
export type PatientProcedure = Outputs["procedures"][number];
