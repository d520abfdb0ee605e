// The routers' input schemas that pages and forms use. Each is defined beside its router, in
// server/api/routers/<name>.schema.ts (client-safe: the lint rule lets those files import only
// zod, shared/ and server/outcomes/); pages and components import them from here, never from
// server/api/routers/.
export {
  ListAccountsInput,
  RoleSchema,
} from "@/server/api/routers/account.schema";
export { AUDIT_FILTER_KEYS, AuditFiltersInput } from "@/server/api/routers/audit.schema";
export { BLOCK_NOTE_MAX, BlockFields } from "@/server/api/routers/block.schema";
export type { AnswerBlockInput } from "@/server/api/routers/block-diary.schema";
export { CaseloadInput } from "@/server/api/routers/caseload.schema";
export {
  decisionFieldsShape,
  RATIONALE_MAX,
  STRATEGY_NOTE_MAX,
} from "@/server/api/routers/decision.schema";
export type { AddDiaryEntryInput } from "@/server/api/routers/diary.schema";
export type { ReportChangeInput } from "@/server/api/routers/message.schema";
export { OutcomeMembersInput, OutcomesInput } from "@/server/api/routers/outcomes.schema";
export {
  PROCEDURE_NOTES_MAX,
  ProcedureFields,
  procedureFieldsShape,
  TARGET_MAX,
} from "@/server/api/routers/procedure.schema";
